/**
 * Keeps the conformance suite's scenario servers on the loopback interface.
 *
 * The suite starts each scenario server with `listen(0)` (no host), which binds every interface,
 * and hands the client `http://localhost:PORT`. Our rule is that test servers bind 127.0.0.1
 * only, so this module, loaded into the suite's process with `node --import`, gives
 * `net.Server#listen` the host 127.0.0.1 whenever a call names a port but no host. Calls that
 * name a host, a path (IPC) or a handle are untouched.
 *
 * Some scenarios read `server.address().port` right after `listen(0)`, which works only because a
 * host-less listen binds synchronously. Node resolves a named host through `dns.lookup` first,
 * always asynchronously, even for an IP literal; so while our listen call runs, `dns.lookup` of
 * 127.0.0.1 answers synchronously and the bind stays synchronous as the suite expects.
 * `localhost` must resolve to 127.0.0.1 for the client under test (it does wherever /etc/hosts
 * maps it, the usual case).
 */
import dns from 'node:dns';
import net from 'node:net';

const LOOPBACK = '127.0.0.1';
const listen = net.Server.prototype.listen;
const lookup = dns.lookup;
let bindingLoopback = false;

dns.lookup = function lookupLoopbackAtOnce(hostname, options, callback) {
  if (!bindingLoopback || hostname !== LOOPBACK) return lookup.apply(this, arguments);
  const done = typeof options === 'function' ? options : callback;
  return void done(null, LOOPBACK, 4);
};

function listenOn(server, args) {
  bindingLoopback = true;
  try {
    return listen.apply(server, args);
  } finally {
    bindingLoopback = false;
  }
}

net.Server.prototype.listen = function listenOnLoopback(...args) {
  const [first, second] = args;
  const portOnly = typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first));
  if (portOnly && (second === undefined || typeof second === 'function')) return listenOn(this, [first, LOOPBACK, ...args.slice(1)]);
  const options = first && typeof first === 'object' && !(first instanceof net.Server) ? first : undefined;
  if (options && 'port' in options && options.host === undefined && options.path === undefined) {
    return listenOn(this, [{ ...options, host: LOOPBACK }, ...args.slice(1)]);
  }
  return listen.apply(this, args);
};

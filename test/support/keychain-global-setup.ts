import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Gives the test run its own keychain: a private D-Bus session bus and an unlocked gnome-keyring,
 * under a temporary HOME. Workers inherit the environment set here, so keytar in tests talks to
 * this throwaway keyring and never to a developer's own.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const home = mkdtempSync(join(tmpdir(), 'periscope-keyring-home-'));
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, XDG_DATA_HOME: join(home, '.local/share'), XDG_RUNTIME_DIR: home };

  const bus = spawnSync('dbus-daemon', ['--session', '--fork', '--print-address=1', '--print-pid=1', '--nopidfile'], {
    env,
    encoding: 'utf8',
  });
  if (bus.status !== 0) {
    throw new Error(`Cannot start a private D-Bus session (install the dbus package): ${bus.stderr || bus.error}`);
  }
  const [address, pidText] = bus.stdout.trim().split('\n');
  const busPid = Number(pidText);
  env.DBUS_SESSION_BUS_ADDRESS = address;

  const keyring: ChildProcess = spawn('gnome-keyring-daemon', ['--unlock', '--components=secrets', '--foreground'], {
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  keyring.stdin?.end('periscope-test-keyring');
  await waitForSecretService(env);

  Object.assign(process.env, {
    HOME: home,
    XDG_DATA_HOME: env.XDG_DATA_HOME,
    // The CLI launcher's code cache (bin/compile-cache.js) goes here, not to the developer's own.
    XDG_CACHE_HOME: join(home, '.cache'),
    XDG_RUNTIME_DIR: home,
    DBUS_SESSION_BUS_ADDRESS: address,
    PERISCOPE_TEST_KEYRING: '1',
  });

  return async () => {
    keyring.kill('SIGTERM');
    try {
      process.kill(busPid, 'SIGTERM');
    } catch {
      // already gone
    }
    rmSync(home, { recursive: true, force: true });
  };
}

/** The daemon registers org.freedesktop.secrets on the bus a moment after it starts. */
async function waitForSecretService(env: NodeJS.ProcessEnv): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const probe = spawnSync(
      'dbus-send',
      ['--session', '--print-reply', '--dest=org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus.NameHasOwner', 'string:org.freedesktop.secrets'],
      { env, encoding: 'utf8' },
    );
    if (probe.stdout?.includes('boolean true')) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('gnome-keyring did not register the Secret Service on the private D-Bus session');
}

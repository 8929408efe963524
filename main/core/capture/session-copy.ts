import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { TraceEntry } from '../../../shared/model/trace';
import { storageError } from './session-header';

/**
 * Saves a recorded session under another name: the file is copied as it is, streaming (every
 * entry whole, whatever its size), then the `later` entries the file does not have (those
 * after a recording stopped at its cap, as memory holds them) are appended. Resolves with the
 * number of entries saved.
 */
export async function copySessionFile(from: string, to: string, later: readonly TraceEntry[] = []): Promise<number> {
  let lines = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      for (let i = chunk.indexOf(0x0a); i >= 0; i = chunk.indexOf(0x0a, i + 1)) lines++;
      done(null, chunk);
    },
  });
  try {
    await mkdir(dirname(to), { recursive: true });
    const out = createWriteStream(to, { mode: 0o600 });
    await pipeline(createReadStream(from), counter, out, { end: false });
    for (const entry of later) out.write(`${JSON.stringify(entry)}\n`);
    await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
    return lines - 1 + later.length;
  } catch (error) {
    throw storageError(`Could not save the session to ${to}`, error);
  }
}


/**
 * Child process for the crash-safety test: starts an atomic write of remotes.json and kills
 * itself with SIGKILL after the temporary file is complete but before the rename, the worst
 * moment for a crash. Usage: node --import tsx crash-mid-write.ts <target> <file holding the new content>
 */
import { readFileSync } from 'node:fs';
import { writeFileAtomic } from '../../../main/core/remotes/atomic-write';

const [target, contentFile] = process.argv.slice(2);
const content = readFileSync(contentFile, 'utf8');
await writeFileAtomic(target, content, {
  beforeRename: (tempPath) => {
    process.stdout.write(`${tempPath}\n`);
    process.kill(process.pid, 'SIGKILL');
  },
});

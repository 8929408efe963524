import { open } from 'node:fs/promises';

/**
 * Writes an export file. With secret values in it, the file is made readable by its owner only
 * (0600) before a byte is written, also when it already existed: writeFile's `mode` applies only
 * to a file it creates, so re-exporting over an old 0644 file left the secrets readable by all.
 * @param path where to write (created, or truncated and replaced).
 * @param text the export, UTF-8.
 * @param includeSecrets whether `text` holds secret values.
 * @throws the file system's error as it came (callers name the file and the kind).
 */
export async function writeExportFile(path: string, text: string, includeSecrets: boolean): Promise<void> {
  const handle = await open(path, 'w', includeSecrets ? 0o600 : 0o644);
  try {
    if (includeSecrets) await handle.chmod(0o600);
    await handle.writeFile(text, 'utf8');
  } finally {
    await handle.close();
  }
}

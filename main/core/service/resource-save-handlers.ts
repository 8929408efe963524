import { writeFile } from 'node:fs/promises';
import type { ChannelOutput, ParsedInput } from '../../../shared/ipc/contract';
import type { ConnectionLookup } from './connection-lookup';
import type { FileDialogs } from './ports';
import { fileError, noDialogs } from './service-errors';

export interface ResourceSaveDeps {
  lookup: Pick<ConnectionLookup, 'any'>;
  dialogs?: FileDialogs;
}

/**
 * Saving a read resource's binary contents (a BlobResourceContents `blob`, MCP 2025-11-25
 * server/resources) to a file the user picks in the system dialog: the bytes the base64 stands for,
 * not its text. The window sends the blob it shows; the contract has already checked it is base64
 * and not over MAX_SAVED_BLOB_CHARS.
 */
export function resourceSaveHandlers({ lookup, dialogs }: ResourceSaveDeps) {
  return {
    'connections:save-resource-contents': async ({ connectionId, uri, mimeType, blob }: ParsedInput<'connections:save-resource-contents'>): Promise<ChannelOutput<'connections:save-resource-contents'>> => {
      lookup.any(connectionId); // an unknown connection is an error, as on every channel
      if (!dialogs) throw noDialogs();
      const path = await dialogs.chooseFileToSave({
        title: `Save ${uri}`,
        defaultName: suggestedFileName(uri, mimeType),
        filters: [{ name: 'All files', extensions: ['*'] }],
      });
      if (!path) return { cancelled: true };
      const bytes = Buffer.from(blob.replace(/[\r\n]/g, ''), 'base64');
      try {
        await writeFile(path, bytes);
      } catch (error) {
        throw fileError('write', path, error);
      }
      return { cancelled: false, path, bytes: bytes.length };
    },
  };
}

const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'application/zip': 'zip',
  'application/gzip': 'gz',
  'application/octet-stream': 'bin',
  'application/wasm': 'wasm',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/svg+xml': 'svg',
  'audio/mpeg': 'mp3',
  'audio/wav': 'wav',
  'video/mp4': 'mp4',
};

/**
 * A file name from the URI's last path segment (or its host), made safe for every file system,
 * with an extension from the MIME type when it has none. "playground://logo.png" → "logo.png".
 */
export function suggestedFileName(uri: string, mimeType?: string): string {
  let last: string;
  try {
    const url = new URL(uri);
    last = decodeURIComponent(url.pathname.split('/').filter(Boolean).pop() ?? '') || url.hostname || url.protocol.replace(/:$/, '');
  } catch {
    last = uri.split(/[/\\]/).filter(Boolean).pop() ?? '';
  }
  const safe = last.replace(/[^\w.-]+/g, '-').replace(/^[-.]+|-+$/g, '').slice(0, 100) || 'resource';
  const extension = mimeType ? EXTENSIONS[mimeType.toLowerCase().split(';')[0]!.trim()] : undefined;
  return extension && !/\.\w{1,8}$/.test(safe) ? `${safe}.${extension}` : safe;
}

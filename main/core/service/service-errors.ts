import { PeriscopeError } from '../diagnostics/periscope-error';

export function unknownConnection(connectionId: string): PeriscopeError {
  return new PeriscopeError({
    kind: 'not-found',
    message: `There is no open connection with id "${connectionId}".`,
    hint: 'It may have been closed already; connect again from the remote list.',
    detail: { connectionId },
  });
}

export function unknownRemote(remoteId: string): PeriscopeError {
  return new PeriscopeError({
    kind: 'not-found',
    message: `No saved remote has the id "${remoteId}".`,
    hint: 'It may have been deleted; pick a remote from the list again.',
    detail: { remoteId },
  });
}

export function noDialogs(): PeriscopeError {
  return new PeriscopeError({
    kind: 'internal',
    message: 'File dialogs are not available in this window.',
    hint: 'Restart MCP Periscope; if the file dialogs still do not open, report it.',
  });
}

export function fileError(action: string, path: string, error: unknown): PeriscopeError {
  const system = error instanceof Error ? error.message : String(error);
  return new PeriscopeError({
    kind: 'storage',
    message: `Could not ${action} ${path}: ${system}`,
    hint: 'Check that the file exists, that you may read and write it, and that the disk is not full.',
    detail: { path, systemMessage: system },
  });
}

export function refusedUrl(url: string): PeriscopeError {
  return new PeriscopeError({
    kind: 'invalid-url',
    message: `Refused to open "${url.slice(0, 200)}": only http and https links open in the browser.`,
    hint: 'Copy the link and open it yourself if you trust it.',
  });
}

export function noSettings(): PeriscopeError {
  return new PeriscopeError({
    kind: 'internal',
    message: 'Settings are not available in this window.',
    hint: 'Restart MCP Periscope; if it happens again, report it.',
  });
}

import { periscope } from './api';
import { reportError } from './remote-actions';

/**
 * Opens an http(s) address in the system browser (main refuses anything else: file:, javascript:,
 * embedded credentials). Called only from a click on a control that shows the full address.
 */
export async function openInBrowser(url: string): Promise<void> {
  const result = await periscope().app.openExternal(url);
  if (!result.ok) reportError('Could not open the link in the browser', result.error);
}

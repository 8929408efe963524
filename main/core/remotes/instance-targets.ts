import type { ConnectionTargetInput } from '../../../shared/model/connection';

/** One instance of a group as the engine reaches it: the group's settings with this URL. */
export interface InstanceTarget {
  /** The instance's MCP endpoint URL (a stdio remote's label): its name in every report. */
  instance: string;
  target: ConnectionTargetInput;
  /** The connection's label: `<label> (instance i of n)` in a group of two or more. */
  label: string;
}

/**
 * The instances of one resolved target: for two URLs or more (a group, its own URL first), each
 * URL with the target's settings, labelled `<label> (instance i of n)`; otherwise the target as it
 * is. The one place instances are labelled, for the app and the CLI alike.
 */
export function instanceTargets(target: ConnectionTargetInput, label: string, urls: readonly string[]): InstanceTarget[] {
  if (urls.length < 2) return [{ instance: target.url ?? label, target, label }];
  return urls.map((url, index) => ({ instance: url, target: { ...target, url }, label: `${label} (instance ${index + 1} of ${urls.length})` }));
}

import type { BundleSummary } from '../../../shared/ipc/contract';
import { BUNDLE_PARTS, type BundlePartName, type ReproBundle } from '../../../shared/model/repro-bundle';
import { cutUtf8 } from '../capture/utf8-cut';

/** Each optional part is shown as JSON text up to this size (the whole part stays in the file). */
export const PART_SHOWN_BYTES = 64 * 1024;

/** The summary panel's view of a bundle: everything but the trace, each part present as pretty JSON, cut for display. */
export function bundleSummary(bundle: ReproBundle): BundleSummary {
  const parts: BundleSummary['parts'] = [];
  for (const name of Object.keys(BUNDLE_PARTS) as BundlePartName[]) {
    const value = bundle[name];
    if (value === undefined) continue;
    let json: string;
    try {
      json = JSON.stringify(value, null, 2);
    } catch {
      // Nested past what the JSON encoder can walk: say so instead of failing the whole bundle.
      json = '(this part nests too deeply to show)';
    }
    const kept = cutUtf8(json, PART_SHOWN_BYTES);
    parts.push({ name, title: BUNDLE_PARTS[name].title, json: kept.text, cut: kept.cut });
  }
  return { createdAt: bundle.createdAt, remote: bundle.remote, versions: bundle.versions, outcome: bundle.outcome, parts };
}

import type { ErrorInfo } from '../../../shared/model/error-info';
import { withoutTrailingPlace } from './error-text';
import type { OrphanResponse } from '../capture/traced-transport';

/**
 * A request that timed out (or whose event stream ended unanswered) while the server sent answers
 * no request was waiting for: most likely the server answered it under the wrong id. Says which
 * ids arrived and which were waiting, so the user looks at the server's id handling instead of
 * its speed or its stream. `protocol`, because the server did answer; `ended` is only how the
 * request ended (kept in the detail as `then`).
 */
export function orphanTimeout(ended: ErrorInfo, orphans: OrphanResponse[]): ErrorInfo {
  const shown = orphans.slice(-3);
  const answers = shown.map(describeOrphan).join('; ');
  const waiting = [...new Set(shown.flatMap((o) => o.waiting))].map((id) => JSON.stringify(id));
  return {
    kind: 'protocol',
    message: `${withoutTrailingPlace(ended.message)}, although the server sent ${shown.length === 1 ? 'an answer' : `${shown.length} answers`} matching no waiting request meanwhile: ${answers}${waiting.length ? ` (${waiting.length === 1 ? 'id of the request waiting' : 'ids of the requests waiting'}: ${waiting.join(', ')})` : ''}`,
    hint: 'the server likely answered under the wrong id: a JSON-RPC response must carry its request\'s id, with the same type; the trace marks each orphan answer',
    detail: {
      orphans: shown.map((o) => ({ id: o.id ?? null, seq: o.seq, waiting: o.waiting, ...(o.error ? { error: o.error } : {}) })),
      then: { kind: ended.kind, message: ended.message },
    },
  };
}

function describeOrphan(orphan: OrphanResponse): string {
  const id = orphan.id === null ? 'id null' : orphan.id === undefined ? 'no id' : `id ${JSON.stringify(orphan.id)}`;
  const error = orphan.error ? `, JSON-RPC error ${String(orphan.error.code)}: ${String(orphan.error.message)}` : '';
  return `${orphan.error ? 'an error' : 'a result'} with ${id}${error} (trace entry ${orphan.seq})`;
}

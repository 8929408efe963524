import type { ExerciseReport, ListingReport, StepOutcome, StepReport } from './exercise-steps';

const ARGS_SHOWN_CHARS = 120;

/** One line per step: outcome, method and name, arguments (shortened), latency, and why it failed. */
export function formatStep(step: StepReport): string {
  const args = step.arguments && Object.keys(step.arguments).length > 0 ? ` ${shorten(JSON.stringify(step.arguments), ARGS_SHOWN_CHARS)}` : '';
  const why = step.outcome === 'error' ? `  ${step.error?.kind}: ${step.error?.message}` : step.outcome === 'isError' ? `  the tool reported an error: ${firstText(step.result)}` : '';
  return `  ${step.outcome.padEnd(7)}  ${step.method} ${step.name}${args}  ${step.latencyMs.toFixed(1)} ms${why}`;
}

/** The section header printed before a listing's steps: what was listed, or why not. */
export function formatListing(title: string, listing: ListingReport): string {
  if (listing.skipped) return `${title}: skipped (${listing.skipped})`;
  if (listing.error) return `${title}: listing failed (${listing.error.kind}: ${listing.error.message})`;
  const templates = listing.templates ? `, ${listing.templates} template${listing.templates > 1 ? 's' : ''} (not read: they need URI values)` : '';
  const more = listing.morePages ? '; more on further pages, not exercised' : '';
  const leftOut = (listing.invalid?.length ?? 0) + (listing.invalidTemplates?.length ?? 0);
  const invalid = leftOut ? `; ${leftOut} left out: ${leftOut === 1 ? 'it breaks' : 'they break'} the MCP schema (see the warnings)` : '';
  return `${title}: ${listing.listed} listed${templates}${more}${invalid}`;
}

export interface ExerciseSummary {
  ok: number;
  isError: number;
  error: number;
}

/** Counts of every step of the run, by outcome. */
export function summarize(report: ExerciseReport): ExerciseSummary {
  const steps = [...report.tools.calls, ...report.resources.reads, ...report.prompts.gets];
  const count = (outcome: StepOutcome) => steps.filter((s) => s.outcome === outcome).length;
  return { ok: count('ok'), isError: count('isError'), error: count('error') };
}

export function formatSummary(summary: ExerciseSummary): string {
  const total = summary.ok + summary.isError + summary.error;
  return `Summary: ${total} request${total === 1 ? '' : 's'}: ${summary.ok} ok, ${summary.isError} isError (the tool reported a failure), ${summary.error} error (the request failed)`;
}

function firstText(result: unknown): string {
  const content = (result as { content?: Array<{ type?: string; text?: string }> } | undefined)?.content ?? [];
  const text = content.find((block) => block.type === 'text')?.text;
  return text ? shorten(text.split(/\r?\n/)[0]!, ARGS_SHOWN_CHARS) : '(no text)';
}

function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

import type { Writable } from 'node:stream';
import { markRoundedNumbers, roundedNumbersWarning } from './format/rounded-numbers';
import { terminalSafe } from './terminal-safe';

/** Anything that can mask known secret values in text and in values (the capture layer's Redactor fits). */
export interface TextMasker {
  text(s: string): string;
  value?<T>(v: T): T;
}

/**
 * The single way commands write. Every string passes through the masker, so a secret given
 * with -H cannot reach the terminal even if a server echoes it back or an error quotes it, and
 * then through terminalSafe, so no control or escape sequence a server sent reaches the terminal
 * (human text shows it as `\u001b`; JSON keeps the same value, escaped by JSON's own rules).
 */
export class CommandOutput {
  private maskers: TextMasker[] = [];

  constructor(
    private readonly stdout: Writable,
    private readonly stderr: Writable,
    readonly json: boolean,
  ) {}

  addMasker(masker: TextMasker): void {
    this.maskers.push(masker);
  }

  mask(text: string): string {
    return this.maskers.reduce((t, m) => m.text(t), text);
  }

  /** Masked and terminal-safe: what every write below sends. */
  safe(text: string): string {
    return terminalSafe(this.mask(text));
  }

  /** Human text to stdout; suppressed in --json mode, where only data() speaks on stdout. */
  line(text = ''): void {
    if (!this.json) this.stdout.write(`${this.safe(text)}\n`);
  }

  /**
   * The command's machine-readable result (printed only in --json mode). Masked as a value first,
   * so the JSON stays valid; an integer the SDK's JSON parsing may have rounded is written as a
   * marked string, never as a number that looks exact (see format/rounded-numbers.ts), with a
   * warning on stderr; then masked and made terminal-safe as text like every other line.
   */
  data(value: unknown): void {
    if (!this.json) return;
    const masked = this.maskers.reduce((v, m) => (m.value ? m.value(v) : v), value);
    const { value: marked, paths } = markRoundedNumbers(masked);
    if (paths.length > 0) this.note(roundedNumbersWarning(paths));
    this.stdout.write(`${this.safe(JSON.stringify(marked, null, 2))}\n`);
  }

  /**
   * One record of a streaming command's --json output (`subscribe`, `logs`): one compact JSON
   * object per line, so a reader can act on each as it comes. Masked and marked as data() is.
   */
  record(value: unknown): void {
    if (!this.json) return;
    const masked = this.maskers.reduce((v, m) => (m.value ? m.value(v) : v), value);
    const { value: marked, paths } = markRoundedNumbers(masked);
    if (paths.length > 0) this.note(roundedNumbersWarning(paths));
    this.stdout.write(`${this.safe(JSON.stringify(marked))}\n`);
  }

  /** Diagnostics (trace, progress, warnings) go to stderr in both modes so stdout stays parseable. */
  note(text: string): void {
    this.stderr.write(`${this.safe(text)}\n`);
  }

  /** Raw stdout write for JSON error objects, still masked. */
  rawOut(text: string): void {
    this.stdout.write(this.safe(text));
  }
}

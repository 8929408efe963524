import type { Writable } from 'node:stream';

/** Anything that can mask known secret values in text and in values (the capture layer's Redactor fits). */
export interface TextMasker {
  text(s: string): string;
  value?<T>(v: T): T;
}

/**
 * The single way commands write. Every string passes through the masker, so a secret given
 * with -H cannot reach the terminal even if a server echoes it back or an error quotes it.
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

  /** Human text to stdout; suppressed in --json mode, where only data() speaks on stdout. */
  line(text = ''): void {
    if (!this.json) this.stdout.write(`${this.mask(text)}\n`);
  }

  /**
   * The command's machine-readable result (printed only in --json mode). Masked as a value first,
   * so the JSON stays valid, then as text like every other line.
   */
  data(value: unknown): void {
    if (!this.json) return;
    const masked = this.maskers.reduce((v, m) => (m.value ? m.value(v) : v), value);
    this.stdout.write(`${this.mask(JSON.stringify(masked, null, 2))}\n`);
  }

  /** Diagnostics (trace, progress, warnings) go to stderr in both modes so stdout stays parseable. */
  note(text: string): void {
    this.stderr.write(`${this.mask(text)}\n`);
  }

  /** Raw stdout write for JSON error objects, still masked. */
  rawOut(text: string): void {
    this.stdout.write(this.mask(text));
  }
}

import { AUTH_DEBUG_RUN_VERSION, AUTH_DEBUG_STEP_TITLES, AUTH_DEBUG_STEPS, worstVerdict, type AuthDebugParty, type AuthDebugRun, type AuthDebugStepName, type AuthDebugStepResult } from '../../../shared/model/auth-debug';
import type { HttpEntry } from '../../../shared/model/trace';
import { Redactor } from '../capture/redaction';
import { authorizationRequestStep, clientRegistrationStep } from './authorization-steps';
import { authorizationServerMetadataStep, challengeStep, resourceMetadataStep } from './discovery-steps';
import { authorizationResponseStep } from './redirect-step';
import { messageOf, type AuthDebugOptions, type AuthDebugState, type StepContext, type StepOutcome } from './step-context';
import { STEP_EXPECTATIONS } from './step-expectations';
import { StepRecorder } from './step-recorder';
import { authenticatedRequestStep, tokenRequestStep } from './token-steps';
import { noAnswerStop, noAnswerWords, notSent, UnansweredRequest, unansweredArrows, unansweredOf } from './unanswered-request';

export type { AuthDebugOptions } from './step-context';

const RUNNERS: Record<AuthDebugStepName, (ctx: StepContext) => Promise<StepOutcome>> = {
  challenge: challengeStep,
  'resource-metadata': resourceMetadataStep,
  'authorization-server-metadata': authorizationServerMetadataStep,
  'client-registration': clientRegistrationStep,
  'authorization-request': authorizationRequestStep,
  'authorization-response': authorizationResponseStep,
  'token-request': tokenRequestStep,
  'authenticated-request': authenticatedRequestStep,
};

/** Whom each step's requests go to: the lane of a request that got no answer, when the step did not say. */
const STEP_PARTY: Record<AuthDebugStepName, AuthDebugParty> = {
  challenge: 'mcp-server',
  'resource-metadata': 'mcp-server',
  'authorization-server-metadata': 'authorization-server',
  'client-registration': 'authorization-server',
  'authorization-request': 'authorization-server',
  'authorization-response': 'authorization-server',
  'token-request': 'authorization-server',
  'authenticated-request': 'mcp-server',
};

/**
 * The guided auth debugger: an MCP authorization (MCP Authorization 2025-11-25 / 2026-07-28:
 * RFC 9728 discovery, RFC 8414 metadata, RFC 7591 or CIMD registration, OAuth 2.1 authorization
 * code with PKCE, RFC 8707 resource, RFC 9207 iss) taken one step per `next()`, each step one SDK
 * call made through a recording fetch, so every exchange is kept as the trace records it (masked).
 * It needs no connection: only the server's URL. The state between steps stays in this object.
 *
 * `next()` resolves with the step's result; a step whose failure leaves nothing to go on with
 * ends the run (`done` becomes true; the result's `stopped` says why). A step never rejects: an
 * unexpected error becomes a `fail` finding. Call `close()` when done (it stops the loopback
 * redirect listener).
 */
export class AuthDebugger {
  private readonly redactor: Redactor;
  private readonly recorder: StepRecorder;
  private readonly state: AuthDebugState = {};
  private readonly results: AuthDebugStepResult[] = [];
  private readonly startedAt = Date.now();
  private stoppedEarly = false;
  private running?: Promise<AuthDebugStepResult>;

  constructor(private readonly options: AuthDebugOptions) {
    this.redactor = options.redactor ?? new Redactor();
    if (options.clientSecret) this.redactor.addSecretValue(options.clientSecret);
    this.redactor.url(options.serverUrl);
    this.recorder = new StepRecorder(this.redactor, options.fetch);
  }

  /** The step `next()` runs, or undefined when the run is over. */
  get nextStep(): AuthDebugStepName | undefined {
    return this.done ? undefined : AUTH_DEBUG_STEPS[this.results.length];
  }

  get done(): boolean {
    return this.stoppedEarly || this.results.length >= AUTH_DEBUG_STEPS.length;
  }

  /** Runs the next step. Errors: rejects only when the run is over (or a step is still running). */
  next(): Promise<AuthDebugStepResult> {
    const step = this.nextStep;
    if (!step) return Promise.reject(new Error('The auth debugger run is over: every step ran, or one stopped it.'));
    if (this.running) return Promise.reject(new Error('A step is still running.'));
    this.running = this.runStep(step).finally(() => (this.running = undefined));
    return this.running;
  }

  /** The run so far: every step's result, masked with every secret learned up to now (the export's content). */
  get run(): AuthDebugRun {
    return this.redactor.value({
      kind: 'periscope-auth-debug-run',
      version: AUTH_DEBUG_RUN_VERSION,
      serverUrl: this.redactor.url(this.options.serverUrl, { learn: false }),
      startedAt: this.startedAt,
      steps: this.results,
      finished: this.done,
      verdict: worstVerdict(this.results.map((r) => r.verdict)),
    } satisfies AuthDebugRun);
  }

  /** Stops the loopback redirect listener (a waiting authorization step then fails). */
  async close(): Promise<void> {
    await this.state.loopback?.close();
  }

  private async runStep(step: AuthDebugStepName): Promise<AuthDebugStepResult> {
    const startedAt = Date.now();
    const began = performance.now();
    const ctx: StepContext = { options: this.options, state: this.state, fetch: this.recorder.fetch, redactor: this.redactor, recorded: () => this.recorder.settled() };
    let outcome: StepOutcome;
    try {
      outcome = await RUNNERS[step](ctx);
    } catch (error) {
      outcome = this.failedOutcome(step, error, await this.recorder.settled());
    }
    const exchanges = await this.recorder.take();
    const result: AuthDebugStepResult = this.redactor.value({
      step,
      title: AUTH_DEBUG_STEP_TITLES[step],
      startedAt,
      durationMs: Math.round((performance.now() - began) * 10) / 10,
      exchanges,
      expectation: STEP_EXPECTATIONS[step],
      verdict: worstVerdict(outcome.findings.map((f) => f.verdict)),
      findings: outcome.findings,
      facts: outcome.facts,
      arrows: outcome.arrows,
      ...(outcome.stopped ? { stopped: outcome.stopped } : {}),
    });
    this.results.push(result);
    if (outcome.stopped) this.stoppedEarly = true;
    if (this.done) await this.close();
    return result;
  }

  /**
   * A step that threw. When one of its requests got no answer, that is the cause (fetch itself
   * only says "fetch failed"): said as the app says a failed connection, with what to try, and
   * drawn as the request and its missing answer, or, for a request fetch refused to send (a
   * blocked port), as a request that never reached the server (unansweredArrows).
   */
  private failedOutcome(step: AuthDebugStepName, error: unknown, exchanges: HttpEntry[]): StepOutcome {
    const sent = error instanceof UnansweredRequest ? error.arrows : [];
    const unanswered = unansweredOf(exchanges);
    if (!unanswered) {
      return {
        findings: [{ id: 'step-error', verdict: 'fail', message: `The step could not be completed: ${this.redactor.text(messageOf(error))}.` }],
        facts: {},
        arrows: sent,
        stopped: 'The step could not be completed.',
      };
    }
    const party = sent.at(-1)?.to ?? STEP_PARTY[step];
    const request = sent.at(-1) ?? { from: 'client' as const, to: party, label: `${unanswered.method} ${pathOf(unanswered.url)}` };
    const unsent = notSent(unanswered.error);
    return {
      findings: [{ id: unsent ? 'not-sent' : 'no-answer', verdict: 'fail', message: `The request ${unsent ? 'was not sent' : 'got no answer'}: ${noAnswerWords(unanswered.error)}` }],
      facts: {},
      arrows: [...sent.slice(0, -1), ...unansweredArrows(request, unanswered.error)],
      stopped: noAnswerStop(party, unanswered.error),
    };
  }
}

/** A URL's path, for an arrow's label (the host is the lane's). */
function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

/**
 * Runs every step in turn (until one stops the run), calling `onStep` after each; resolves with
 * the whole run (masked). Closes the debugger at the end.
 */
export async function runAuthDebug(options: AuthDebugOptions, onStep?: (result: AuthDebugStepResult) => void | Promise<void>): Promise<AuthDebugRun> {
  const debug = new AuthDebugger(options);
  try {
    while (!debug.done) {
      const result = await debug.next();
      await onStep?.(result);
    }
    return debug.run;
  } finally {
    await debug.close();
  }
}

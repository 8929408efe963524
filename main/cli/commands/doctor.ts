import { maskUrlPasswords } from '../../../shared/model/url-userinfo';
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { ConnectionTargetInput, DoctorLayerResult, DoctorReport } from '../../../shared/model';
import { redactorForTarget } from '../../core/capture/redaction';
import { DOCTOR_LAYER_EXIT_KINDS, EXIT_CODES } from '../../core/diagnostics/exit-codes';
import { isPeriscopeError, PeriscopeError } from '../../core/diagnostics/periscope-error';
import { oauthForTarget } from '../auth-options';
import { actionCommand, connectingArgs, TARGET_HELP, type CommandContext } from '../command-context';
import { connectingUsage, withConnectionOptions } from '../connection-options';
import { FailedOutcome } from '../error-report';
import { cliHint } from '../fix-options';
import { resolveTarget } from '../target';
import { instanceTargets } from '../../core/remotes/instance-targets';
import { CLIENT_INFO } from '../version';
import { noExtra } from './connect';

const VERDICT_WORDS: Record<DoctorLayerResult['verdict'], string> = { pass: 'pass', warn: 'WARN', fail: 'FAIL', skipped: 'skip' };

/**
 * `periscope doctor <url|remote>`: the connection doctor (core/doctor/run-doctor.ts), layer by
 * layer with a verdict, time and finding each, then the fixes; for a saved group, every instance
 * in turn (`--json`: `{ label, instances: [report...] }`). `--json` prints the whole report,
 * `--junit FILE` writes it as JUnit XML. Exit 0 when no layer failed (warnings allowed), otherwise
 * the exit code of the first failed layer's error kind (exit-codes.ts: dns 20, refused 21, tls 22...).
 */
export function registerDoctorCommand(program: Command, cctx: CommandContext): void {
  withConnectionOptions(
    program
      .command('doctor')
      .argument('[target]', TARGET_HELP)
      .usage(connectingUsage())
      .option('--junit <file>', 'also write the report as JUnit XML to <file> (one test case per layer; a group: one test suite per instance), for CI')
      .description('check a remote layer by layer (URL, DNS, TCP, TLS, HTTP, health, transport and era, initialize, auth, metrics): each timed, with a verdict and a fix')
      .addHelpText('after', doctorExitHelp),
  ).action(async (...params: unknown[]) => {
    const cmd = actionCommand(params);
    const { options, target: arg, rest } = connectingArgs(cmd, cctx);
    noExtra(rest, cmd);
    if (options.stdio) throw new PeriscopeError({ kind: 'invalid-input', message: 'The connection doctor checks a network endpoint; a stdio server has no DNS, TCP, TLS or HTTP to check.', hint: 'Give a URL or a saved remote.' });
    const junitFile = (cmd.opts() as { junit?: string }).junit;
    const { target, label, saved, instances } = await doctorTarget(arg!, options, cctx);
    // A saved group: every instance is checked in turn, with the group's headers, TLS and era.
    const checks = instanceTargets(target, label, instances ?? []);
    for (const check of checks) cctx.out.addMasker(redactorForTarget(check.target));
    const oauth = target.url && !isUnparsed(target) ? await oauthForTarget(target, options, cctx, (line) => cctx.out.note(line), saved) : undefined;
    const { runDoctor } = await import('../../core/doctor/run-doctor');
    // The label is what was typed when it is not a URL the checks can parse: mask a password in it.
    cctx.out.line(`periscope doctor ${maskUrlPasswords(label)}`);
    const width = 'initialize'.length;
    const reports: DoctorReport[] = [];
    for (const check of checks) {
      if (checks.length > 1) cctx.out.line(`${reports.length > 0 ? '\n' : ''}${check.label}: ${check.target.url}`);
      const report = await runDoctor(
        { target: check.target, label: check.label, clientInfo: CLIENT_INFO, ...(options.timeout ? { stepTimeoutMs: options.timeout } : {}), ...(oauth ? { oauth } : {}) },
        (layer) => cctx.out.line(formatLayer(layer, width)),
      );
      for (const line of formatFixes(report)) cctx.out.line(line);
      reports.push(report);
    }
    if (junitFile) await writeJunit(junitFile, reports);
    cctx.out.data(checks.length > 1 ? { label, instances: reports } : reports[0]);
    const failedReport = reports.find((r) => r.firstFailure !== undefined);
    const failed = failedReport?.layers.find((l) => l.layer === failedReport.firstFailure);
    const warnings = reports.reduce((n, r) => n + r.layers.filter((l) => l.verdict === 'warn').length, 0);
    const durationMs = reports.reduce((ms, r) => ms + r.durationMs, 0);
    if (!failedReport || !failed) {
      const where = checks.length > 1 ? ` on any of the ${checks.length} instances` : '';
      cctx.out.line(`no layer failed${where} (${warnings} warnings) in ${durationMs.toFixed(0)} ms`);
      return;
    }
    const failing = reports.filter((r) => r.firstFailure !== undefined).length;
    const what = `layer failed: ${failed.finding}`;
    const message =
      checks.length > 1
        ? `${failedReport.label}, ${failedReport.url}: the ${failed.title} ${what}${failing > 1 ? ` (${failing} of ${checks.length} instances failed; each is above)` : ''}`
        : `The ${failed.title} ${what}`;
    throw new FailedOutcome({
      kind: failed.errorKind ?? 'internal',
      message,
      hint: failed.fix ?? '',
      ...(failed.fixes ? { fixes: failed.fixes } : {}),
      detail: { layer: failed.layer, ...(checks.length > 1 ? { instance: failedReport.url } : {}) },
    });
  });
}

/** The target as a connection would get it; a URL that does not parse still goes to the doctor, whose URL layer explains it. */
async function doctorTarget(arg: string, options: Parameters<typeof resolveTarget>[1], cctx: CommandContext): Promise<Awaited<ReturnType<typeof resolveTarget>>> {
  try {
    return await resolveTarget(arg, options, cctx);
  } catch (error) {
    if (isPeriscopeError(error) && error.info.kind === 'invalid-url' && /[:/]/.test(arg)) {
      return { target: { url: arg, transport: options.transport, headers: [] }, label: arg };
    }
    throw error;
  }
}

function isUnparsed(target: ConnectionTargetInput): boolean {
  try {
    new URL(target.url ?? '');
    return false;
  } catch {
    return true;
  }
}

/** `pass    12.3 ms  tcp         Connected to 127.0.0.1:3000 in 1.2 ms` (made terminal-safe by the output). */
export function formatLayer(layer: DoctorLayerResult, width: number): string {
  const time = layer.verdict === 'skipped' && layer.durationMs === 0 ? '' : `${layer.durationMs.toFixed(1)} ms`;
  return `${VERDICT_WORDS[layer.verdict].padEnd(4)}  ${time.padStart(10)}  ${layer.layer.padEnd(width)}  ${layer.finding}`;
}

/** The fixes of the failed and warned layers, with the CLI options that apply. */
export function formatFixes(report: DoctorReport): string[] {
  const lines = report.layers
    .filter((l) => l.fix && (l.verdict === 'fail' || l.verdict === 'warn'))
    .map((l) => `  ${l.layer}: ${cliHint({ kind: l.errorKind ?? 'internal', message: l.finding, hint: l.fix!, ...(l.fixes ? { fixes: l.fixes } : {}) })}`);
  return lines.length ? ['fixes:', ...lines] : [];
}

async function writeJunit(file: string, reports: DoctorReport[]): Promise<void> {
  const { doctorJunitXml } = await import('../../core/doctor/junit-report');
  try {
    await writeFile(file, doctorJunitXml(reports.length === 1 ? reports[0]! : reports), 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'unknown';
    throw new PeriscopeError({ kind: 'storage', message: `Could not write the JUnit report to "${file}" (${code})`, hint: 'check that the folder exists and is writable' }, { cause: error });
  }
}

/** The exit codes by layer, after `periscope doctor --help`. */
function doctorExitHelp(): string {
  const rows = Object.entries(DOCTOR_LAYER_EXIT_KINDS).map(([layer, kinds]) => `  ${layer.padEnd(11)} ${kinds.length ? kinds.map((k) => `${EXIT_CODES[k]} ${k}`).join(', ') : 'never fails (warns only)'}`);
  return ['', 'Exit codes: 0 when no layer failed (warnings allowed); otherwise that of the first failed layer:', ...rows].join('\n');
}

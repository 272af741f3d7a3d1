import { checkBuiltIssue } from '../../check/check-built-issue.js';
import { systemEnvironment } from '../../check/environment.js';
import { CHECK_GROUPS } from '../../check/rule-set.js';
import type { CheckReport, CheckVerdict, GroupResult } from '../../check/report.js';
import { ExitCode } from '../exit-codes.js';
import { paint, printDiagnostics, progressBar, shownDiagnostics, shownPath, type Color } from '../terminal.js';

interface CheckFlags {
  config?: string;
  out?: string;
  json?: boolean;
  verbose?: boolean;
}

/** One line per group: what it measured, or why it was skipped. */
function groupLine(result: GroupResult): string {
  if (result.status === 'skipped') return `skipped: ${result.reason}`;
  const errors = result.findings.filter((finding) => finding.severity === 'error').length;
  const warnings = result.findings.filter((finding) => finding.severity === 'warning').length;
  const counts = errors + warnings === 0 ? 'ok' : [errors && `${errors} error${errors === 1 ? '' : 's'}`, warnings && `${warnings} warning${warnings === 1 ? '' : 's'}`].filter(Boolean).join(', ');
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  if (result.group === 'size' && result.summary) return `${counts} (${kb(result.summary.bytes)} of ${kb(result.summary.maxBytes)})`;
  if (result.group === 'spam' && result.summary) {
    const { score, required, rules } = result.summary;
    const fired = rules.filter((rule) => rule.score > 0).map((rule) => `${rule.name} +${rule.score}`);
    return `${counts} (SpamAssassin ${score} points, ${required} required${fired.length > 0 ? `: ${fired.join(', ')}` : ''})`;
  }
  if (result.group === 'clients' && result.summary) {
    const { unsupportedFeatures, partiallySupportedFeatures, clients } = result.summary;
    return `${unsupportedFeatures} CSS features unsupported and ${partiallySupportedFeatures} partly supported across ${clients} major clients`;
  }
  return counts;
}

function printReport(report: CheckReport, messageFile: string, verbose: boolean): void {
  const out = process.stdout;
  const color = paint(out);
  out.write(`${color('bold', `Checking ${report.issue}`)} ${color('dim', `(the sample subscriber's message, as sent: ${shownPath(messageFile)})`)}\n`);
  for (const group of report.groups) {
    const line = groupLine(group);
    const tint = group.status === 'skipped' ? 'yellow' : group.findings.some((f) => f.severity === 'error') ? 'red' : 'dim';
    out.write(`  ${group.group.padEnd(14)}${color(tint, line)}\n`);
  }
  // Notes are counted in the group lines; one per client feature and spam rule is detail.
  printDiagnostics(verbose ? report.findings : report.findings.filter((finding) => finding.severity !== 'info'), out);
  const { error, warning, info } = report.counts;
  const [tint, verdict] = verdictLine(report);
  out.write(`${report.issue}: ${error} error${error === 1 ? '' : 's'}, ${warning} warning${warning === 1 ? '' : 's'}, ${info} note${info === 1 ? '' : 's'}${info > 0 && !verbose ? ' (--verbose lists them)' : ''}; ${color(tint, verdict)}\n`);
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** The verdict names every skipped group: a check that could not look is never silent about it. */
export function verdictLine(report: Pick<CheckReport, 'verdict' | 'skipped'>): [Color, string] {
  const required = report.skipped.filter((group) => group.required).map((group) => group.group);
  const recommended = report.skipped.filter((group) => !group.required).map((group) => group.group);
  const notRun = recommended.length > 0 ? ` (not run: ${recommended.join(', ')}, recommended)` : '';
  if (report.verdict === 'problems') return ['red', `not ready to send${report.skipped.length > 0 ? ` (not run: ${report.skipped.map((group) => group.group).join(', ')})` : ''}`];
  if (report.verdict === 'incomplete') {
    return ['yellow', `no errors, but ${plural(required.length, 'required group')} ${required.length === 1 ? 'was' : 'were'} skipped (${required.join(', ')}): not fully checked${notRun}`];
  }
  return ['green', `no errors: ready to send${notRun}`];
}

const EXIT_CODES: Record<CheckVerdict, number> = { ready: ExitCode.ok, problems: ExitCode.problems, incomplete: ExitCode.incomplete };

/** The report as `--json` prints it: paths relative to the working folder, as in the lines. */
function jsonReport(report: CheckReport, messageFile: string, savedFile: string | null) {
  const groups = report.groups.map((group) => ({ ...group, findings: shownDiagnostics(group.findings) }));
  return { ...report, groups, findings: shownDiagnostics(report.findings), messageFile: shownPath(messageFile), savedFile: savedFile && shownPath(savedFile) };
}

export async function run(issue: string | undefined, flags: CheckFlags): Promise<number> {
  const progress = flags.json ? null : progressBar(CHECK_GROUPS.length, 'checking');
  const { report, messageFile, savedFile } = await checkBuiltIssue(systemEnvironment(), {
    config: flags.config,
    out: flags.out,
    issue,
    onGroupDone: (group) => progress?.tick(group),
  }).finally(() => progress?.stop());
  if (flags.json) process.stdout.write(`${JSON.stringify(jsonReport(report, messageFile, savedFile), null, 2)}\n`);
  else printReport(report, messageFile, Boolean(flags.verbose));
  return EXIT_CODES[report.verdict];
}

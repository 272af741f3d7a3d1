import { diagnostic, GazetteError } from '../../diagnostics/diagnostic.js';
import type { DeliveryEvent } from '../../send/campaign.js';
import { sendIssue } from '../../send/send-issue.js';
import { sendTestCopy } from '../../send/test-copy.js';
import { isComplete, type SendSummary } from '../../send/summary.js';
import { ExitCode } from '../exit-codes.js';
import { paint, printDiagnostics, progressBar, shownDiagnostics, shownPath } from '../terminal.js';

interface SendFlags {
  issue?: string;
  list?: string;
  store?: boolean;
  smtp?: string;
  rate?: number;
  concurrency?: number;
  dryRun?: string;
  test?: string;
  resume?: boolean;
  resendInFlight?: boolean;
  config?: string;
  out?: string;
  json?: boolean;
}

export async function run(flags: SendFlags): Promise<number> {
  const target = { config: flags.config, out: flags.out, issue: flags.issue, smtp: flags.smtp, dryRun: flags.dryRun, concurrency: flags.concurrency };
  // A dry run's destination is a folder, shown like every other path.
  const destination = (value: string) => (flags.dryRun === undefined ? value : shownPath(value));
  if (flags.test) {
    const result = await sendTestCopy({ ...target, to: flags.test });
    const shown = { ...result, destination: destination(result.destination) };
    if (flags.json) process.stdout.write(`${JSON.stringify({ ok: true, ...shown }, null, 2)}\n`);
    else process.stdout.write(`Sent a test copy of ${shown.issue} to ${shown.to} through ${shown.destination}: ${shown.reply}\n`);
    return ExitCode.ok;
  }
  if (flags.list && flags.store) throw new GazetteError([diagnostic('cli/list', 'choose one list: --list FILE (a CSV) or --store (the subscriber store)')]);
  // Without --list, a send goes to the store's confirmed subscribers; a resume keeps the recipients it planned.
  const store = flags.store || (!flags.list && !flags.resume);
  if (flags.resendInFlight && !flags.resume) {
    throw new GazetteError([diagnostic('cli/resend-in-flight', '--resend-in-flight only applies with --resume')]);
  }

  const controller = new AbortController();
  const interrupt = () => {
    if (controller.signal.aborted) process.exit(130);
    process.stderr.write('\nStopping after the messages in flight (Ctrl-C again to quit at once; then some may be in doubt)\n');
    controller.abort();
  };
  process.on('SIGINT', interrupt);
  process.on('SIGTERM', interrupt);
  const progress = progressReporter(Boolean(flags.json));
  try {
    const summary = await sendIssue({
      ...target,
      list: flags.list,
      store,
      rate: flags.rate,
      resume: flags.resume,
      resendInFlight: flags.resendInFlight,
      signal: controller.signal,
      onPlanned: progress.planned,
      onDelivery: progress.delivered,
    });
    progress.stop();
    const complete = isComplete(summary);
    const shown = {
      ...summary,
      destination: destination(summary.destination),
      source: summary.source === 'store' ? summary.source : shownPath(summary.source),
      listProblems: shownDiagnostics(summary.listProblems),
    };
    if (flags.json) process.stdout.write(`${JSON.stringify({ ok: complete, ...shown }, null, 2)}\n`);
    else printSummary(shown);
    return complete ? ExitCode.ok : ExitCode.problems;
  } finally {
    progress.stop();
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
  }
}

/**
 * A bar redrawn in place on a terminal; elsewhere a plain line every twentieth of the list and
 * one per failure, so logs stay readable. Nothing at all with --json.
 */
function progressReporter(quiet: boolean) {
  const stream = process.stderr;
  let bar: ReturnType<typeof progressBar> | null = null;
  let total = 0;
  let started = 0;
  const counts = { sent: 0, failed: 0, done: 0 };
  const status = () => {
    const seconds = (Date.now() - started) / 1000;
    const rate = seconds > 0 ? counts.done / seconds : 0;
    const left = rate > 0 ? Math.ceil((total - counts.done) / rate) : null;
    return `sent ${counts.sent}, failed ${counts.failed}, ${rate.toFixed(1)}/s${left === null ? '' : `, ${formatDuration(left)} left`}`;
  };
  return {
    planned: (plan: { issue: string; queued: number; alreadySent: number; joined: boolean }) => {
      total = plan.queued;
      started = Date.now();
      if (quiet) return;
      if (stream.isTTY) bar = progressBar(total, 'Sending', stream);
      else if (plan.joined) stream.write(`Joining the senders of ${plan.issue}: ${total} recipient${total === 1 ? '' : 's'} left for all of them${plan.alreadySent ? ` (${plan.alreadySent} already sent)` : ''}\n`);
      else stream.write(`Sending ${plan.issue} to ${total} recipient${total === 1 ? '' : 's'}${plan.alreadySent ? ` (${plan.alreadySent} already sent)` : ''}\n`);
    },
    delivered: (event: DeliveryEvent) => {
      counts.done++;
      if (event.outcome === 'sent') counts.sent++;
      if (event.outcome === 'failed') counts.failed++;
      if (quiet) return;
      if (bar) return bar.tick(status());
      // A message deferred without a reply never reached a server: the send stopped before it went.
      if (event.outcome === 'failed' || event.outcome === 'deferred') stream.write(`  ${event.outcome} ${event.email}: ${event.reply ?? 'not sent, the send stopped first'}\n`);
      const step = Math.max(1, Math.ceil(total / 20));
      if (counts.done % step === 0 || counts.done === total) stream.write(`  ${counts.done}/${total}: ${status()}\n`);
    },
    stop: () => {
      bar?.stop();
      bar = null;
    },
  };
}

function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  return minutes < 60 ? `${minutes}m${String(seconds % 60).padStart(2, '0')}s` : `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m`;
}

function printSummary(summary: SendSummary): void {
  const out = process.stdout;
  const color = paint(out);
  const verb = summary.dryRun ? 'Wrote' : 'Sent';
  out.write(`${color('bold', `${verb} ${summary.issue}`)} "${summary.subject}" ${summary.dryRun ? 'as .eml files in' : 'through'} ${summary.destination}${summary.joined ? ' (its part, with the other senders)' : summary.resumed ? ' (resumed)' : ''}\n`);
  const parts = [
    color('green', `${summary.sent} sent`),
    summary.failed ? color('red', `${summary.failed} failed`) : '0 failed',
    summary.deferred ? color('yellow', `${summary.deferred} deferred`) : null,
    summary.suppressed ? `${summary.suppressed} suppressed` : null,
    summary.alreadySent ? `${summary.alreadySent} sent before` : null,
    `${summary.perSecond}/s over ${summary.seconds}s`,
  ].filter(Boolean);
  out.write(`  ${parts.join(', ')}\n`);
  if (summary.joined && summary.rate !== null) out.write(`  at most ${summary.rate} a second through this relay, for all the senders together (the rate the send began with)\n`);
  for (const failure of summary.failures) out.write(`  ${color('red', 'failed')} ${failure.email}: ${failure.reply}\n`);
  printDiagnostics(summary.listProblems);
  if (summary.inDoubt.length > 0) {
    out.write(
      `  ${color('yellow', `${summary.inDoubt.length} in doubt`)} (a previous run was killed while sending them; they may have arrived): ${summary.inDoubt.map((entry) => entry.email).join(', ')}\n` +
        '  To send them again anyway: gazette send --resume --resend-in-flight\n',
    );
  }
  const remaining = summary.ledger.pending;
  if (summary.stopped) {
    const why = { interrupted: 'interrupted', 'server-unreachable': 'the SMTP server stopped answering', 'server-refused': 'the SMTP server refused the session' }[summary.stopped];
    out.write(`  ${color('yellow', `Stopped: ${why}`)}${summary.stopReply ? ` (${summary.stopReply})` : ''}\n`);
  }
  if (remaining > 0) out.write(`  ${remaining} still to send: run the same command with --resume\n`);
}

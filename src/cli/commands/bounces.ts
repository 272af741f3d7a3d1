import path from 'node:path';
import type { MessageResult, IntakeSummary } from '../../bounces/intake.js';
import { diagnostic, GazetteError } from '../../diagnostics/diagnostic.js';
import { ExitCode } from '../exit-codes.js';
import { printDiagnostics, shownDiagnostics, shownPath } from '../terminal.js';

interface BouncesFlags {
  imap?: string;
  mailbox?: string;
  delete?: boolean;
  moveTo?: string;
  config?: string;
  json?: boolean;
}

export async function run(files: string[], flags: BouncesFlags): Promise<number> {
  if (flags.imap === undefined && files.length === 0) throw new GazetteError([diagnostic('cli/missing-argument', 'name the .eml or mbox files to read, or a mailbox with --imap URL')]);
  if (flags.imap !== undefined && files.length > 0) throw new GazetteError([diagnostic('cli/bounces-source', 'read files or a mailbox, not both at once')]);
  if (flags.imap === undefined && (flags.mailbox || flags.delete || flags.moveTo)) throw new GazetteError([diagnostic('cli/bounces-source', '--mailbox, --delete and --move-to go with --imap URL')]);
  if (flags.delete && flags.moveTo) throw new GazetteError([diagnostic('cli/bounces-source', 'choose --delete or --move-to, not both')]);
  let summary: IntakeSummary & { mailbox?: string; handled?: number };
  if (flags.imap !== undefined) {
    const { takeBounceMailbox } = await import('../../bounces/imap-intake.js');
    summary = await takeBounceMailbox({
      config: flags.config,
      url: flags.imap,
      mailbox: flags.mailbox,
      after: flags.delete ? { action: 'delete' } : flags.moveTo ? { action: 'move', mailbox: flags.moveTo } : { action: 'seen' },
    });
  } else {
    const { takeBounceFiles } = await import('../../bounces/intake.js');
    summary = await takeBounceFiles(files.map((file) => path.resolve(file)), { config: flags.config });
  }
  printDiagnostics(summary.problems);
  if (flags.json) {
    const shown = { ...summary, store: shownPath(summary.store), problems: shownDiagnostics(summary.problems), messages: summary.messages.map(shownMessage) };
    process.stdout.write(`${JSON.stringify(shown, null, 2)}\n`);
  } else {
    process.stdout.write(humanSummary(summary));
  }
  return summary.counts.failed > 0 || summary.unreadableFiles > 0 ? ExitCode.problems : ExitCode.ok;
}

function shownMessage(message: MessageResult) {
  return { ...message, source: shownPath(message.source), problem: message.problem ? shownDiagnostics([message.problem])[0] : null };
}

function humanSummary(summary: IntakeSummary & { mailbox?: string; handled?: number }): string {
  const { counts } = summary;
  const plural = (n: number, word: string, words = `${word}s`) => `${n} ${n === 1 ? word : words}`;
  const files = summary.unreadableFiles > 0 ? `; ${plural(summary.unreadableFiles, 'file')} could not be opened` : '';
  const lines = [
    `Read ${plural(summary.read, 'message')}${summary.mailbox ? ` from ${summary.mailbox}` : ''}: ${counts.hard} hard, ${counts.soft} soft, ${plural(counts.complaint, 'complaint')}, ${plural(counts['auto-reply'], 'automatic reply', 'automatic replies')} (ignored), ${counts.unknown} not understood, ${counts.failed} not an email${files}`,
    `Suppressed ${summary.suppressed.bounced} bounced and ${summary.suppressed.complained} complaining address${summary.suppressed.complained === 1 ? '' : 'es'} in ${shownPath(summary.store)}`,
  ];
  for (const message of summary.messages) {
    for (const event of message.events) {
      const what = event.duplicate ? 'already recorded' : event.suppressed ? `suppressed (${event.suppressed})` : event.softInWindow !== null ? `soft bounce ${event.softInWindow} in the window` : 'recorded';
      lines.push(`  ${event.kind}\t${event.email}\t${event.status ?? '-'}\t${what}`);
    }
  }
  if (summary.handled !== undefined) lines.push(`${plural(summary.handled, 'message')} marked as done in the mailbox`);
  return `${lines.join('\n')}\n`;
}

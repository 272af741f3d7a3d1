import { readFile } from 'node:fs/promises';
import { diagnostic } from '../diagnostics/diagnostic.js';
import { fileErrorReason } from '../load/file-error.js';
import type { Diagnostic } from '../types.js';
import { resolveWorkspace, type Workspace, type WorkspaceOptions } from '../workspace/resolve.js';
import { BounceLog, type RecordedEvent, type RecordOutcome } from './bounce-log.js';
import { openBounceRecords } from './open-bounce-records.js';
import type { BounceKind, BounceReport } from './bounce-report.js';
import { isMbox, splitMbox } from './mbox.js';
import { readReport } from './read-report.js';

export interface BounceIntakeOptions extends WorkspaceOptions {
  now?: () => Date;
}

/** One message to read: from a file (its number when the file is an mbox) or a mailbox (its UID). */
export interface IncomingMessage {
  /** The file (absolute) or `mailbox NAME`. */
  source: string;
  file: string | null;
  /** 1-based place in an mbox, or the IMAP UID; null for a single .eml. */
  number: number | null;
  raw: Buffer;
}

export interface MessageResult {
  source: string;
  number: number | null;
  /** What the message was read as; null when it could not be read. */
  kind: BounceKind | null;
  format: BounceReport['format'];
  reportId: string | null;
  outcome: RecordOutcome['status'] | 'failed';
  events: RecordedEvent[];
  /** Why it failed, or why nothing was done (a warning). */
  problem: Diagnostic | null;
}

export interface IntakeSummary {
  /** The store the events went into: the SQLite file, or the PostgreSQL URL without its password. */
  store: string;
  /** Messages read (a file that could not be opened holds none). */
  read: number;
  /** Files that could not be opened at all. */
  unreadableFiles: number;
  /** Messages by what they were read as; `failed` could not be read as an email. */
  counts: Record<BounceKind | 'failed', number>;
  /** Addresses newly suppressed, by reason. */
  suppressed: { bounced: number; complained: number };
  messages: MessageResult[];
  /** Every failure and warning, in the order met. */
  problems: Diagnostic[];
}

/** A message read whole and recorded counts as handled: an IMAP intake may then mark, move or delete it. */
export function isHandled(result: MessageResult): boolean {
  return result.outcome === 'recorded' || result.outcome === 'ignored';
}

/** An open store to record into, for one intake. */
export interface BounceIntake {
  workspace: Workspace;
  take(message: IncomingMessage): Promise<MessageResult>;
  /** Records that a message (or a whole file) could not be read at all. */
  fail(message: Pick<IncomingMessage, 'source' | 'number'>, problem: Diagnostic): void;
  summary(): IntakeSummary;
  close(): Promise<void>;
}

/** Opens the workspace's store for recording bounces; the caller feeds it messages. */
export async function openBounceIntake(options: BounceIntakeOptions): Promise<BounceIntake> {
  const workspace = await resolveWorkspace(options);
  const { config } = workspace;
  const now = options.now ?? (() => new Date());
  const opened = await openBounceRecords(workspace.store, now);
  const log = new BounceLog(opened.records, { softLimit: config.bounces.soft_limit, softWindowDays: config.bounces.soft_window_days }, now);
  const results: MessageResult[] = [];
  return {
    workspace,
    async take(message) {
      let result: MessageResult;
      try {
        result = await takeOne(message, log, config.bounces.local_part);
      } catch (error) {
        throw opened.toProblem(error);
      }
      results.push(result);
      return result;
    },
    fail(message, problem) {
      results.push({ ...message, kind: null, format: null, reportId: null, outcome: 'failed', events: [], problem });
    },
    summary: () => summarize(opened.shown, results),
    close: () => opened.close(),
  };
}

/** `gazette bounces FILE…`: each file one message (.eml) or many (an mbox); a bad file or message is reported, the rest still read. */
export async function takeBounceFiles(files: readonly string[], options: BounceIntakeOptions = {}): Promise<IntakeSummary> {
  const intake = await openBounceIntake(options);
  try {
    for (const file of files) {
      let bytes: Buffer;
      try {
        bytes = await readFile(file);
      } catch (error) {
        intake.fail({ source: file, number: null }, diagnostic('bounces/unreadable', `cannot read the file: ${fileErrorReason(error)}`, { file }));
        continue;
      }
      const messages = isMbox(bytes) ? splitMbox(bytes).map((raw, index) => ({ raw, number: index + 1 })) : [{ raw: bytes, number: null }];
      for (const { raw, number } of messages) await intake.take({ source: file, file, number, raw });
    }
    return intake.summary();
  } finally {
    await intake.close();
  }
}

async function takeOne(message: IncomingMessage, log: BounceLog, localPart: string): Promise<MessageResult> {
  const place = { file: message.file ?? undefined, field: message.number === null ? undefined : message.file ? `message ${message.number}` : `UID ${message.number}` };
  const base = { source: message.source, number: message.number, events: [] as RecordedEvent[] };
  const read = await readReport(message.raw, { localPart });
  if (!read.ok) {
    return { ...base, kind: null, format: null, reportId: null, outcome: 'failed', problem: diagnostic('bounces/not-email', read.reason, place) };
  }
  const { report, reportId } = read;
  const outcome = await log.record(report, reportId);
  const problem =
    outcome.status === 'unknown-delivery'
      ? diagnostic(
          'bounces/unknown-delivery',
          outcome.verpId
            ? `it came back to the return path of delivery ${outcome.verpId}, which this store never sent: nothing recorded`
            : 'it has no return-path id, and names no address and Message-ID of a copy this store sent: nothing recorded',
          place,
        )
      : outcome.status === 'unrecognised'
        ? diagnostic('bounces/unrecognised', report.kind === 'unknown' ? 'not a bounce, complaint or automatic reply Gazette can read: left for a person' : `a ${report.kind} report that names no address to act on`, place)
        : null;
  return { ...base, kind: report.kind, format: report.format, reportId, outcome: outcome.status, events: outcome.status === 'recorded' ? outcome.events : [], problem };
}

function summarize(store: string, messages: readonly MessageResult[]): IntakeSummary {
  const counts: IntakeSummary['counts'] = { hard: 0, soft: 0, complaint: 0, 'auto-reply': 0, unknown: 0, failed: 0 };
  const suppressed = { bounced: 0, complained: 0 };
  let unreadableFiles = 0;
  for (const message of messages) {
    if (message.problem?.rule === 'bounces/unreadable') {
      unreadableFiles++;
      continue;
    }
    counts[message.kind ?? 'failed']++;
    for (const event of message.events) if (event.suppressed === 'bounced' || event.suppressed === 'complained') suppressed[event.suppressed]++;
  }
  return { store, read: messages.length - unreadableFiles, unreadableFiles, counts, suppressed, messages: [...messages], problems: messages.flatMap((message) => (message.problem ? [message.problem] : [])) };
}

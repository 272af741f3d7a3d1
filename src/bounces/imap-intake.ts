import { ImapFlow } from 'imapflow';
import { diagnostic, GazetteError } from '../diagnostics/diagnostic.js';
import { isHandled, openBounceIntake, type BounceIntakeOptions, type IntakeSummary } from './intake.js';
import { describeImapServer, parseImapUrl, redactImapSecret, type ImapServer } from './imap-url.js';

/** What becomes of a message once its report is recorded. */
export type AfterRecording = { action: 'seen' } | { action: 'delete' } | { action: 'move'; mailbox: string };

export interface MailboxIntakeOptions extends BounceIntakeOptions {
  /** `imap://user:pass@host:port`. */
  url: string;
  /** Default INBOX. */
  mailbox?: string;
  /** Default: flag it \Seen, so the next run skips it. */
  after?: AfterRecording;
}

export interface MailboxSummary extends IntakeSummary {
  /** The server and mailbox read, without the password. */
  mailbox: string;
  /** Messages flagged seen, moved or deleted after recording. */
  handled: number;
}

/**
 * Reads the unseen messages of a mailbox, records each report, and only then marks, moves or
 * deletes the messages that were recorded (or were automatic replies): a crash between the two
 * leaves them unseen, and reading them again records nothing twice. Messages Gazette cannot read
 * stay unseen where they are, for a person. Fetching uses BODY.PEEK, which sets no flag.
 */
export async function takeBounceMailbox(options: MailboxIntakeOptions): Promise<MailboxSummary> {
  const server = parseImapUrl(options.url);
  const mailbox = options.mailbox ?? 'INBOX';
  const after = options.after ?? { action: 'seen' };
  const shown = `${describeImapServer(server)}/${mailbox}`;
  const intake = await openBounceIntake(options);
  const client = new ImapFlow({ host: server.host, port: server.port, secure: server.secure, auth: { user: server.user, pass: server.pass }, logger: false, connectionTimeout: 30_000 });
  // A dropped connection is reported by the command that was waiting on it; without a listener the event would end the process.
  client.on('error', () => undefined);
  try {
    await connect(client, server, shown);
    const lock = await client.getMailboxLock(mailbox).catch((error: unknown) => {
      throw imapError(`cannot open ${shown}: ${reason(error, server)}`);
    });
    const handled: number[] = [];
    try {
      const uids = (await client.search({ seen: false }, { uid: true })) || [];
      for (const uid of uids) {
        const message = await client.fetchOne(String(uid), { source: true }, { uid: true });
        if (!message || !message.source) continue;
        const result = await intake.take({ source: shown, file: null, number: uid, raw: message.source });
        if (isHandled(result)) handled.push(uid);
      }
      const problem = await settle(client, handled, after, server);
      const summary = intake.summary();
      return { ...summary, mailbox: shown, handled: problem ? 0 : handled.length, problems: problem ? [...summary.problems, problem] : summary.problems };
    } finally {
      lock.release();
    }
  } finally {
    await intake.close();
    await client.logout().catch(() => client.close());
  }
}

async function connect(client: ImapFlow, server: ImapServer, shown: string): Promise<void> {
  try {
    await client.connect();
  } catch (error) {
    const refused = (error as { authenticationFailed?: boolean }).authenticationFailed;
    throw imapError(refused ? `${shown} refused the user name or password` : `cannot connect to ${shown}: ${reason(error, server)}`);
  }
}

/** Marks, moves or deletes the recorded messages; a failure here is a warning, since nothing is lost. */
async function settle(client: ImapFlow, uids: number[], after: AfterRecording, server: ImapServer) {
  if (uids.length === 0) return null;
  try {
    await client.messageFlagsAdd(uids, ['\\Seen'], { uid: true });
    if (after.action === 'delete') await client.messageDelete(uids, { uid: true });
    if (after.action === 'move') {
      await client.mailboxCreate(after.mailbox).catch(() => undefined);
      const moved = await client.messageMove(uids, after.mailbox, { uid: true });
      if (!moved) throw new Error(`the server did not move them to "${after.mailbox}"`);
    }
    return null;
  } catch (error) {
    return diagnostic('bounces/imap-move', `recorded, but ${after.action === 'move' ? `not moved to "${after.mailbox}"` : after.action === 'delete' ? 'not deleted' : 'not flagged seen'}: ${reason(error, server)}`);
  }
}

function reason(error: unknown, server: ImapServer): string {
  const shape = error as { responseText?: string; response?: string; message?: string; code?: string };
  const text = shape.responseText ?? shape.message ?? String(error);
  return redactImapSecret(`${text}${shape.code && !text.includes(shape.code) ? ` (${shape.code})` : ''}`, server).split('\n')[0]!;
}

function imapError(message: string): GazetteError {
  return new GazetteError([diagnostic('bounces/imap', message)]);
}

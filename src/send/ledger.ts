import { addressKey } from '../subscribers/address.js';
import type { StateDb } from '../store/state-db.js';
import type { LedgerEntry, LedgerState, Recipient } from '../types.js';

/** A send of one issue: created when it starts, so a second start can be refused. */
export interface Campaign {
  issue: string;
  /** The list it was planned from: a CSV path or `store`. */
  source: string;
  startedAt: string;
  finishedAt: string | null;
}

/** A recipient still to be sent to, as the ledger planned it. */
export interface PlannedDelivery {
  /** Place in the list, from 1: the row's key in the ledger. */
  position: number;
  recipient: Recipient;
  /** Kept across retries and resumes, so receivers can recognise a repeat. */
  messageId: string | null;
}

export type LedgerCounts = Record<LedgerState, number>;

interface DeliveryRow {
  email: string;
  name: string | null;
  fields: string;
  position: number;
  message_id: string | null;
}

/**
 * Pending rows read per query. A page lives until the campaign has sent every row of it; small,
 * it dies young (in the scavenge it was made in) instead of surviving scavenges and being
 * promoted to old space as garbage: 500 rows lasted ~1.4 s at 350 messages a second, several
 * scavenges. A query per 50 rows is cheap next to the 50 messages it feeds.
 */
const PAGE = 50;

/** The VERP id of one planned delivery (see message/return-path.ts), stored with its row. */
export type BounceIdOf = (issue: string, email: string) => string;

/**
 * The send ledger: one row per issue and recipient, moved through
 * pending → sending → sent | failed, each step committed before the next action.
 * A row is marked `sent` only after the server accepted the message, so after a crash the
 * rows still `pending` are exactly those nobody tried, and the rows left `sending` are the
 * few whose fate is unknown (accepted or not, the answer was lost with the process).
 * Home-made: a few statements on the SQLite store Gazette keeps anyway; a job-queue library would add a second store.
 */
export class SendLedger {
  private readonly statements;

  /**
   * `bounceIdOf` gives each planned row the id its return path carries, so a bounce to
   * `bounces+<id>@…` finds the issue and the address; without it rows have none.
   */
  constructor(
    private readonly db: StateDb,
    private readonly now: () => Date = () => new Date(),
    private readonly bounceIdOf: BounceIdOf | null = null,
  ) {
    this.statements = {
      insert: db.prepare(
        `INSERT INTO deliveries (issue, email_key, email, name, fields, position, state, attempts, updated_at, bounce_id)
         VALUES (@issue, @key, @email, @name, @fields, @position, 'pending', 0, @now, @bounceId) ON CONFLICT DO NOTHING`,
      ),
      lastPosition: db.prepare<[string], { last: number | null }>('SELECT MAX(position) AS last FROM deliveries WHERE issue = ?'),
      pendingPage: db.prepare<[string, number], DeliveryRow>(
        `SELECT email, name, fields, position, message_id FROM deliveries
         WHERE issue = ? AND state = 'pending' AND position > ? ORDER BY position LIMIT ${PAGE}`,
      ),
      sending: db.prepare(`UPDATE deliveries SET state = 'sending', message_id = ?, attempts = attempts + 1, updated_at = ? WHERE issue = ? AND position = ?`),
      // The same, only while the issue's lease row names the claiming run: one primary-key probe.
      sendingHeld: db.prepare(
        `UPDATE deliveries SET state = 'sending', message_id = ?, attempts = attempts + 1, updated_at = ? WHERE issue = ? AND position = ?
         AND EXISTS (SELECT 1 FROM send_leases WHERE send_leases.issue = deliveries.issue AND holder = ?)`,
      ),
      reply: db.prepare(`UPDATE deliveries SET reply = ?, updated_at = ? WHERE issue = ? AND position = ?`),
      settle: db.prepare(`UPDATE deliveries SET state = ?, reply = COALESCE(?, reply), updated_at = ? WHERE issue = ? AND position = ?`),
      drop: db.prepare('DELETE FROM deliveries WHERE issue = ? AND position = ?'),
    };
  }

  campaign(issue: string): Campaign | null {
    const row = this.db.prepare('SELECT issue, source, started_at, finished_at FROM campaigns WHERE issue = ?').get(issue) as
      | { issue: string; source: string; started_at: string; finished_at: string | null }
      | undefined;
    return row ? { issue: row.issue, source: row.source, startedAt: row.started_at, finishedAt: row.finished_at } : null;
  }

  begin(issue: string, source: string): Campaign {
    const startedAt = this.now().toISOString();
    this.db.prepare('INSERT INTO campaigns (issue, source, started_at) VALUES (?, ?, ?)').run(issue, source, startedAt);
    return { issue, source, startedAt, finishedAt: null };
  }

  /** Forgets a campaign nothing was sent for yet (its planning failed), so it can start afresh. */
  discardUnstarted(issue: string): boolean {
    const counts = this.counts(issue);
    if (counts.sending + counts.sent + counts.failed > 0) return false;
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM deliveries WHERE issue = ?').run(issue);
      this.db.prepare('DELETE FROM campaigns WHERE issue = ?').run(issue);
    })();
    return true;
  }

  /** Forgets a campaign that has no recipients at all; returns whether there was one. */
  forgetEmpty(issue: string): boolean {
    const empty = this.db.prepare('SELECT 1 FROM deliveries WHERE issue = ? LIMIT 1').get(issue) === undefined;
    return empty && this.db.prepare('DELETE FROM campaigns WHERE issue = ?').run(issue).changes > 0;
  }

  finish(issue: string): void {
    this.db.prepare('UPDATE campaigns SET finished_at = ? WHERE issue = ?').run(this.now().toISOString(), issue);
  }

  /** Adds recipients not planned yet, after the ones already there; returns how many were new. */
  plan(issue: string, recipients: readonly Recipient[]): number {
    return this.db.transaction(() => {
      let position = this.statements.lastPosition.get(issue)?.last ?? 0;
      let added = 0;
      const now = this.now().toISOString();
      for (const recipient of recipients) {
        const inserted = this.statements.insert.run({
          issue,
          key: addressKey(recipient.email),
          email: recipient.email,
          name: recipient.name,
          fields: JSON.stringify(recipient.fields),
          position: position + 1,
          now,
          bounceId: this.bounceIdOf?.(issue, recipient.email) ?? null,
        }).changes;
        position += inserted;
        added += inserted;
      }
      return added;
    })();
  }

  counts(issue: string): LedgerCounts {
    const counts: LedgerCounts = { pending: 0, sending: 0, sent: 0, failed: 0 };
    const rows = this.db.prepare('SELECT state, COUNT(*) AS n FROM deliveries WHERE issue = ? GROUP BY state').all(issue) as { state: LedgerState; n: number }[];
    for (const row of rows) counts[row.state] = row.n;
    return counts;
  }

  /**
   * The pending rows in list order, read a page at a time. Rows put back to pending during
   * the walk (retries exhausted) are behind the cursor and wait for the next `--resume`.
   */
  *pending(issue: string): Generator<PlannedDelivery> {
    let after = 0;
    for (;;) {
      const rows = this.statements.pendingPage.all(issue, after);
      for (const row of rows) yield toPlanned(row);
      const last = rows.at(-1);
      if (!last || rows.length < PAGE) return;
      after = last.position;
    }
  }

  /** Rows a killed process left in flight: each may or may not have been delivered. */
  inFlight(issue: string): LedgerEntry[] {
    return this.entries(issue, 'sending');
  }

  /** Puts in-flight rows back in the queue: used only when asked to resend them. */
  requeueInFlight(issue: string): number {
    return this.db.prepare(`UPDATE deliveries SET state = 'pending', updated_at = ? WHERE issue = ? AND state = 'sending'`).run(this.now().toISOString(), issue).changes;
  }

  /**
   * Committed before each attempt to hand the message to the server. With `holder`, the row is
   * claimed only while that run still holds the issue's send lease, in the same statement: a run
   * that lost its lease (frozen past the timeout, then woken) can never claim a row another run
   * now owns. Returns whether the row was claimed.
   */
  markSending(issue: string, position: number, messageId: string, holder: string | null = null): boolean {
    const now = this.now().toISOString();
    const claimed = holder === null ? this.statements.sending.run(messageId, now, issue, position) : this.statements.sendingHeld.run(messageId, now, issue, position, holder);
    return claimed.changes > 0;
  }

  /** Records what a failed attempt got back, leaving the state as it is. */
  noteReply(issue: string, position: number, reply: string): void {
    this.statements.reply.run(reply, this.now().toISOString(), issue, position);
  }

  markSent(issue: string, position: number, reply: string): void {
    this.statements.settle.run('sent', reply, this.now().toISOString(), issue, position);
  }

  markFailed(issue: string, position: number, reply: string): void {
    this.statements.settle.run('failed', reply, this.now().toISOString(), issue, position);
  }

  /** Retries ran out on temporary failures (or the send was stopped): back in the queue for `--resume`. A null reply keeps the last one. */
  markDeferred(issue: string, position: number, reply: string | null): void {
    this.statements.settle.run('pending', reply, this.now().toISOString(), issue, position);
  }

  /** Takes a recipient out of the send (they unsubscribed after it was planned). */
  drop(issue: string, position: number): void {
    this.statements.drop.run(issue, position);
  }

  entries(issue: string, state?: LedgerState): LedgerEntry[] {
    const rows = this.db
      .prepare(
        `SELECT issue, email, state, message_id, reply, attempts, updated_at FROM deliveries WHERE issue = ? ${state ? 'AND state = ?' : ''} ORDER BY position`,
      )
      .all(...(state ? [issue, state] : [issue])) as {
      issue: string;
      email: string;
      state: LedgerState;
      message_id: string | null;
      reply: string | null;
      attempts: number;
      updated_at: string;
    }[];
    return rows.map((row) => ({
      issue: row.issue,
      email: row.email,
      state: row.state,
      messageId: row.message_id,
      reply: row.reply,
      attempts: row.attempts,
      updatedAt: row.updated_at,
    }));
  }
}

function toPlanned(row: DeliveryRow): PlannedDelivery {
  return {
    position: row.position,
    recipient: { email: row.email, name: row.name, fields: JSON.parse(row.fields) as Record<string, string> },
    messageId: row.message_id,
  };
}

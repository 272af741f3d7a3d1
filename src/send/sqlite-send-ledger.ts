import { addressKey } from '../subscribers/address.js';
import type { StateDb } from '../store/state-db.js';
import type { LedgerEntry, LedgerState, Recipient } from '../types.js';
import { LEDGER_ROW_COLUMNS, ledgerEntry, type BounceIdOf, type Campaign, type LedgerCounts, type LedgerRow, type PlannedDelivery, type SendLedger } from './ledger.js';

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

/**
 * The send ledger in the SQLite file, for the one sender its send lease admits (send-lease.ts).
 * Its statements are synchronous (better-sqlite3); the methods are async only to share the
 * ledger's interface with PostgreSQL.
 * Home-made: a few statements on the SQLite store Gazette keeps anyway; a job-queue library would add a second store.
 */
export class SqliteSendLedger implements SendLedger {
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

  async campaign(issue: string): Promise<Campaign | null> {
    const row = this.db.prepare('SELECT issue, source, started_at, finished_at FROM campaigns WHERE issue = ?').get(issue) as
      | { issue: string; source: string; started_at: string; finished_at: string | null }
      | undefined;
    return row ? { issue: row.issue, source: row.source, startedAt: row.started_at, finishedAt: row.finished_at, fingerprint: null } : null;
  }

  /** One sender at a time: its terms need no recording (the lease keeps others out, and `--rate` is its own). */
  async begin(issue: string, source: string): Promise<Campaign> {
    const startedAt = this.now().toISOString();
    this.db.prepare('INSERT INTO campaigns (issue, source, started_at) VALUES (?, ?, ?)').run(issue, source, startedAt);
    return { issue, source, startedAt, finishedAt: null, fingerprint: null };
  }

  async discardUnstarted(issue: string): Promise<boolean> {
    const counts = await this.counts(issue);
    if (counts.sending + counts.sent + counts.failed > 0) return false;
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM deliveries WHERE issue = ?').run(issue);
      this.db.prepare('DELETE FROM campaigns WHERE issue = ?').run(issue);
    })();
    return true;
  }

  async forgetEmpty(issue: string): Promise<boolean> {
    const empty = this.db.prepare('SELECT 1 FROM deliveries WHERE issue = ? LIMIT 1').get(issue) === undefined;
    return empty && this.db.prepare('DELETE FROM campaigns WHERE issue = ?').run(issue).changes > 0;
  }

  async finish(issue: string): Promise<void> {
    this.db.prepare('UPDATE campaigns SET finished_at = ? WHERE issue = ?').run(this.now().toISOString(), issue);
  }

  async plan(issue: string, recipients: readonly Recipient[]): Promise<number> {
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

  async counts(issue: string): Promise<LedgerCounts> {
    const counts: LedgerCounts = { pending: 0, sending: 0, sent: 0, failed: 0 };
    const rows = this.db.prepare('SELECT state, COUNT(*) AS n FROM deliveries WHERE issue = ? GROUP BY state').all(issue) as { state: LedgerState; n: number }[];
    for (const row of rows) counts[row.state] = row.n;
    return counts;
  }

  async *pending(issue: string): AsyncGenerator<PlannedDelivery> {
    let after = 0;
    for (;;) {
      const rows = this.statements.pendingPage.all(issue, after);
      for (const row of rows) yield toPlanned(row);
      const last = rows.at(-1);
      if (!last || rows.length < PAGE) return;
      after = last.position;
    }
  }

  async inFlight(issue: string): Promise<LedgerEntry[]> {
    return this.entries(issue, 'sending');
  }

  async requeueInFlight(issue: string): Promise<number> {
    return this.db.prepare(`UPDATE deliveries SET state = 'pending', updated_at = ? WHERE issue = ? AND state = 'sending'`).run(this.now().toISOString(), issue).changes;
  }

  async markSending(issue: string, position: number, messageId: string, holder: string | null = null): Promise<boolean> {
    const now = this.now().toISOString();
    const claimed = holder === null ? this.statements.sending.run(messageId, now, issue, position) : this.statements.sendingHeld.run(messageId, now, issue, position, holder);
    return claimed.changes > 0;
  }

  async noteReply(issue: string, position: number, reply: string): Promise<void> {
    this.statements.reply.run(reply, this.now().toISOString(), issue, position);
  }

  async markSent(issue: string, position: number, reply: string): Promise<void> {
    this.statements.settle.run('sent', reply, this.now().toISOString(), issue, position);
  }

  async markFailed(issue: string, position: number, reply: string): Promise<void> {
    this.statements.settle.run('failed', reply, this.now().toISOString(), issue, position);
  }

  async markRetrying(issue: string, position: number, reply: string): Promise<void> {
    await this.markDeferred(issue, position, reply);
  }

  async markDeferred(issue: string, position: number, reply: string | null): Promise<void> {
    this.statements.settle.run('pending', reply, this.now().toISOString(), issue, position);
  }

  async drop(issue: string, position: number): Promise<void> {
    this.statements.drop.run(issue, position);
  }

  async entries(issue: string, state?: LedgerState): Promise<LedgerEntry[]> {
    const rows = this.db
      .prepare(`SELECT ${LEDGER_ROW_COLUMNS} FROM deliveries WHERE issue = ? ${state ? 'AND state = ?' : ''} ORDER BY position`)
      .all(...(state ? [issue, state] : [issue])) as LedgerRow[];
    return rows.map(ledgerEntry);
  }
}

function toPlanned(row: DeliveryRow): PlannedDelivery {
  return {
    position: row.position,
    recipient: { email: row.email, name: row.name, fields: JSON.parse(row.fields) as Record<string, string> },
    messageId: row.message_id,
  };
}

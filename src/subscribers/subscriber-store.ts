import type { StateDb } from '../store/state-db.js';
import type { Recipient } from '../types.js';
import { addressKey } from './address.js';

export type SuppressionReason = 'unsubscribed' | 'bounced' | 'complained';

export interface Suppression {
  email: string;
  reason: SuppressionReason;
  detail: string | null;
  createdAt: string;
}

export interface StoredSubscriber extends Recipient {
  /** Why the address gets no mail, or null for an active subscriber. */
  suppressed: SuppressionReason | null;
}

export type SaveOutcome = 'added' | 'updated';

interface SubscriberRow {
  email_key: string;
  email: string;
  name: string | null;
  fields: string;
  reason: SuppressionReason | null;
}

const PAGE = 500;

/**
 * The subscribers kept in the state database, and the suppression list every send honours.
 * Suppressions are kept apart from subscribers on purpose: removing someone from the store,
 * or re-importing an old CSV, must never make an unsubscribed address receive mail again.
 */
export class SubscriberStore {
  private readonly suppressionOf;

  constructor(
    private readonly db: StateDb,
    private readonly now: () => Date = () => new Date(),
  ) {
    // Looked up once per recipient of every send: prepared once.
    this.suppressionOf = db.prepare<[string], { reason: SuppressionReason }>('SELECT reason FROM suppressions WHERE email_key = ?');
  }

  /** Adds or updates a subscriber; a suppressed address stays suppressed. */
  save(recipient: Recipient): SaveOutcome {
    const stamp = this.now().toISOString();
    const key = addressKey(recipient.email);
    const existed = this.db.prepare('SELECT 1 FROM subscribers WHERE email_key = ?').get(key) !== undefined;
    this.db
      .prepare(
        `INSERT INTO subscribers (email_key, email, name, fields, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (email_key) DO UPDATE SET email = excluded.email, name = excluded.name, fields = excluded.fields, updated_at = excluded.updated_at`,
      )
      .run(key, recipient.email, recipient.name, JSON.stringify(recipient.fields), stamp, stamp);
    return existed ? 'updated' : 'added';
  }

  /** Saves many subscribers in one transaction. */
  saveAll(recipients: readonly Recipient[]): Record<SaveOutcome, number> {
    const counts = { added: 0, updated: 0 };
    this.db.transaction(() => {
      for (const recipient of recipients) counts[this.save(recipient)]++;
    })();
    return counts;
  }

  /** Forgets a subscriber; returns false when the address was not in the store. */
  remove(email: string): boolean {
    return this.db.prepare('DELETE FROM subscribers WHERE email_key = ?').run(addressKey(email)).changes > 0;
  }

  count(): { active: number; suppressed: number } {
    const row = this.db
      .prepare(
        `SELECT COUNT(*) AS total, COUNT(p.email_key) AS suppressed
         FROM subscribers s LEFT JOIN suppressions p ON p.email_key = s.email_key`,
      )
      .get() as { total: number; suppressed: number };
    return { active: row.total - row.suppressed, suppressed: row.suppressed };
  }

  /** Every subscriber in the order they were added, read a page at a time. */
  *all(options: { activeOnly?: boolean } = {}): Generator<StoredSubscriber> {
    const page = this.db.prepare(
      `SELECT s.email_key, s.email, s.name, s.fields, p.reason FROM subscribers s
       LEFT JOIN suppressions p ON p.email_key = s.email_key
       WHERE s.email_key > ? ${options.activeOnly ? 'AND p.email_key IS NULL' : ''}
       ORDER BY s.email_key LIMIT ${PAGE}`,
    );
    let after = '';
    for (;;) {
      const rows = page.all(after) as SubscriberRow[];
      for (const row of rows) {
        yield {
          email: row.email,
          name: row.name,
          fields: JSON.parse(row.fields) as Record<string, string>,
          suppressed: row.reason,
        };
      }
      const last = rows.at(-1);
      if (!last || rows.length < PAGE) return;
      after = last.email_key;
    }
  }

  /** Puts an address on the suppression list; an existing entry keeps its first reason. */
  suppress(email: string, reason: SuppressionReason, detail: string | null = null): boolean {
    return (
      this.db
        .prepare('INSERT INTO suppressions (email_key, email, reason, detail, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (email_key) DO NOTHING')
        .run(addressKey(email), email, reason, detail, this.now().toISOString()).changes > 0
    );
  }

  /** Why an address gets no mail, or null when it may be sent to. */
  suppression(email: string): SuppressionReason | null {
    return this.suppressionOf.get(addressKey(email))?.reason ?? null;
  }

  suppressions(): Suppression[] {
    const rows = this.db.prepare('SELECT email, reason, detail, created_at FROM suppressions ORDER BY created_at, email_key').all() as {
      email: string;
      reason: SuppressionReason;
      detail: string | null;
      created_at: string;
    }[];
    return rows.map((row) => ({ email: row.email, reason: row.reason, detail: row.detail, createdAt: row.created_at }));
  }
}

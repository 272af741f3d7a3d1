import type { StateDb } from '../store/state-db.js';
import { inWriteTransaction } from '../store/write-transaction.js';
import type { Recipient } from '../types.js';
import { addressKey } from './address.js';
import type {
  ConfirmOutcome,
  ImportCounts,
  SaveOutcome,
  SignUpState,
  StoreCounts,
  StoredSubscriber,
  SubscriberSource,
  SubscriberStatus,
  SubscriberStore,
  Suppression,
  SuppressionReason,
} from './subscriber-store.js';

interface SubscriberRow {
  email_key: string;
  email: string;
  name: string | null;
  fields: string;
  status: SubscriberStatus;
  source: SubscriberSource;
  confirmed_at: string | null;
  reason: SuppressionReason | null;
}

/** How grave a suppression reason is, as SQL: a reason is only ever replaced by a graver one. */
const GRAVITY = (column: string) => `CASE ${column} WHEN 'complained' THEN 3 WHEN 'bounced' THEN 2 ELSE 1 END`;

const PAGE = 500;

/**
 * The subscribers and the suppression list in the workspace's SQLite state database (see
 * subscriber-store.ts for what each method promises). better-sqlite3 is synchronous: each method
 * does its work at once and hands back a settled promise.
 */
export class SqliteSubscriberStore implements SubscriberStore {
  private readonly suppressionOf;

  constructor(
    private readonly db: StateDb,
    private readonly now: () => Date = () => new Date(),
  ) {
    // Looked up once per recipient of every send: prepared once.
    this.suppressionOf = db.prepare<[string], { reason: SuppressionReason }>('SELECT reason FROM suppressions WHERE email_key = ?');
  }

  async save(recipient: Recipient): Promise<SaveOutcome> {
    return this.saveNow(recipient);
  }

  private saveNow(recipient: Recipient): SaveOutcome {
    const stamp = this.now().toISOString();
    const key = addressKey(recipient.email);
    const existed = this.db.prepare('SELECT 1 FROM subscribers WHERE email_key = ?').get(key) !== undefined;
    this.db
      .prepare(
        `INSERT INTO subscribers (email_key, email, name, fields, created_at, updated_at, status, confirmed_at, source) VALUES (?, ?, ?, ?, ?, ?, 'confirmed', ?, 'import')
         ON CONFLICT (email_key) DO UPDATE SET email = excluded.email, name = excluded.name, fields = excluded.fields, updated_at = excluded.updated_at,
           status = 'confirmed', confirmed_at = COALESCE(subscribers.confirmed_at, excluded.confirmed_at)`,
      )
      .run(key, recipient.email, recipient.name, JSON.stringify(recipient.fields), stamp, stamp, stamp);
    return existed ? 'updated' : 'added';
  }

  async signUpState(email: string): Promise<SignUpState> {
    const key = addressKey(email);
    const suppressed = this.suppressionOf.get(key)?.reason;
    if (suppressed) return suppressed;
    const row = this.db.prepare<[string], { status: SubscriberStatus }>('SELECT status FROM subscribers WHERE email_key = ?').get(key);
    return row?.status ?? 'new';
  }

  async savePending(email: string, name: string | null): Promise<void> {
    const stamp = this.now().toISOString();
    this.db
      .prepare(
        `INSERT INTO subscribers (email_key, email, name, fields, created_at, updated_at, status, source) VALUES (?, ?, ?, ?, ?, ?, 'pending', 'form')
         ON CONFLICT (email_key) DO UPDATE SET name = COALESCE(subscribers.name, excluded.name), updated_at = excluded.updated_at`,
      )
      .run(addressKey(email), email, name, JSON.stringify({ email, name: name ?? '' }), stamp, stamp);
  }

  async confirm(email: string, issuedAt: Date): Promise<ConfirmOutcome> {
    const key = addressKey(email);
    return this.db.transaction((): ConfirmOutcome => {
      const suppression = this.db
        .prepare<[string], { reason: SuppressionReason; created_at: string }>('SELECT reason, created_at FROM suppressions WHERE email_key = ?')
        .get(key);
      const row = this.db.prepare<[string], { status: SubscriberStatus }>('SELECT status FROM subscribers WHERE email_key = ?').get(key);
      if (suppression && suppression.reason !== 'unsubscribed') return 'suppressed';
      if (suppression && Date.parse(suppression.created_at) >= issuedAt.getTime()) return 'stale';
      if (!row) return 'gone';
      if (row.status === 'confirmed' && !suppression) return 'already-confirmed';
      const stamp = this.now().toISOString();
      if (suppression) this.db.prepare('DELETE FROM suppressions WHERE email_key = ?').run(key);
      this.db.prepare("UPDATE subscribers SET status = 'confirmed', confirmed_at = ?, updated_at = ? WHERE email_key = ?").run(stamp, stamp, key);
      return 'confirmed';
    }).immediate();
  }

  async nameOf(email: string): Promise<string | null> {
    return this.db.prepare<[string], { name: string | null }>('SELECT name FROM subscribers WHERE email_key = ?').get(addressKey(email))?.name ?? null;
  }

  async prunePending(before: Date): Promise<number> {
    return this.db.prepare("DELETE FROM subscribers WHERE status = 'pending' AND source = 'form' AND updated_at < ?").run(before.toISOString()).changes;
  }

  /** One IMMEDIATE transaction around the whole import; each batch a savepoint inside it. */
  importBatches(batches: AsyncIterable<readonly Recipient[]>, onBatch?: (saved: number) => void): Promise<ImportCounts> {
    return inWriteTransaction(this.db, async () => {
      const counts: ImportCounts = { added: 0, updated: 0, stillSuppressed: 0 };
      let saved = 0;
      for await (const batch of batches) {
        this.db.transaction(() => {
          for (const recipient of batch) {
            if (this.suppressionOf.get(addressKey(recipient.email))) counts.stillSuppressed++;
            counts[this.saveNow(recipient)]++;
          }
        })();
        saved += batch.length;
        onBatch?.(saved);
      }
      return counts;
    });
  }

  async remove(email: string): Promise<boolean> {
    return this.db.prepare('DELETE FROM subscribers WHERE email_key = ?').run(addressKey(email)).changes > 0;
  }

  async count(): Promise<StoreCounts> {
    const statuses = this.db
      .prepare(
        `SELECT COALESCE(SUM(s.status = 'confirmed'), 0) AS confirmed, COALESCE(SUM(s.status = 'pending'), 0) AS pending
         FROM subscribers s LEFT JOIN suppressions p ON p.email_key = s.email_key WHERE p.email_key IS NULL`,
      )
      .get() as { confirmed: number; pending: number };
    const counts: StoreCounts = { ...statuses, unsubscribed: 0, bounced: 0, complained: 0 };
    const reasons = this.db.prepare('SELECT reason, COUNT(*) AS n FROM suppressions GROUP BY reason').all() as { reason: SuppressionReason; n: number }[];
    for (const { reason, n } of reasons) counts[reason] = n;
    return counts;
  }

  async *all(options: { sendable?: boolean } = {}): AsyncGenerator<StoredSubscriber> {
    const page = this.db.prepare(
      `SELECT s.email_key, s.email, s.name, s.fields, s.status, s.source, s.confirmed_at, p.reason FROM subscribers s
       LEFT JOIN suppressions p ON p.email_key = s.email_key
       WHERE s.email_key > ? ${options.sendable ? "AND p.email_key IS NULL AND s.status = 'confirmed'" : ''}
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
          status: row.status,
          source: row.source,
          confirmedAt: row.confirmed_at,
          suppressed: row.reason,
        };
      }
      const last = rows.at(-1);
      if (!last || rows.length < PAGE) return;
      after = last.email_key;
    }
  }

  async suppress(email: string, reason: SuppressionReason, detail: string | null = null): Promise<boolean> {
    return this.suppressNow(email, reason, detail);
  }

  /** `suppress` at once, for a caller inside one of this database's transactions (the bounce log). */
  suppressNow(email: string, reason: SuppressionReason, detail: string | null = null): boolean {
    return (
      this.db
        .prepare(
          `INSERT INTO suppressions (email_key, email, reason, detail, created_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (email_key) DO UPDATE SET reason = excluded.reason, detail = excluded.detail, created_at = excluded.created_at
           WHERE ${GRAVITY('excluded.reason')} > ${GRAVITY('suppressions.reason')}`,
        )
        .run(addressKey(email), email, reason, detail, this.now().toISOString()).changes > 0
    );
  }

  async unsuppress(email: string): Promise<SuppressionReason | null> {
    const key = addressKey(email);
    return this.db.transaction(() => {
      const reason = this.suppressionOf.get(key)?.reason ?? null;
      if (reason) this.db.prepare('DELETE FROM suppressions WHERE email_key = ?').run(key);
      return reason;
    })();
  }

  async suppression(email: string): Promise<SuppressionReason | null> {
    return this.suppressionOf.get(addressKey(email))?.reason ?? null;
  }

  async suppressedOf(emails: readonly string[]): Promise<Set<string>> {
    return new Set(emails.map(addressKey).filter((key) => this.suppressionOf.get(key) !== undefined));
  }

  async suppressions(): Promise<Suppression[]> {
    const rows = this.db.prepare('SELECT email, reason, detail, created_at FROM suppressions ORDER BY created_at, email_key').all() as {
      email: string;
      reason: SuppressionReason;
      detail: string | null;
      created_at: string;
    }[];
    return rows.map((row) => ({ email: row.email, reason: row.reason, detail: row.detail, createdAt: row.created_at }));
  }
}

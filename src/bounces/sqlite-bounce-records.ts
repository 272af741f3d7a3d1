import type { StateDb } from '../store/state-db.js';
import type { SqliteSubscriberStore } from '../subscribers/sqlite-subscriber-store.js';
import type { BounceRecords, BounceWrites, DeliveryRef } from './bounce-records.js';

/**
 * The bounce log's records in the SQLite file. A report's transaction is begun and ended by hand:
 * better-sqlite3's transaction() takes only synchronous work, and the bounce log's is written once
 * for both stores. The intake records one report at a time, so nothing else uses the connection
 * between the statements.
 */
export class SqliteBounceRecords implements BounceRecords {
  private readonly statements;
  private readonly writes: BounceWrites;

  constructor(
    private readonly db: StateDb,
    // The same database: a report's suppressions are written in the report's own transaction.
    store: SqliteSubscriberStore,
  ) {
    this.statements = {
      delivery: db.prepare<[string], DeliveryRef>('SELECT issue, email FROM deliveries WHERE bounce_id = ?'),
      deliveryByMessage: db.prepare<[string, string], DeliveryRef>('SELECT issue, email FROM deliveries WHERE email_key = ? AND message_id = ?'),
      insert: db.prepare(
        `INSERT INTO bounce_events (report_id, email_key, email, issue, kind, status, diagnostic, received_at)
         VALUES (@reportId, @key, @email, @issue, @kind, @status, @diagnostic, @at) ON CONFLICT (report_id, email_key) DO NOTHING`,
      ),
      softCount: db.prepare<[string, string], { n: number }>(`SELECT COUNT(*) AS n FROM bounce_events WHERE email_key = ? AND kind = 'soft' AND received_at >= ?`),
    };
    this.writes = {
      insertEvent: async (event) => this.statements.insert.run({ ...event, at: event.at.toISOString() }).changes > 0,
      softBouncesSince: async (key, since) => this.statements.softCount.get(key, since.toISOString())!.n,
      suppress: async (email, reason, detail) => store.suppressNow(email, reason, detail),
    };
  }

  async deliveryByBounceId(verpId: string): Promise<DeliveryRef | null> {
    return this.statements.delivery.get(verpId) ?? null;
  }

  async deliveryByMessage(key: string, messageId: string): Promise<DeliveryRef | null> {
    return this.statements.deliveryByMessage.get(key, messageId) ?? null;
  }

  async transaction<T>(work: (writes: BounceWrites) => Promise<T>): Promise<T> {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const result = await work(this.writes);
      this.db.exec('COMMIT');
      return result;
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
  }
}

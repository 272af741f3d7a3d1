import { inTransaction, type PostgresPool } from '../store/postgres/postgres-db.js';
import { suppressIn } from '../subscribers/postgres-subscriber-store.js';
import type { BounceRecords, BounceWrites, DeliveryRef } from './bounce-records.js';

/**
 * The bounce log's records in PostgreSQL: the deliveries every sender recorded, the events and
 * the suppressions all in the shared database, so a bounce read on any machine suppresses the
 * address for every sender and every `gazette serve`.
 */
export class PostgresBounceRecords implements BounceRecords {
  constructor(
    private readonly pool: PostgresPool,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async deliveryByBounceId(verpId: string): Promise<DeliveryRef | null> {
    const { rows } = await this.pool.query<DeliveryRef>('SELECT issue, email FROM deliveries WHERE bounce_id = $1', [verpId]);
    return rows[0] ?? null;
  }

  async deliveryByMessage(key: string, messageId: string): Promise<DeliveryRef | null> {
    const { rows } = await this.pool.query<DeliveryRef>('SELECT issue, email FROM deliveries WHERE email_key = $1 AND message_id = $2 LIMIT 1', [key, messageId]);
    return rows[0] ?? null;
  }

  async transaction<T>(work: (writes: BounceWrites) => Promise<T>): Promise<T> {
    return inTransaction(this.pool, (client) =>
      work({
        insertEvent: async (event) => {
          const { rowCount } = await client.query(
            `INSERT INTO bounce_events (report_id, email_key, email, issue, kind, status, diagnostic, received_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (report_id, email_key) DO NOTHING`,
            [event.reportId, event.key, event.email, event.issue, event.kind, event.status, event.diagnostic, event.at],
          );
          return (rowCount ?? 0) > 0;
        },
        softBouncesSince: async (key, since) => {
          const { rows } = await client.query<{ n: number }>("SELECT COUNT(*)::int AS n FROM bounce_events WHERE email_key = $1 AND kind = 'soft' AND received_at >= $2", [key, since]);
          return rows[0]!.n;
        },
        suppress: (email, reason, detail) => suppressIn(client, email, reason, detail, this.now()),
      }),
    );
  }
}

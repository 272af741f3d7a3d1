import { ADVISORY_LOCK, inTransaction, lockForTransaction, type PostgresClient, type PostgresPool } from '../store/postgres/postgres-db.js';
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
  fields: Record<string, string>;
  status: SubscriberStatus;
  source: SubscriberSource;
  confirmed_at: Date | null;
  reason: SuppressionReason | null;
}

/** How grave a suppression reason is, as SQL: a reason is only ever replaced by a graver one. */
const GRAVITY = (column: string) => `CASE ${column} WHEN 'complained' THEN 3 WHEN 'bounced' THEN 2 ELSE 1 END`;

const PAGE = 500;

/**
 * `save` of one subscriber, or of a batch: rows come as parallel arrays ($1 keys, $2 addresses,
 * $3 names, $4 fields as JSON text), stamped $5, and `inserted` tells an added row from an updated
 * one. PostgreSQL marks a row version an upsert wrote over an existing row with the locking
 * transaction (xmax), and leaves it 0 on a row it inserted: the documented-by-use way to tell
 * them apart in one statement, which the store contract's import counts check.
 */
const UPSERT_CONFIRMED = `
  INSERT INTO subscribers (email_key, email, name, fields, created_at, updated_at, status, confirmed_at, source)
  SELECT email_key, email, name, fields::json, $5, $5, 'confirmed', $5, 'import'
  FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS batch (email_key, email, name, fields)
  ON CONFLICT (email_key) DO UPDATE SET email = excluded.email, name = excluded.name, fields = excluded.fields, updated_at = excluded.updated_at,
    status = 'confirmed', confirmed_at = COALESCE(subscribers.confirmed_at, excluded.confirmed_at)
  RETURNING (xmax = 0) AS inserted`;

/**
 * A batch's rows, one per address key: one INSERT … ON CONFLICT may not touch a row twice. The
 * last spelling wins, as it would saving them one after the other.
 */
function lastPerKey(batch: readonly Recipient[]): Map<string, Recipient> {
  const byKey = new Map<string, Recipient>();
  for (const recipient of batch) byKey.set(addressKey(recipient.email), recipient);
  return byKey;
}

function batchParameters(byKey: Map<string, Recipient>, stamp: Date): unknown[] {
  const recipients = [...byKey.values()];
  return [[...byKey.keys()], recipients.map((r) => r.email), recipients.map((r) => r.name), recipients.map((r) => JSON.stringify(r.fields)), stamp];
}

function storedSubscriber(row: SubscriberRow): StoredSubscriber {
  return {
    email: row.email,
    name: row.name,
    fields: row.fields,
    status: row.status,
    source: row.source,
    confirmedAt: row.confirmed_at?.toISOString() ?? null,
    suppressed: row.reason,
  };
}

/**
 * The subscribers and the suppression list in a PostgreSQL database several `gazette serve`
 * processes share (see subscriber-store.ts for what each method promises). Where two processes
 * may act on one address at once, each method is one statement, or locks the rows it decides on.
 */
export class PostgresSubscriberStore implements SubscriberStore {
  constructor(
    private readonly pool: PostgresPool,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async save(recipient: Recipient): Promise<SaveOutcome> {
    const { rows } = await this.pool.query<{ inserted: boolean }>(UPSERT_CONFIRMED, batchParameters(lastPerKey([recipient]), this.now()));
    return rows[0]!.inserted ? 'added' : 'updated';
  }

  /**
   * One transaction; each batch one statement. Imports take turns (an advisory lock): two at once
   * would each hold rows the other wants next, and one would fail as a deadlock.
   */
  importBatches(batches: AsyncIterable<readonly Recipient[]>, onBatch?: (saved: number) => void): Promise<ImportCounts> {
    return inTransaction(this.pool, async (client) => {
      await lockForTransaction(client, ADVISORY_LOCK.imports);
      const counts: ImportCounts = { added: 0, updated: 0, stillSuppressed: 0 };
      let saved = 0;
      for await (const batch of batches) {
        if (batch.length === 0) continue;
        const added = await this.saveBatch(client, batch);
        counts.added += added;
        // A key twice in a batch was added once, then updated, as saving one by one would count it.
        counts.updated += batch.length - added;
        counts.stillSuppressed += await this.suppressedAmong(client, batch);
        saved += batch.length;
        onBatch?.(saved);
      }
      return counts;
    });
  }

  /** Saves a batch in one statement; returns how many addresses were new. */
  private async saveBatch(client: PostgresClient, batch: readonly Recipient[]): Promise<number> {
    const { rows } = await client.query<{ added: number }>(
      `WITH saved AS (${UPSERT_CONFIRMED}) SELECT COUNT(*) FILTER (WHERE inserted)::int AS added FROM saved`,
      batchParameters(lastPerKey(batch), this.now()),
    );
    return rows[0]!.added;
  }

  /** How many of the batch's rows (a repeated address each time) are on the suppression list. */
  private async suppressedAmong(client: PostgresClient, batch: readonly Recipient[]): Promise<number> {
    const keys = batch.map((recipient) => addressKey(recipient.email));
    const { rows } = await client.query<{ n: number }>(
      'SELECT COUNT(*)::int AS n FROM unnest($1::text[]) AS batch (email_key) JOIN suppressions USING (email_key)',
      [keys],
    );
    return rows[0]!.n;
  }

  async signUpState(email: string): Promise<SignUpState> {
    const { rows } = await this.pool.query<{ reason: SuppressionReason | null; status: SubscriberStatus | null }>(
      'SELECT (SELECT reason FROM suppressions WHERE email_key = $1) AS reason, (SELECT status FROM subscribers WHERE email_key = $1) AS status',
      [addressKey(email)],
    );
    const { reason, status } = rows[0]!;
    return reason ?? status ?? 'new';
  }

  async savePending(email: string, name: string | null): Promise<void> {
    await this.pool.query(
      `INSERT INTO subscribers (email_key, email, name, fields, created_at, updated_at, status, source) VALUES ($1, $2, $3, $4, $5, $5, 'pending', 'form')
       ON CONFLICT (email_key) DO UPDATE SET name = COALESCE(subscribers.name, excluded.name), updated_at = excluded.updated_at`,
      [addressKey(email), email, name, JSON.stringify({ email, name: name ?? '' }), this.now()],
    );
  }

  /**
   * Decides on the subscriber and suppression rows locked (FOR UPDATE), so another process cannot
   * change them between the look and the write: a suppression made graver meanwhile waits, then
   * finds the row gone and adds its own; one made afterwards stays. The subscriber row is locked
   * first, then the suppression, by every confirm alike, so two of them cannot deadlock.
   */
  async confirm(email: string, issuedAt: Date): Promise<ConfirmOutcome> {
    const key = addressKey(email);
    return inTransaction(this.pool, async (client): Promise<ConfirmOutcome> => {
      const subscriber = (await client.query<{ status: SubscriberStatus }>('SELECT status FROM subscribers WHERE email_key = $1 FOR UPDATE', [key])).rows[0];
      const suppression = (
        await client.query<{ reason: SuppressionReason; created_at: Date }>('SELECT reason, created_at FROM suppressions WHERE email_key = $1 FOR UPDATE', [key])
      ).rows[0];
      if (suppression && suppression.reason !== 'unsubscribed') return 'suppressed';
      if (suppression && suppression.created_at.getTime() >= issuedAt.getTime()) return 'stale';
      if (!subscriber) return 'gone';
      if (subscriber.status === 'confirmed' && !suppression) return 'already-confirmed';
      const stamp = this.now();
      if (suppression) await client.query('DELETE FROM suppressions WHERE email_key = $1', [key]);
      await client.query("UPDATE subscribers SET status = 'confirmed', confirmed_at = $2, updated_at = $2 WHERE email_key = $1", [key, stamp]);
      return 'confirmed';
    });
  }

  async nameOf(email: string): Promise<string | null> {
    const { rows } = await this.pool.query<{ name: string | null }>('SELECT name FROM subscribers WHERE email_key = $1', [addressKey(email)]);
    return rows[0]?.name ?? null;
  }

  async prunePending(before: Date): Promise<number> {
    const { rowCount } = await this.pool.query("DELETE FROM subscribers WHERE status = 'pending' AND source = 'form' AND updated_at < $1", [before]);
    return rowCount ?? 0;
  }

  async remove(email: string): Promise<boolean> {
    const { rowCount } = await this.pool.query('DELETE FROM subscribers WHERE email_key = $1', [addressKey(email)]);
    return (rowCount ?? 0) > 0;
  }

  async count(): Promise<StoreCounts> {
    // One statement, so the numbers are of one moment even while others write.
    const { rows } = await this.pool.query<StoreCounts>(
      `SELECT statuses.confirmed, statuses.pending, reasons.unsubscribed, reasons.bounced, reasons.complained
       FROM (SELECT COUNT(*) FILTER (WHERE s.status = 'confirmed')::int AS confirmed, COUNT(*) FILTER (WHERE s.status = 'pending')::int AS pending
             FROM subscribers s WHERE NOT EXISTS (SELECT 1 FROM suppressions p WHERE p.email_key = s.email_key)) AS statuses,
            (SELECT COUNT(*) FILTER (WHERE reason = 'unsubscribed')::int AS unsubscribed, COUNT(*) FILTER (WHERE reason = 'bounced')::int AS bounced,
                    COUNT(*) FILTER (WHERE reason = 'complained')::int AS complained
             FROM suppressions) AS reasons`,
    );
    return rows[0]!;
  }

  /** Pages by key (keyset): each page is one short query, so a long send holds no connection between them. */
  async *all(options: { sendable?: boolean } = {}): AsyncGenerator<StoredSubscriber> {
    const query = `SELECT s.email_key, s.email, s.name, s.fields, s.status, s.source, s.confirmed_at, p.reason FROM subscribers s
       LEFT JOIN suppressions p ON p.email_key = s.email_key
       WHERE s.email_key > $1 ${options.sendable ? "AND p.email_key IS NULL AND s.status = 'confirmed'" : ''}
       ORDER BY s.email_key LIMIT ${PAGE}`;
    let after = '';
    for (;;) {
      const { rows } = await this.pool.query<SubscriberRow>(query, [after]);
      for (const row of rows) yield storedSubscriber(row);
      const last = rows.at(-1);
      if (!last || rows.length < PAGE) return;
      after = last.email_key;
    }
  }

  /** One statement: PostgreSQL locks the conflicting row, so two processes' reasons are compared one after the other. */
  async suppress(email: string, reason: SuppressionReason, detail: string | null = null): Promise<boolean> {
    return suppressIn(this.pool, email, reason, detail, this.now());
  }

  /** One statement: the reason returned is the one the row had when it was deleted. */
  async unsuppress(email: string): Promise<SuppressionReason | null> {
    const { rows } = await this.pool.query<{ reason: SuppressionReason }>('DELETE FROM suppressions WHERE email_key = $1 RETURNING reason', [addressKey(email)]);
    return rows[0]?.reason ?? null;
  }

  async suppression(email: string): Promise<SuppressionReason | null> {
    const { rows } = await this.pool.query<{ reason: SuppressionReason }>('SELECT reason FROM suppressions WHERE email_key = $1', [addressKey(email)]);
    return rows[0]?.reason ?? null;
  }

  async suppressedOf(emails: readonly string[]): Promise<Set<string>> {
    const { rows } = await this.pool.query<{ email_key: string }>('SELECT email_key FROM suppressions WHERE email_key = ANY($1::text[])', [emails.map(addressKey)]);
    return new Set(rows.map((row) => row.email_key));
  }

  async suppressions(): Promise<Suppression[]> {
    const { rows } = await this.pool.query<{ email: string; reason: SuppressionReason; detail: string | null; created_at: Date }>(
      'SELECT email, reason, detail, created_at FROM suppressions ORDER BY created_at, email_key',
    );
    return rows.map((row) => ({ email: row.email, reason: row.reason, detail: row.detail, createdAt: row.created_at.toISOString() }));
  }
}

/**
 * Suppresses an address unless a graver reason is already recorded, in one statement, on the pool
 * or on the client of a transaction (the bounce log's); returns whether the row changed.
 */
export async function suppressIn(db: Pick<PostgresPool, 'query'>, email: string, reason: SuppressionReason, detail: string | null, now: Date): Promise<boolean> {
  const { rowCount } = await db.query(
    `INSERT INTO suppressions (email_key, email, reason, detail, created_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (email_key) DO UPDATE SET reason = excluded.reason, detail = excluded.detail, created_at = excluded.created_at
     WHERE ${GRAVITY('excluded.reason')} > ${GRAVITY('suppressions.reason')}`,
    [addressKey(email), email, reason, detail, now],
  );
  return (rowCount ?? 0) > 0;
}

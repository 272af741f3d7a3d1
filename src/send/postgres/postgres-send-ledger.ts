import { ADVISORY_LOCK, inTransaction, lockForTransaction, type PostgresPool } from '../../store/postgres/postgres-db.js';
import { addressKey } from '../../subscribers/address.js';
import type { LedgerEntry, LedgerState, Recipient } from '../../types.js';
import { LEDGER_ROW_COLUMNS, ledgerEntry, type BounceIdOf, type Campaign, type CampaignTerms, type LedgerCounts, type LedgerRow, type PlannedDelivery, type SendLedger } from '../ledger.js';

interface DeliveryRow {
  email: string;
  name: string | null;
  fields: Record<string, string>;
  position: string;
  message_id: string | null;
}

export interface ClaimPolicy {
  /** Rows claimed at a time: what a killed sender leaves for the others to take after its lease. */
  batch: number;
  /** How long to wait before looking again when the only rows left are in other senders' batches. */
  pollMs: number;
  sleep: (ms: number) => Promise<void>;
}

/** Another sender of the issue ($1) than this one ($2) whose lease is unexpired. */
const OTHER_LIVE_SENDER = 'EXISTS (SELECT 1 FROM senders WHERE senders.issue = $1 AND senders.id <> $2 AND senders.expires_at > clock_timestamp())';

/** A sender that holds a row: its lease is unexpired, by the database's clock. */
const LIVE_SENDER = (column: string) => `EXISTS (SELECT 1 FROM senders WHERE senders.id = ${column} AND senders.expires_at > clock_timestamp())`;

/**
 * The send ledger in PostgreSQL, where several senders share one issue. Each row still moves
 * pending → sending → sent | failed, each step committed before the next network step; on top of
 * that a sender sends only rows it has claimed. `pending()` claims a batch at a time
 * (`FOR UPDATE SKIP LOCKED`: two senders never wait for, or take, the same rows) from the rows
 * no live sender holds, so a batch whose sender died or was cut off returns to the pool when that
 * sender's lease lapses. `markSending` succeeds only while the row is still this sender's and its
 * lease is unexpired, in one statement, so a sender that lost its lease cannot send a row someone
 * else may now be sending.
 */
export class PostgresSendLedger implements SendLedger {
  constructor(
    private readonly pool: PostgresPool,
    /** This sender's id in `senders`: its claims carry it. */
    private readonly sender: string,
    private readonly claims: ClaimPolicy,
    private readonly now: () => Date = () => new Date(),
    private readonly bounceIdOf: BounceIdOf | null = null,
  ) {}

  async campaign(issue: string): Promise<Campaign | null> {
    const { rows } = await this.pool.query<{ issue: string; source: string; started_at: Date; finished_at: Date | null; fingerprint: string | null }>(
      'SELECT issue, source, started_at, finished_at, fingerprint FROM campaigns WHERE issue = $1',
      [issue],
    );
    const row = rows[0];
    return row
      ? { issue: row.issue, source: row.source, startedAt: row.started_at.toISOString(), finishedAt: row.finished_at?.toISOString() ?? null, fingerprint: row.fingerprint }
      : null;
  }

  /**
   * Senders starting together all begin: the first one's campaign, with its terms, is everyone's.
   * The campaign and its relay's rate are written in one transaction, so a sender that joins can
   * never find the campaign without the rate and set one of its own.
   */
  async begin(issue: string, source: string, terms: CampaignTerms | null): Promise<Campaign> {
    await inTransaction(this.pool, async (client) => {
      const { rowCount } = await client.query('INSERT INTO campaigns (issue, source, started_at, fingerprint) VALUES ($1, $2, $3, $4) ON CONFLICT (issue) DO NOTHING', [
        issue,
        source,
        this.now(),
        terms?.fingerprint ?? null,
      ]);
      if ((rowCount ?? 0) > 0 && terms) await client.query('INSERT INTO campaign_relays (issue, relay, rate) VALUES ($1, $2, $3)', [issue, terms.relay, terms.rate]);
    });
    return (await this.campaign(issue))!;
  }

  /** Only while no other sender is at work on the issue: one sender's bad list must not undo another's send. */
  async discardUnstarted(issue: string): Promise<boolean> {
    return inTransaction(this.pool, async (client) => {
      await lockForTransaction(client, ADVISORY_LOCK.plans, issue);
      const { rows } = await client.query(
        `SELECT 1 FROM deliveries WHERE issue = $1 AND state <> 'pending'
         UNION ALL SELECT 1 WHERE ${OTHER_LIVE_SENDER} LIMIT 1`,
        [issue, this.sender],
      );
      if (rows.length > 0) return false;
      await client.query('DELETE FROM deliveries WHERE issue = $1', [issue]);
      await client.query('DELETE FROM campaigns WHERE issue = $1', [issue]);
      return true;
    });
  }

  /** Not while another sender is at work on it: it may be planning its first rows this moment. */
  async forgetEmpty(issue: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `DELETE FROM campaigns WHERE issue = $1 AND NOT EXISTS (SELECT 1 FROM deliveries WHERE issue = $1) AND NOT ${OTHER_LIVE_SENDER}`,
      [issue, this.sender],
    );
    return (rowCount ?? 0) > 0;
  }

  /** Only by the last sender at work: one that found nothing left while another still plans must not close the send. */
  async finish(issue: string): Promise<void> {
    await this.pool.query(`UPDATE campaigns SET finished_at = $3 WHERE issue = $1 AND finished_at IS NULL AND NOT ${OTHER_LIVE_SENDER}`, [issue, this.sender, this.now()]);
  }

  /** This sender has planned its list: the others need no longer wait for rows from it. */
  async planned(): Promise<void> {
    await this.pool.query('UPDATE senders SET planning = false WHERE id = $1', [this.sender]);
  }

  /**
   * One statement per batch, numbered after the rows already there. Senders planning the same list
   * at once take turns under a lock on the issue, so positions never collide; the second finds
   * every address planned and adds nothing.
   */
  async plan(issue: string, recipients: readonly Recipient[]): Promise<number> {
    if (recipients.length === 0) return 0;
    return inTransaction(this.pool, async (client) => {
      await lockForTransaction(client, ADVISORY_LOCK.plans, issue);
      const { rowCount } = await client.query(
        `INSERT INTO deliveries (issue, position, email_key, email, name, fields, state, attempts, updated_at, bounce_id)
         SELECT $1, last.position + batch.n, batch.email_key, batch.email, batch.name, batch.fields::json, 'pending', 0, $6, batch.bounce_id
         FROM (SELECT COALESCE(MAX(position), 0) AS position FROM deliveries WHERE issue = $1) AS last,
              unnest($2::text[], $3::text[], $4::text[], $5::text[], $7::text[]) WITH ORDINALITY AS batch (email_key, email, name, fields, bounce_id, n)
         ORDER BY batch.n
         ON CONFLICT DO NOTHING`,
        [
          issue,
          recipients.map((recipient) => addressKey(recipient.email)),
          recipients.map((recipient) => recipient.email),
          recipients.map((recipient) => recipient.name),
          recipients.map((recipient) => JSON.stringify(recipient.fields)),
          this.now(),
          recipients.map((recipient) => this.bounceIdOf?.(issue, recipient.email) ?? null),
        ],
      );
      return rowCount ?? 0;
    });
  }

  async counts(issue: string): Promise<LedgerCounts> {
    const counts: LedgerCounts = { pending: 0, sending: 0, sent: 0, failed: 0 };
    const { rows } = await this.pool.query<{ state: LedgerState; n: string }>('SELECT state, COUNT(*) AS n FROM deliveries WHERE issue = $1 GROUP BY state', [issue]);
    for (const row of rows) counts[row.state] = Number(row.n);
    return counts;
  }

  /**
   * The rows this sender claims, a batch at a time, in list order within a batch. When no row is
   * free but other live senders still hold pending ones, are transmitting one (a 4xx makes it
   * pending again while its sender retries), or are still planning, it waits and looks again: if
   * one of them dies, its batch is taken here once its lease lapses. It ends when no row is left
   * that another sender could still give back. A row given back unsent after this sender joined
   * (retries ran out, here or elsewhere) is left for the next run, as a single sender leaves it
   * for the next `--resume`: senders never pass a failing address around among themselves.
   */
  async *pending(issue: string): AsyncGenerator<PlannedDelivery> {
    for (;;) {
      // The batch is picked first, on its own (MATERIALIZED): written as `position IN (SELECT … LIMIT
      // … FOR UPDATE SKIP LOCKED)`, the planner may run the LIMIT inside a semi-join and claim far
      // more than a batch, the whole list of a few hundred, leaving nothing for the other senders.
      const { rows } = await this.pool.query<DeliveryRow>(
        `WITH batch AS MATERIALIZED (
           SELECT position FROM deliveries
           WHERE issue = $1 AND state = 'pending' AND (claimed_by IS NULL OR NOT ${LIVE_SENDER('claimed_by')})
             AND (deferred_at IS NULL OR deferred_at < (SELECT started_at FROM senders WHERE id = $2))
           ORDER BY position LIMIT $3 FOR UPDATE SKIP LOCKED)
         UPDATE deliveries SET claimed_by = $2 FROM batch
         WHERE deliveries.issue = $1 AND deliveries.position = batch.position
         RETURNING email, name, fields, deliveries.position, message_id`,
        [issue, this.sender, this.claims.batch],
      );
      if (rows.length > 0) {
        rows.sort((a, b) => Number(a.position) - Number(b.position));
        for (const row of rows) yield toPlanned(row);
        continue;
      }
      const { rows: held } = await this.pool.query(
        `SELECT 1 FROM deliveries WHERE issue = $1 AND state IN ('pending', 'sending') AND claimed_by <> $2 AND ${LIVE_SENDER('claimed_by')}
         UNION ALL SELECT 1 FROM senders WHERE issue = $1 AND id <> $2 AND planning AND expires_at > clock_timestamp() LIMIT 1`,
        [issue, this.sender],
      );
      if (held.length === 0) return;
      await this.claims.sleep(this.claims.pollMs);
    }
  }

  /** Rows left `sending` by senders that are gone: the ones a live sender is transmitting are not in doubt. */
  async inFlight(issue: string): Promise<LedgerEntry[]> {
    return this.select(`issue = $1 AND state = 'sending' AND (claimed_by IS NULL OR NOT ${LIVE_SENDER('claimed_by')})`, [issue]);
  }

  async requeueInFlight(issue: string): Promise<number> {
    const { rowCount } = await this.pool.query(
      `UPDATE deliveries SET state = 'pending', claimed_by = NULL, deferred_at = NULL, updated_at = $2
       WHERE issue = $1 AND state = 'sending' AND (claimed_by IS NULL OR NOT ${LIVE_SENDER('claimed_by')})`,
      [issue, this.now()],
    );
    return rowCount ?? 0;
  }

  async markSending(issue: string, position: number, messageId: string, holder: string | null): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `UPDATE deliveries SET state = 'sending', message_id = $3, attempts = attempts + 1, updated_at = $4
       WHERE issue = $1 AND position = $2 AND claimed_by = $5 AND ${LIVE_SENDER('$5')}`,
      [issue, position, messageId, this.now(), holder ?? this.sender],
    );
    return (rowCount ?? 0) > 0;
  }

  async noteReply(issue: string, position: number, reply: string): Promise<void> {
    await this.pool.query('UPDATE deliveries SET reply = $3, updated_at = $4 WHERE issue = $1 AND position = $2', [issue, position, reply, this.now()]);
  }

  async markSent(issue: string, position: number, reply: string): Promise<void> {
    await this.settle(issue, position, 'sent', reply);
  }

  async markFailed(issue: string, position: number, reply: string): Promise<void> {
    await this.settle(issue, position, 'failed', reply);
  }

  /** Pending again, but the claim kept: no other sender takes the row while this one waits to retry it. */
  async markRetrying(issue: string, position: number, reply: string): Promise<void> {
    await this.pool.query("UPDATE deliveries SET state = 'pending', reply = $3, updated_at = $4 WHERE issue = $1 AND position = $2", [issue, position, reply, this.now()]);
  }

  async markDeferred(issue: string, position: number, reply: string | null): Promise<void> {
    await this.pool.query(
      `UPDATE deliveries SET state = 'pending', reply = COALESCE($3, reply), updated_at = $4, claimed_by = NULL, deferred_at = clock_timestamp()
       WHERE issue = $1 AND position = $2`,
      [issue, position, reply, this.now()],
    );
  }

  async drop(issue: string, position: number): Promise<void> {
    await this.pool.query('DELETE FROM deliveries WHERE issue = $1 AND position = $2', [issue, position]);
  }

  async entries(issue: string, state?: LedgerState): Promise<LedgerEntry[]> {
    return state ? this.select('issue = $1 AND state = $2', [issue, state]) : this.select('issue = $1', [issue]);
  }

  /** Gives back the rows this sender claimed and did not send, for the other senders or a resume. */
  async releaseClaims(issue: string): Promise<void> {
    await this.pool.query("UPDATE deliveries SET claimed_by = NULL WHERE issue = $1 AND claimed_by = $2 AND state = 'pending'", [issue, this.sender]);
  }

  private async settle(issue: string, position: number, state: 'sent' | 'failed', reply: string): Promise<void> {
    await this.pool.query('UPDATE deliveries SET state = $3, reply = $4, updated_at = $5 WHERE issue = $1 AND position = $2', [
      issue,
      position,
      state,
      reply,
      this.now(),
    ]);
  }

  private async select(where: string, parameters: unknown[]): Promise<LedgerEntry[]> {
    const { rows } = await this.pool.query<LedgerRow>(`SELECT ${LEDGER_ROW_COLUMNS} FROM deliveries WHERE ${where} ORDER BY position`, parameters);
    return rows.map(ledgerEntry);
  }
}

function toPlanned(row: DeliveryRow): PlannedDelivery {
  return { position: Number(row.position), recipient: { email: row.email, name: row.name, fields: row.fields }, messageId: row.message_id };
}

import { inTransaction, type PostgresPool } from '../../store/postgres/postgres-db.js';
import { slotsFor, windowFor, type Limiter, type Release } from '../rate-limiter.js';

/** How long to wait before asking again when every slot is taken by a message still in flight. */
const IN_FLIGHT_POLL_MS = 10;
/** The longest single wait, so a slot a dead sender held is noticed soon after its lease lapses. */
const MAX_WAIT_MS = 250;

/**
 * `--rate N` for a whole campaign through one relay, however many senders share it: the rule the
 * single sender keeps in memory (rate-limiter.ts), kept in the database. The relay has N slots;
 * a message takes one before it starts and gives it back when the server has answered, marked
 * free one second (and a millisecond) later by the database's clock (see slotsFor and windowFor in
 * rate-limiter.ts for a rate that is not a whole number). So at any moment
 * (messages in flight) + (messages answered within the last second) ≤ N across every sender,
 * and since a server accepts a message before its sender hears the answer, no one-second window
 * at the server holds more than N acceptances.
 *
 * A slot held by a sender whose lease lapsed (killed mid-message) is free again: its message was
 * answered, or never will be, long before. Within a process slots are asked for one at a time,
 * so a sender has one query waiting at most, not one per connection.
 * Home-made: the bound needs answers as well as starts counted across processes, which no kept
 * limiter offers over PostgreSQL.
 */
export class SharedRateLimiter implements Limiter {
  private turn: Promise<unknown> = Promise.resolve();
  private readonly releasing = new Set<Promise<unknown>>();
  private failure: unknown = null;

  private constructor(
    private readonly pool: PostgresPool,
    private readonly issue: string,
    private readonly relay: string,
    private readonly holder: string,
    /** How long after its answer a slot stays taken, in milliseconds. */
    private readonly holdMs: number,
    private readonly sleep: (ms: number) => Promise<void>,
  ) {}

  /**
   * The campaign's rate through `relay`, as its first sender set it (a later one asking another
   * rate gets the first one's, so the senders agree), or null when it has none.
   */
  static async rateOf(pool: PostgresPool, issue: string, relay: string, asked: number | null): Promise<number | null> {
    return inTransaction(pool, async (client) => {
      await client.query('INSERT INTO campaign_relays (issue, relay, rate) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [issue, relay, asked]);
      const { rows } = await client.query<{ rate: number | null }>('SELECT rate FROM campaign_relays WHERE issue = $1 AND relay = $2', [issue, relay]);
      const rate = rows[0]?.rate ?? null;
      if (rate !== null) {
        await client.query(
          `INSERT INTO rate_slots (issue, relay, slot, free_at) SELECT $1, $2, slot, 'epoch' FROM generate_series(0, $3 - 1) AS slot ON CONFLICT DO NOTHING`,
          [issue, relay, slotsFor(rate)],
        );
      }
      return rate;
    });
  }

  static open(pool: PostgresPool, issue: string, relay: string, holder: string, rate: number, sleep: (ms: number) => Promise<void>): SharedRateLimiter {
    return new SharedRateLimiter(pool, issue, relay, holder, windowFor(rate), sleep);
  }

  async acquire(): Promise<Release> {
    // Once the store has failed, every message still waiting fails with it at once, instead of
    // each waiting out its own statement timeout in turn.
    const mine = this.turn.then(() => (this.failure === null ? this.takeSlot() : Promise.reject(this.failure)));
    this.turn = mine.catch((error: unknown) => {
      this.failure ??= error;
    });
    const slot = await mine;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const freeing = this.pool
        .query(
          `UPDATE rate_slots SET holder = NULL, free_at = clock_timestamp() + $5 * interval '1 millisecond'
           WHERE issue = $1 AND relay = $2 AND slot = $3 AND holder = $4`,
          [this.issue, this.relay, slot, this.holder, this.holdMs],
        )
        // Not freed (the store went away): the slot stays taken until this sender's lease lapses, which only slows the others.
        .catch(() => undefined)
        .finally(() => this.releasing.delete(freeing));
      this.releasing.add(freeing);
    };
  }

  /** Waits until the slots taken back have been written, before the connection pool closes. */
  async settled(): Promise<void> {
    await Promise.all(this.releasing);
  }

  private async takeSlot(): Promise<number> {
    for (;;) {
      const { rows } = await this.pool.query<{ slot: number | null; wait_ms: number | null }>(
        // A slot free by its time first (an index scan that stops at the first row it can lock);
        // only when there is none, one a lapsed sender left taken. The wait is worked out only
        // when no slot was had.
        `WITH by_time AS MATERIALIZED (
           SELECT slot FROM rate_slots WHERE issue = $1 AND relay = $2 AND free_at <= clock_timestamp()
           ORDER BY free_at LIMIT 1 FOR UPDATE SKIP LOCKED
         ), lapsed AS MATERIALIZED (
           SELECT slot FROM rate_slots WHERE issue = $1 AND relay = $2 AND free_at = 'infinity' AND NOT EXISTS (SELECT 1 FROM by_time)
             AND NOT EXISTS (SELECT 1 FROM senders WHERE senders.id = rate_slots.holder AND senders.expires_at > clock_timestamp())
           LIMIT 1 FOR UPDATE SKIP LOCKED
         ), free AS (
           SELECT slot FROM by_time UNION ALL SELECT slot FROM lapsed
         ), taken AS (
           UPDATE rate_slots SET holder = $3, free_at = 'infinity' FROM free
           WHERE rate_slots.issue = $1 AND rate_slots.relay = $2 AND rate_slots.slot = free.slot
           RETURNING rate_slots.slot
         )
         SELECT taken.slot, NULL::float8 AS wait_ms FROM taken
         UNION ALL
         SELECT NULL, (SELECT EXTRACT(EPOCH FROM MIN(free_at) - clock_timestamp()) * 1000 FROM rate_slots
                       WHERE issue = $1 AND relay = $2 AND free_at <> 'infinity')::float8
         WHERE NOT EXISTS (SELECT 1 FROM taken)`,
        [this.issue, this.relay, this.holder],
      );
      const { slot, wait_ms: waitMs } = rows[0]!;
      if (slot !== null) return slot;
      await this.sleep(waitMs === null ? IN_FLIGHT_POLL_MS : Math.min(MAX_WAIT_MS, Math.max(1, Math.ceil(waitMs))));
    }
  }
}

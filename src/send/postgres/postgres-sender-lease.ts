import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { PostgresPool } from '../../store/postgres/postgres-db.js';
import type { SenderLease } from '../send-store.js';

/** Why a sender's lease ended before it released it. */
type Loss = 'lapsed' | 'unreachable';

/**
 * One sender's place in an issue's send on PostgreSQL: a row of `senders` whose expiry the
 * heartbeat pushes forward, six times per lease, on the database's clock (machines' clocks
 * never need to agree). The rows this sender claims are its own while the lease is unexpired.
 *
 * A sender cut off from the database (a partition, a frozen machine) cannot renew, so its
 * lease lapses there and the other senders take back its unsent rows. It notices on its own
 * clock too: once no renewal has succeeded for a whole lease, it counts the lease lost and
 * starts no message, which it could not mark sending anyway.
 */
export class PostgresSenderLease implements SenderLease {
  private heartbeat: NodeJS.Timeout | null = null;
  private loss: Loss | null = null;
  /** When the last renewal that succeeded was sent, on this machine's monotonic clock. */
  private renewedAt: number;
  private renewing = false;

  private constructor(
    private readonly pool: PostgresPool,
    readonly holder: string,
    private readonly timeoutMs: number,
  ) {
    this.renewedAt = performance.now();
  }

  /** Joins the issue's send as a new sender. */
  static async enlist(pool: PostgresPool, issue: string, timeoutMs: number): Promise<PostgresSenderLease> {
    const lease = new PostgresSenderLease(pool, randomUUID(), timeoutMs);
    // Senders that died leave their rows; a lapsed row means no more than a missing one, so old ones are swept here.
    await pool.query("DELETE FROM senders WHERE expires_at < clock_timestamp() - interval '1 day'");
    await pool.query(
      `INSERT INTO senders (id, issue, host, pid, started_at, expires_at)
       VALUES ($1, $2, $3, $4, clock_timestamp(), clock_timestamp() + $5 * interval '1 millisecond')`,
      [lease.holder, issue, hostname(), process.pid, timeoutMs],
    );
    lease.heartbeat = setInterval(() => lease.beat(), Math.max(1, Math.floor(timeoutMs / 6)));
    // The heartbeat never keeps a finished process alive.
    lease.heartbeat.unref();
    return lease;
  }

  get lost(): boolean {
    return this.loss !== null;
  }

  lossDescription(): string {
    const seconds = this.timeoutMs / 1000;
    if (this.loss === 'unreachable') {
      return `was given up by this sender: it could not renew its lease for ${seconds} s (the store out of reach, or this process stopped), and the other senders take over its unsent rows`;
    }
    // 'lapsed', or a claim refused before the heartbeat noticed: either way the lease ran out first.
    return `lapsed for this sender: its lease ran out (${seconds} s without a renewal) and another sender took over its rows`;
  }

  /** Ends this sender's part: its row is removed, so whatever it left `sending` is reported in doubt at once. */
  async release(): Promise<void> {
    this.stop();
    if (this.loss) return;
    await this.pool.query('DELETE FROM senders WHERE id = $1', [this.holder]);
  }

  /** Stops renewing, leaving the lease to lapse (the store is out of reach, so it cannot be released). */
  stop(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
  }

  private beat(): void {
    if (performance.now() - this.renewedAt >= this.timeoutMs) return this.lose('unreachable');
    // A renewal still waiting for its answer (a slow or unreachable server) is not sent twice.
    if (this.renewing) return;
    this.renewing = true;
    const sentAt = performance.now();
    this.pool
      .query(`UPDATE senders SET expires_at = clock_timestamp() + $2 * interval '1 millisecond' WHERE id = $1 AND expires_at > clock_timestamp()`, [this.holder, this.timeoutMs])
      .then(
        ({ rowCount }) => {
          if ((rowCount ?? 0) === 0) this.lose('lapsed');
          else this.renewedAt = sentAt;
        },
        // Unreachable for now: the next beat tries again, and the lease is given up once a whole timeout passes.
        () => undefined,
      )
      .finally(() => (this.renewing = false));
  }

  private lose(loss: Loss): void {
    this.loss ??= loss;
    this.stop();
  }
}

import { ADVISORY_LOCK, inTransaction, lockForTransaction, type PostgresPool } from '../store/postgres/postgres-db.js';
import type { AttemptKind, SignUpAttempts } from './sign-up-attempts.js';

/** Sign-up attempts in the PostgreSQL store, shared by every serve process behind a load balancer. */
export class PostgresSignUpAttempts implements SignUpAttempts {
  constructor(private readonly pool: PostgresPool) {}

  /**
   * An advisory lock on the kind and key makes the count and the insert one step across processes:
   * the next taker of the same key waits for this transaction to end, and its count (a statement
   * begun after the lock, so a snapshot taken after this commit) sees the row added here.
   */
  take(kind: AttemptKind, key: string, since: Date, at: Date, limit: number): Promise<boolean> {
    return inTransaction(this.pool, async (client) => {
      await lockForTransaction(client, ADVISORY_LOCK.signUpAttempts, `${kind} ${key}`);
      const { rowCount } = await client.query(
        `INSERT INTO subscribe_attempts (kind, key, at)
         SELECT $1, $2, $4 WHERE (SELECT COUNT(*) FROM subscribe_attempts WHERE kind = $1 AND key = $2 AND at > $3) < $5`,
        [kind, key, since, at, limit],
      );
      return rowCount === 1;
    });
  }

  async prune(before: Date): Promise<number> {
    const { rowCount } = await this.pool.query('DELETE FROM subscribe_attempts WHERE at < $1', [before]);
    return rowCount ?? 0;
  }
}

import type { StateDb } from '../store/state-db.js';
import type { AttemptKind, SignUpAttempts } from './sign-up-attempts.js';

/** Sign-up attempts in the workspace's SQLite state database, shared by the serve processes on one machine. */
export class SqliteSignUpAttempts implements SignUpAttempts {
  constructor(private readonly db: StateDb) {}

  async take(kind: AttemptKind, key: string, since: Date, at: Date, limit: number): Promise<boolean> {
    // IMMEDIATE: the count and the insert are one write, so two processes cannot both take the last one.
    return this.db.transaction(() => {
      const { n } = this.db
        .prepare<[string, string, string], { n: number }>('SELECT COUNT(*) AS n FROM subscribe_attempts WHERE kind = ? AND key = ? AND at > ?')
        .get(kind, key, since.toISOString())!;
      if (n >= limit) return false;
      this.db.prepare('INSERT INTO subscribe_attempts (kind, key, at) VALUES (?, ?, ?)').run(kind, key, at.toISOString());
      return true;
    }).immediate();
  }

  async prune(before: Date): Promise<number> {
    return this.db.prepare('DELETE FROM subscribe_attempts WHERE at < ?').run(before.toISOString()).changes;
  }
}

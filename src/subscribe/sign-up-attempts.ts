/** What a sign-up attempt is counted by: the client's network, or the address signed up. */
export type AttemptKind = 'ip' | 'address';

/**
 * The sign-up attempts the limits count (sign-up-limits.ts), kept in the store so that every
 * `gazette serve` process sharing it shares the counts: in the SQLite file on one machine, in
 * PostgreSQL behind a load balancer. Keys are already hashed or normalized by the caller.
 */
export interface SignUpAttempts {
  /**
   * Counts an attempt made at `at`, unless `limit` attempts of this kind and key were already made
   * after `since`: then nothing is counted and the answer is false. Atomic: two processes taking
   * the last attempt at once cannot both get it.
   */
  take(kind: AttemptKind, key: string, since: Date, at: Date, limit: number): Promise<boolean>;
  /** Forgets attempts made before `before`; returns how many. */
  prune(before: Date): Promise<number>;
}

import { diagnostic, GazetteError } from '../../diagnostics/diagnostic.js';
import { ADVISORY_LOCK, inTransaction, lockForTransaction, type PostgresPool } from './postgres-db.js';

/**
 * The PostgreSQL store's schema, one step per version, as the SQLite one (../migrations.ts) is:
 * a step is never edited once released. It holds what that schema holds for the parts of the
 * store that work on PostgreSQL: subscribers, suppressions, sign-up attempts, send ledgers, the bounce log.
 *
 * Addresses keys are compared in the C collation: byte order, as SQLite compares them, whatever
 * the database's locale, so `all()` pages in the same order on both backends.
 * Timestamps are `timestamptz`, written from the store's clock (JavaScript Dates, to the
 * millisecond), so they read back as the same ISO strings the SQLite store keeps.
 * A subscriber's fields are `json`, not `jsonb`: json keeps the keys in the list's column order and
 * the text as it was written, which jsonb would reorder; nothing queries inside them.
 */
export const POSTGRES_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE subscribers (
    email_key text COLLATE "C" PRIMARY KEY,
    email text NOT NULL,
    name text,
    fields json NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    status text NOT NULL DEFAULT 'confirmed' CHECK (status IN ('pending', 'confirmed')),
    confirmed_at timestamptz,
    -- How the address came: 'import' (a CSV or the CLI) or 'form' (gazette serve).
    source text NOT NULL DEFAULT 'import' CHECK (source IN ('import', 'form'))
  );
  -- Pruning expired sign-ups reads only the pending ones, a few among many confirmed.
  CREATE INDEX subscribers_pending_by_age ON subscribers (updated_at) WHERE status = 'pending';

  -- Kept apart from subscribers: removing a subscriber or re-importing a list never lifts one.
  CREATE TABLE suppressions (
    email_key text COLLATE "C" PRIMARY KEY,
    email text NOT NULL,
    reason text NOT NULL CHECK (reason IN ('unsubscribed', 'bounced', 'complained')),
    detail text,
    created_at timestamptz NOT NULL
  );

  -- Confirmation emails sent, by hashed client address and by subscriber address: the limits
  -- against subscription bombing are counted here, so every serve process shares them.
  CREATE TABLE subscribe_attempts (
    kind text NOT NULL CHECK (kind IN ('ip', 'address')),
    key text NOT NULL,
    at timestamptz NOT NULL
  );
  CREATE INDEX subscribe_attempts_by_key ON subscribe_attempts (kind, key, at);
  `,
  `
  -- The send ledger, as the SQLite file keeps it (../migrations.ts), shared by every sender of an issue.
  CREATE TABLE campaigns (
    issue text PRIMARY KEY,
    source text NOT NULL,
    started_at timestamptz NOT NULL,
    finished_at timestamptz,
    -- What the first sender sends (the built issue, its sender, its secret), as a digest: a sender
    -- with another build of the same issue is refused rather than mixed in.
    fingerprint text
  );

  -- The senders working on an issue, each alive while its lease is unexpired by the database's
  -- clock: a sender renews it with its heartbeat, and a row it holds is anyone's once it lapses.
  CREATE TABLE senders (
    id uuid PRIMARY KEY,
    issue text NOT NULL,
    host text NOT NULL,
    pid integer NOT NULL,
    started_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    -- Still planning its list: the others wait for its rows rather than finish the send without them.
    planning boolean NOT NULL DEFAULT true
  );

  CREATE TABLE deliveries (
    issue text NOT NULL REFERENCES campaigns (issue),
    position bigint NOT NULL,
    email_key text COLLATE "C" NOT NULL,
    email text NOT NULL,
    name text,
    fields json NOT NULL,
    state text NOT NULL CHECK (state IN ('pending', 'sending', 'sent', 'failed')),
    message_id text,
    reply text,
    attempts integer NOT NULL DEFAULT 0,
    updated_at timestamptz NOT NULL,
    bounce_id text,
    -- The sender whose batch the row is in; not a foreign key: a sender's row outlives nothing it claimed.
    claimed_by uuid,
    -- When a sender last gave the row back unsent (retries ran out): senders that joined before
    -- then leave it to the next run, as a single sender leaves it to the next resumed send.
    deferred_at timestamptz,
    PRIMARY KEY (issue, position)
  );
  CREATE UNIQUE INDEX deliveries_by_address ON deliveries (issue, email_key);
  CREATE UNIQUE INDEX deliveries_by_bounce_id ON deliveries (bounce_id) WHERE bounce_id IS NOT NULL;
  -- Claiming reads only the pending rows, in list order.
  CREATE INDEX deliveries_pending ON deliveries (issue, position) WHERE state = 'pending';

  -- One rate per relay of a campaign, set by the sender that began the campaign, with the campaign
  -- (or by the first sender through another relay): each slot is one message in flight or answered
  -- within the last second, so taking a slot is the whole campaign's rate check.
  CREATE TABLE campaign_relays (
    issue text NOT NULL REFERENCES campaigns (issue) ON DELETE CASCADE,
    relay text NOT NULL,
    rate double precision,
    PRIMARY KEY (issue, relay)
  );
  CREATE TABLE rate_slots (
    issue text NOT NULL,
    relay text NOT NULL,
    slot integer NOT NULL,
    holder uuid,
    free_at timestamptz NOT NULL,
    PRIMARY KEY (issue, relay, slot),
    FOREIGN KEY (issue, relay) REFERENCES campaign_relays (issue, relay) ON DELETE CASCADE
  );
  -- Taking a slot reads the one free longest: the first entry of this index.
  CREATE INDEX rate_slots_by_free_at ON rate_slots (issue, relay, free_at);

  -- Every bounce and complaint read, on any machine: the soft-bounce rule counts these. A report
  -- read twice (a mailbox read again) is recorded once, by its id.
  CREATE TABLE bounce_events (
    id bigserial PRIMARY KEY,
    report_id text NOT NULL,
    email_key text COLLATE "C" NOT NULL,
    email text NOT NULL,
    issue text,
    kind text NOT NULL CHECK (kind IN ('hard', 'soft', 'complaint')),
    status text,
    diagnostic text,
    received_at timestamptz NOT NULL,
    UNIQUE (report_id, email_key)
  );
  CREATE INDEX bounce_events_by_address ON bounce_events (email_key, kind, received_at);
  `,
];

/**
 * Brings the database's schema up to date, in one transaction under an advisory lock: two
 * processes starting at once on an empty database take turns, and the second finds the steps done.
 * The steps applied are rows of `gazette_migrations`, so a database shared with other programs
 * can be told apart from one Gazette made.
 */
export async function migratePostgres(pool: PostgresPool, shownUrl: string, steps: readonly string[] = POSTGRES_MIGRATIONS): Promise<void> {
  // An up-to-date database (nearly every open) is only read: a user with no right to create
  // tables (one that only lists subscribers) can open it, and no lock is taken.
  const version = await appliedVersion(pool);
  if (version > steps.length) throw newerSchema(shownUrl, version, steps.length);
  if (version === steps.length) return;
  await inTransaction(pool, async (client) => {
    await lockForTransaction(client, ADVISORY_LOCK.migrations);
    await client.query('CREATE TABLE IF NOT EXISTS gazette_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    // Read again under the lock: another process may have run the steps while this one waited.
    const lockedVersion = await appliedVersion(client);
    if (lockedVersion > steps.length) throw newerSchema(shownUrl, lockedVersion, steps.length);
    for (const [index, step] of steps.entries()) {
      if (index < lockedVersion) continue;
      await client.query(step);
      await client.query('INSERT INTO gazette_migrations (version) VALUES ($1)', [index + 1]);
    }
  });
}

/** The last step applied, 0 for a database Gazette has not set up yet. */
async function appliedVersion(db: Pick<PostgresPool, 'query'>): Promise<number> {
  const { rows: tables } = await db.query<{ exists: boolean }>("SELECT to_regclass('gazette_migrations') IS NOT NULL AS exists");
  if (!tables[0]!.exists) return 0;
  const { rows } = await db.query<{ version: number }>('SELECT COALESCE(MAX(version), 0) AS version FROM gazette_migrations');
  return rows[0]!.version;
}

function newerSchema(shownUrl: string, version: number, known: number): GazetteError {
  return new GazetteError([
    diagnostic('store/newer', `the PostgreSQL store (${shownUrl}) is at schema version ${version}, newer than this Gazette knows (${known}); upgrade Gazette`, { field: 'store' }),
  ]);
}

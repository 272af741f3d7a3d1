/**
 * The state database's schema, one step per version. A step is never edited once released;
 * changes go in a new step, so every existing `.gazette/state.db` can be brought up to date.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE subscribers (
    email_key TEXT PRIMARY KEY,
    email TEXT NOT NULL,
    name TEXT,
    fields TEXT NOT NULL DEFAULT '{}',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) WITHOUT ROWID;

  CREATE TABLE suppressions (
    email_key TEXT PRIMARY KEY,
    email TEXT NOT NULL,
    reason TEXT NOT NULL CHECK (reason IN ('unsubscribed', 'bounced')),
    detail TEXT,
    created_at TEXT NOT NULL
  ) WITHOUT ROWID;

  CREATE TABLE campaigns (
    issue TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT
  ) WITHOUT ROWID;

  -- Rows are keyed by their place in the list, and the state is in no index: marking a
  -- message sending or sent, twice per recipient, rewrites one table page and nothing else.
  CREATE TABLE deliveries (
    issue TEXT NOT NULL REFERENCES campaigns (issue),
    position INTEGER NOT NULL,
    email_key TEXT NOT NULL,
    email TEXT NOT NULL,
    name TEXT,
    fields TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'sent', 'failed')),
    message_id TEXT,
    reply TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (issue, position)
  ) WITHOUT ROWID;

  CREATE UNIQUE INDEX deliveries_by_address ON deliveries (issue, email_key);
  `,
  `
  -- One sender per issue: the holder's identity and its heartbeat, so a second send can tell a
  -- live holder (refuse) from a dead one (take over).
  CREATE TABLE send_leases (
    issue TEXT PRIMARY KEY,
    holder TEXT NOT NULL,
    host TEXT NOT NULL,
    pid INTEGER NOT NULL,
    started_at TEXT NOT NULL,
    heartbeat_at TEXT NOT NULL
  ) WITHOUT ROWID;
  `,
  `
  -- Double opt-in: a subscriber from the form is pending until they confirm. Everyone already in
  -- the store came from an import, so they are confirmed.
  ALTER TABLE subscribers ADD COLUMN status TEXT NOT NULL DEFAULT 'confirmed' CHECK (status IN ('pending', 'confirmed'));
  ALTER TABLE subscribers ADD COLUMN confirmed_at TEXT;
  -- How the address came: 'import' (a CSV or the CLI) or 'form' (gazette serve).
  ALTER TABLE subscribers ADD COLUMN source TEXT NOT NULL DEFAULT 'import';

  -- Complaints are a reason of their own; re-creating the table is how SQLite changes a CHECK.
  CREATE TABLE suppressions_v3 (
    email_key TEXT PRIMARY KEY,
    email TEXT NOT NULL,
    reason TEXT NOT NULL CHECK (reason IN ('unsubscribed', 'bounced', 'complained')),
    detail TEXT,
    created_at TEXT NOT NULL
  ) WITHOUT ROWID;
  INSERT INTO suppressions_v3 SELECT email_key, email, reason, detail, created_at FROM suppressions;
  DROP TABLE suppressions;
  ALTER TABLE suppressions_v3 RENAME TO suppressions;

  -- Every bounce and complaint read, as it was read: the soft-bounce rule counts these, and an
  -- operator can see why an address was suppressed. A report read twice (a mailbox read again)
  -- is recorded once, by its id.
  CREATE TABLE bounce_events (
    id INTEGER PRIMARY KEY,
    report_id TEXT NOT NULL,
    email_key TEXT NOT NULL,
    email TEXT NOT NULL,
    issue TEXT,
    kind TEXT NOT NULL CHECK (kind IN ('hard', 'soft', 'complaint')),
    status TEXT,
    diagnostic TEXT,
    received_at TEXT NOT NULL,
    UNIQUE (report_id, email_key)
  );
  CREATE INDEX bounce_events_by_address ON bounce_events (email_key, kind, received_at);

  -- The opaque id in each message's VERP return path (bounces+<id>@domain): a bounce names the
  -- delivery it is about even when it quotes none of the original message.
  ALTER TABLE deliveries ADD COLUMN bounce_id TEXT;
  CREATE UNIQUE INDEX deliveries_by_bounce_id ON deliveries (bounce_id) WHERE bounce_id IS NOT NULL;

  -- Confirmation emails sent, by hashed client address and by subscriber address: the limits
  -- against subscription bombing are counted here, so several serve processes share them.
  CREATE TABLE subscribe_attempts (
    kind TEXT NOT NULL CHECK (kind IN ('ip', 'address')),
    key TEXT NOT NULL,
    at TEXT NOT NULL
  );
  CREATE INDEX subscribe_attempts_by_key ON subscribe_attempts (kind, key, at);
  `,
];

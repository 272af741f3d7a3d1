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
];

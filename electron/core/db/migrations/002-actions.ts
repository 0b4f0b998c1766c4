/**
 * 002: the outbox of client actions, their batches, the audit log and the invitations cache.
 *
 * outbox.seq is the send order. idempotency_key is the row's own key (used when the row is sent
 * on its own); chunk_key is the Idempotency-Key of the bulk request the row was last sent in. It is
 * written, with state 'sending', before the request leaves, so a process killed mid-request
 * re-sends exactly that chunk with exactly that key and the platform replays instead of repeating.
 */
export const up = `
CREATE TABLE batches (
  id          TEXT PRIMARY KEY,
  action      TEXT NOT NULL CHECK (action IN ('block','unblock','delete')),
  created_at  INTEGER NOT NULL,
  total       INTEGER NOT NULL,
  skipped     INTEGER NOT NULL DEFAULT 0,
  parent_id   TEXT,
  user        TEXT NOT NULL,
  audit_id    INTEGER
) STRICT;
CREATE INDEX batches_created ON batches (created_at);

CREATE TABLE outbox (
  seq             INTEGER PRIMARY KEY AUTOINCREMENT,
  batch_id        TEXT NOT NULL REFERENCES batches (id),
  client_id       TEXT NOT NULL,
  action          TEXT NOT NULL CHECK (action IN ('block','unblock','delete')),
  idempotency_key TEXT NOT NULL UNIQUE,
  state           TEXT NOT NULL CHECK (state IN ('pending','sending','ok','failed','cancelled')),
  chunk_key       TEXT,
  attempts        INTEGER NOT NULL DEFAULT 0,
  error           TEXT,
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL
) STRICT;
CREATE INDEX outbox_open ON outbox (state, seq) WHERE state IN ('pending','sending');
CREATE INDEX outbox_batch ON outbox (batch_id, state, seq);
CREATE INDEX outbox_chunk ON outbox (chunk_key) WHERE chunk_key IS NOT NULL;
CREATE INDEX outbox_client_open ON outbox (client_id) WHERE state IN ('pending','sending');

-- Every action taken from this app. Rows are only ever added or their result filled in; never deleted.
CREATE TABLE audit_log (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  at           INTEGER NOT NULL,
  user         TEXT NOT NULL,
  action       TEXT NOT NULL,
  batch_id     TEXT,
  client_ids   TEXT NOT NULL,   -- JSON array, all of them
  client_count INTEGER NOT NULL,
  result       TEXT,            -- JSON BatchCounts, filled in as the batch runs
  detail       TEXT,
  search_text  TEXT NOT NULL
) STRICT;
CREATE INDEX audit_at ON audit_log (at);

CREATE TABLE invitations (
  id           TEXT PRIMARY KEY,
  client_id    TEXT NOT NULL,
  email        TEXT NOT NULL,
  status       TEXT NOT NULL,
  sent_at      TEXT NOT NULL,
  expires_at   TEXT NOT NULL,
  resent_count INTEGER NOT NULL,
  fetched_at   INTEGER NOT NULL
) STRICT;
`;

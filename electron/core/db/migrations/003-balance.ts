/**
 * 003: balance rollups.
 *
 * ledger_daily and ledger_monthly sum the ledger (transactions, migration 001) per region-local
 * day / month and per (client, kind, service, project). They are rebuilt per client, lazily: a
 * trigger only marks the client in ledger_dirty on every write to transactions (measured: about
 * +15 % on a 1M-row sync insert, against +100 % for triggers that upsert the rollups per row), and
 * the balance core rebuilds a dirty client's rollups before it reads them
 * (electron/core/balance/rollup.ts; `refreshRollups(db)` does all dirty clients at once, about 2.5 s
 * for 1M rows).
 *
 * Region-local day and month use one fixed UTC offset (ledger_rollup_meta.offset_min, minutes:
 * Moscow +180, Astana +360). When the platform's zone has another offset the core rewrites it and
 * marks every client dirty. A zone whose offset changes inside a queried period (DST) is answered
 * from the raw rows instead.
 *
 * '' stands for a null service or project, so the keys can be primary keys.
 * ledger_fetched keeps the periods fetched on demand outside the sync's window; deleting a row inside
 * one (the sync's window pruning) forgets that period, so the screens offer to fetch it again.
 */
/**
 * The trigger that marks a client dirty on a new ledger row (the sync drops it while it fills an
 * empty ledger and marks every client once at the end: sync/store.ts).
 */
export const LEDGER_DIRTY_INS = `CREATE TRIGGER IF NOT EXISTS ledger_dirty_ins AFTER INSERT ON transactions BEGIN
  INSERT OR IGNORE INTO ledger_dirty (client_id) VALUES (NEW.client_id);
END`;

export const up = `
CREATE TABLE ledger_rollup_meta (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  offset_min INTEGER NOT NULL
) STRICT;
INSERT INTO ledger_rollup_meta (id, offset_min) VALUES (1, 180);

CREATE TABLE ledger_dirty (client_id TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;

CREATE TABLE ledger_daily (
  client_id    TEXT NOT NULL,
  day          INTEGER NOT NULL,      -- region-local days since 1970-01-01
  kind         TEXT NOT NULL,
  service      TEXT NOT NULL,
  project_pid  TEXT NOT NULL,
  amount_minor INTEGER NOT NULL,
  n            INTEGER NOT NULL,
  PRIMARY KEY (client_id, day, kind, service, project_pid)
) STRICT, WITHOUT ROWID;

CREATE TABLE ledger_monthly (
  client_id    TEXT NOT NULL,
  month        INTEGER NOT NULL,      -- region-local YYYYMM
  kind         TEXT NOT NULL,
  service      TEXT NOT NULL,
  project_pid  TEXT NOT NULL,
  amount_minor INTEGER NOT NULL,
  n            INTEGER NOT NULL,
  PRIMARY KEY (client_id, month, kind, service, project_pid)
) STRICT, WITHOUT ROWID;

${LEDGER_DIRTY_INS};
CREATE TRIGGER ledger_dirty_del AFTER DELETE ON transactions BEGIN
  INSERT OR IGNORE INTO ledger_dirty (client_id) VALUES (OLD.client_id);
  -- A period fetched on demand that loses a row (the sync prunes before its window) is no longer whole.
  DELETE FROM ledger_fetched WHERE client_id = OLD.client_id AND from_ms <= OLD.at_ms AND to_ms > OLD.at_ms;
END;
CREATE TRIGGER ledger_dirty_upd AFTER UPDATE OF client_id, at_ms, kind, amount_minor, service, project_pid ON transactions BEGIN
  INSERT OR IGNORE INTO ledger_dirty (client_id) VALUES (OLD.client_id);
  INSERT OR IGNORE INTO ledger_dirty (client_id) VALUES (NEW.client_id);
END;

CREATE TABLE ledger_fetched (
  client_id  TEXT NOT NULL,
  from_ms    INTEGER NOT NULL,
  to_ms      INTEGER NOT NULL,      -- exclusive
  fetched_at INTEGER NOT NULL
) STRICT;
CREATE INDEX ledger_fetched_client ON ledger_fetched (client_id, from_ms);
`;

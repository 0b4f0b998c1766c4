/**
 * 005: the Home overview's precomputed figures (electron/core/home/precompute.ts), rebuilt after
 * each sync so Home reads a few hundred rows instead of the ledger.
 *
 * home_client: per client, debits (consumption) of the current and the previous region-local month
 * and of the last 30 days (the freeze forecast's basis), as of home_state.now_ms.
 * home_daily: debits of all clients per region-local day (days since 1970-01-01), 13 months and more.
 * home_state: one row: when (now_ms) and for which zone and month the figures were built, and the
 * fingerprint of the cache they were built from; the overview itself, read as it is until the next sync
 * or the next region-local day.
 */
export const up = `
CREATE TABLE home_client (
  client_id    TEXT PRIMARY KEY,
  cur_minor    INTEGER NOT NULL,
  prev_minor   INTEGER NOT NULL,
  spent30_minor INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX home_client_cur ON home_client (cur_minor DESC);
CREATE INDEX home_client_delta ON home_client (cur_minor - prev_minor);

CREATE TABLE home_daily (
  day          INTEGER PRIMARY KEY,
  debit_minor  INTEGER NOT NULL
) STRICT;

CREATE TABLE home_state (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  now_ms      INTEGER NOT NULL,
  zone        TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  build_ms    INTEGER NOT NULL,
  -- the overview as Home reads it (JSON), and the sync it was built after
  overview    TEXT,
  synced_at   TEXT
) STRICT;
`;

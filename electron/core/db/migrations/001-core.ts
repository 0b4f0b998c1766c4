/** 001: the cache of the platform: settings, clients, projects, ledger, sync cursors. */
export const up = `
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE clients (
  id             TEXT PRIMARY KEY,
  email          TEXT NOT NULL,
  name           TEXT,
  phone          TEXT,
  external_id    TEXT,
  status         TEXT NOT NULL CHECK (status IN ('invited','active','blocked')),
  payment_model  TEXT NOT NULL CHECK (payment_model IN ('prepaid','postpaid')),
  invited_at     TEXT NOT NULL,
  registered_at  TEXT,
  updated_at     TEXT NOT NULL,
  payment_minor  INTEGER NOT NULL,
  bonus_minor    INTEGER NOT NULL,
  currency       TEXT NOT NULL,
  balance_as_of  TEXT NOT NULL,
  projects_count INTEGER NOT NULL,
  -- lower-cased name, email, phone digits, external id and id, for search
  search_text    TEXT NOT NULL
) STRICT;
CREATE INDEX clients_name ON clients (name COLLATE NOCASE, id);
CREATE INDEX clients_status ON clients (status, id);
-- one index per sortable column of the list, with the id tie-break (read backwards for DESC)
CREATE INDEX clients_email ON clients (email, id);
CREATE INDEX clients_phone ON clients (phone, id);
CREATE INDEX clients_external_id ON clients (external_id, id);
CREATE INDEX clients_payment_model ON clients (payment_model, id);
CREATE INDEX clients_payment ON clients (payment_minor, id);
CREATE INDEX clients_bonus ON clients (bonus_minor, id);
CREATE INDEX clients_projects_count ON clients (projects_count, id);
CREATE INDEX clients_invited_at ON clients (invited_at, id);
CREATE INDEX clients_registered_at ON clients (registered_at, id);

-- Substring search over search_text: a trigram index (queries of 3+ characters), kept in step
-- with clients by triggers; rowid = clients.rowid (the cache never VACUUMs clients' rowids away).
CREATE VIRTUAL TABLE clients_fts USING fts5(search_text, tokenize = 'trigram');
CREATE TRIGGER clients_fts_ai AFTER INSERT ON clients BEGIN
  INSERT INTO clients_fts (rowid, search_text) VALUES (new.rowid, new.search_text);
END;
CREATE TRIGGER clients_fts_ad AFTER DELETE ON clients BEGIN
  DELETE FROM clients_fts WHERE rowid = old.rowid;
END;
CREATE TRIGGER clients_fts_au AFTER UPDATE OF search_text ON clients WHEN old.search_text IS NOT new.search_text BEGIN
  DELETE FROM clients_fts WHERE rowid = old.rowid;
  INSERT INTO clients_fts (rowid, search_text) VALUES (new.rowid, new.search_text);
END;

CREATE TABLE projects (
  pid        TEXT PRIMARY KEY,
  client_id  TEXT NOT NULL,
  name       TEXT NOT NULL,
  status     TEXT NOT NULL CHECK (status IN ('active','frozen')),
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX projects_client ON projects (client_id);

CREATE TABLE transactions (
  id           TEXT PRIMARY KEY,
  client_id    TEXT NOT NULL,
  project_pid  TEXT,
  at_ms        INTEGER NOT NULL,           -- UTC, ms since the epoch
  kind         TEXT NOT NULL CHECK (kind IN ('debit','credit')),
  amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
  currency     TEXT NOT NULL,
  service      TEXT,
  description  TEXT NOT NULL
) STRICT;
CREATE INDEX transactions_client_at ON transactions (client_id, at_ms);

-- Clients whose projects must be fetched again (written with the clients page that changed them,
-- so a kill between the page and the projects fetch loses nothing).
CREATE TABLE sync_projects_todo (
  client_id TEXT PRIMARY KEY
) STRICT, WITHOUT ROWID;

-- Ids of clients the platform deleted: ledger rows for them that arrive later are not kept.
CREATE TABLE sync_tombstones (
  client_id TEXT PRIMARY KEY
) STRICT, WITHOUT ROWID;

-- One row per feed ('clients', 'transactions'): the cursor after the last whole page.
CREATE TABLE sync_state (
  feed       TEXT PRIMARY KEY,
  cursor     TEXT,
  synced_at  TEXT
) STRICT;
`;

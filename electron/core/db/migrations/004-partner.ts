/** 004: the partner program: cached deals and their monthly feedback, alert rules and alert state. */
export const up = `
-- The platform's deals (GET /deals), cached for offline reading.
CREATE TABLE deals (
  id             TEXT PRIMARY KEY,
  customer_name  TEXT NOT NULL,
  inn            TEXT NOT NULL,
  decision_maker TEXT NOT NULL,
  pids_json      TEXT NOT NULL,            -- JSON array of PIDs
  amount_minor   INTEGER NOT NULL,
  currency       TEXT NOT NULL,
  year           INTEGER NOT NULL,
  quarter        INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
  description    TEXT NOT NULL,
  status         TEXT NOT NULL CHECK (status IN ('registered','in_review','approved','rejected','won','lost')),
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
) STRICT;
CREATE INDEX deals_created ON deals (created_at DESC, id);

-- The partner's monthly feedback per deal (kept locally; one row per deal and region month).
CREATE TABLE deal_feedback (
  deal_id TEXT NOT NULL,
  month   TEXT NOT NULL,                   -- YYYY-MM in region time
  note    TEXT NOT NULL,
  at      TEXT NOT NULL,                   -- ISO UTC
  PRIMARY KEY (deal_id, month)
) STRICT, WITHOUT ROWID;

-- Alert rules: scope '*' for all clients, else a client id (a client's rule overrides the default).
CREATE TABLE alert_rules (
  scope           TEXT PRIMARY KEY,
  threshold_minor INTEGER,
  negative        INTEGER NOT NULL CHECK (negative IN (0, 1)),
  freeze_days     INTEGER CHECK (freeze_days IS NULL OR freeze_days BETWEEN 1 AND 365)
) STRICT;

-- Current alerts: one row per (client, kind) while the condition holds; removed when it clears.
CREATE TABLE alerts (
  client_id       TEXT NOT NULL,
  kind            TEXT NOT NULL CHECK (kind IN ('below_threshold','negative','freeze_soon')),
  balance_minor   INTEGER NOT NULL,
  currency        TEXT NOT NULL,
  threshold_minor INTEGER,
  days            INTEGER,
  limit_days      INTEGER,
  since           TEXT NOT NULL,           -- ISO UTC, when first seen
  notified        INTEGER NOT NULL DEFAULT 0,
  seen            INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (client_id, kind)
) STRICT, WITHOUT ROWID;
`;

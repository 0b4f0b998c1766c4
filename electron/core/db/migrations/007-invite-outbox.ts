/**
 * 007: invitations written while offline. An invite the platform could not be reached for waits
 * here (with the Idempotency-Key it was first tried with) until the outbox runner sends it on
 * reconnect; a sent one leaves the table (the client and its invitation come from the platform),
 * a refused one stays as 'failed' with the platform's code until the manager discards it.
 */
export const up = `
CREATE TABLE invite_outbox (
  seq             INTEGER PRIMARY KEY AUTOINCREMENT,
  email           TEXT NOT NULL,
  name            TEXT,
  phone           TEXT,
  external_id     TEXT,
  idempotency_key TEXT NOT NULL UNIQUE,
  state           TEXT NOT NULL CHECK (state IN ('pending','sending','failed')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  error           TEXT,
  audit_id        INTEGER,
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL
) STRICT;
`;

/**
 * The demo platform's own SQLite file (better-sqlite3, WAL). Internal numbers (`n`) key the rows;
 * wire ids are derived from them (clientId / txId) so the ledger stores integers only.
 *
 * Change sequence: every client row carries `seq`, a number from one counter that grows with each
 * write (assigned inside the writing transaction); the clients feed pages by it. Ledger rows are
 * append-only and their INTEGER PRIMARY KEY `seq` is their change sequence.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';

export type Db = Database.Database;

export const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS clients (
  n INTEGER PRIMARY KEY,
  email TEXT NOT NULL,
  email_lc TEXT NOT NULL,
  name TEXT,
  phone TEXT,
  external_id TEXT,
  status TEXT NOT NULL,
  payment_model TEXT NOT NULL,
  invited_at INTEGER NOT NULL,
  registered_at INTEGER,
  updated_at INTEGER NOT NULL,
  opening_payment INTEGER NOT NULL,
  payment INTEGER NOT NULL,
  bonus INTEGER NOT NULL,
  projects_count INTEGER NOT NULL,
  deleted_at INTEGER,
  seq INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS projects (
  pid TEXT PRIMARY KEY,
  client_n INTEGER NOT NULL,
  name TEXT NOT NULL,
  status TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS transactions (
  seq INTEGER PRIMARY KEY,
  client_n INTEGER NOT NULL,
  pid TEXT,
  at_ms INTEGER NOT NULL,
  kind INTEGER NOT NULL,      -- 0 debit, 1 credit
  amount INTEGER NOT NULL,    -- minor units, > 0
  service TEXT,               -- debits
  sub TEXT                    -- credits: topup | bonus
);
CREATE TABLE IF NOT EXISTS invitations (
  n INTEGER PRIMARY KEY,
  client_n INTEGER NOT NULL,
  token TEXT NOT NULL UNIQUE,
  sent_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  resent_count INTEGER NOT NULL DEFAULT 0,
  state TEXT NOT NULL          -- pending | revoked | accepted
);
CREATE TABLE IF NOT EXISTS idempotency (
  key TEXT PRIMARY KEY,
  fingerprint TEXT NOT NULL,
  status INTEGER NOT NULL,
  body TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS applications (
  n INTEGER PRIMARY KEY,
  name TEXT NOT NULL, email TEXT NOT NULL, phone TEXT NOT NULL, company TEXT NOT NULL,
  message TEXT NOT NULL, received_at INTEGER NOT NULL
);
`;

/** Created after the bulk insert of the seed (faster than maintaining them row by row). */
export const INDEXES = `
CREATE UNIQUE INDEX IF NOT EXISTS clients_seq ON clients(seq);
CREATE INDEX IF NOT EXISTS clients_email ON clients(email_lc) WHERE deleted_at IS NULL;
CREATE INDEX IF NOT EXISTS projects_client ON projects(client_n);
CREATE INDEX IF NOT EXISTS tx_client_at ON transactions(client_n, at_ms);
CREATE INDEX IF NOT EXISTS tx_at ON transactions(at_ms);
CREATE INDEX IF NOT EXISTS inv_client ON invitations(client_n);
`;

export function openDb(file: string): Db {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  return db;
}

export function getMeta(db: Db, k: string): string | null {
  const r = db.prepare('SELECT v FROM meta WHERE k = ?').get(k) as { v: string } | undefined;
  return r ? r.v : null;
}
export function setMeta(db: Db, k: string, v: string): void {
  db.prepare('INSERT INTO meta (k, v) VALUES (?, ?) ON CONFLICT(k) DO UPDATE SET v = excluded.v').run(k, v);
}

export const clientId = (n: number) => 'cl' + String(n).padStart(6, '0');
export function clientN(id: string): number | null {
  const m = /^cl(\d{6,15})$/.exec(id);
  if (!m) return null;
  const n = Number(m[1]);
  return clientId(n) === id ? n : null;
}
export const txId = (seq: number) => 'tx' + seq;
export const invitationId = (n: number) => 'inv' + String(n).padStart(6, '0');
export function invitationN(id: string): number | null {
  const m = /^inv(\d{6,15})$/.exec(id);
  if (!m) return null;
  const n = Number(m[1]);
  return invitationId(n) === id ? n : null;
}

/** SHA-256 of every data table in key order: the generator's determinism check. */
export function dataHash(db: Db): string {
  const h = createHash('sha256');
  const tables: [string, string][] = [
    ['clients', 'n'],
    ['projects', 'pid'],
    ['transactions', 'seq'],
    ['invitations', 'n'],
  ];
  for (const [t, k] of tables) {
    h.update(`#${t}\n`);
    for (const row of db.prepare(`SELECT * FROM ${t} ORDER BY ${k}`).raw().iterate()) {
      h.update(JSON.stringify(row));
      h.update('\n');
    }
  }
  return h.digest('hex');
}

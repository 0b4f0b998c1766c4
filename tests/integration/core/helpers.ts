/** Helpers of the core's integration tests: hashes of the cache and of the platform's data. */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { PartnerApi } from '../../../electron/core/partner-api/client';
import type { Client, Transaction } from '../../../shared/contract/platform';

export interface Snapshot {
  clients: number;
  projects: number;
  transactions: number;
  clientsHash: string;
  ledgerHash: string;
  projectsHash: string;
}

const hashRows = (rows: unknown[][]) => {
  const h = createHash('sha256');
  for (const r of rows) h.update(JSON.stringify(r) + '\n');
  return h.digest('hex');
};

const clientKey = (c: {
  id: string; email: string; name: string | null; phone: string | null; external_id: string | null; status: string;
  payment_model: string; payment: number; bonus: number; projects_count: number; registered_at: string | null;
}) => [c.id, c.email, c.name, c.phone, c.external_id, c.status, c.payment_model, c.payment, c.bonus, c.projects_count, c.registered_at];

export function cacheSnapshot(file: string): Snapshot & { integrity: string } {
  const db = new Database(file, { readonly: true });
  try {
    const clients = db
      .prepare(`SELECT id, email, name, phone, external_id, status, payment_model, payment_minor AS payment, bonus_minor AS bonus,
        projects_count, registered_at FROM clients ORDER BY id`)
      .all() as Parameters<typeof clientKey>[0][];
    const tx = db.prepare('SELECT id, client_id, project_pid, at_ms, kind, amount_minor, service FROM transactions ORDER BY id').raw().all() as unknown[][];
    const pr = db.prepare('SELECT pid, client_id, status FROM projects ORDER BY pid').raw().all() as unknown[][];
    return {
      clients: clients.length,
      projects: pr.length,
      transactions: tx.length,
      clientsHash: hashRows(clients.map(clientKey)),
      ledgerHash: hashRows(tx),
      projectsHash: hashRows(pr),
      integrity: db.pragma('integrity_check', { simple: true }) as string,
    };
  } finally {
    db.close();
  }
}

/** The platform's own view over its API: every client, their projects, the ledger since windowStart. */
export async function platformSnapshot(api: PartnerApi, windowStartMs: number): Promise<Snapshot> {
  const clients: Client[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.listClients({ limit: 1000, ...(cursor ? { cursor } : {}) });
    clients.push(...page.items);
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
  clients.sort((a, b) => (a.id < b.id ? -1 : 1));
  const projects: unknown[][] = [];
  for (const c of clients) for (const p of await api.projects(c.id)) projects.push([p.pid, c.id, p.status]);
  projects.sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1));
  const tx: Transaction[] = [];
  let tc: string | undefined;
  const since = new Date(windowStartMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
  for (;;) {
    const page = await api.transactionChanges(tc, 1000, since);
    tx.push(...page.items);
    if (!page.next_cursor || page.next_cursor === tc || page.items.length === 0) break;
    tc = page.next_cursor;
  }
  const live = new Set(clients.map((c) => c.id));
  const ledger = tx
    .filter((t) => Date.parse(t.at) >= windowStartMs && live.has(t.client_id))
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((t) => [t.id, t.client_id, t.project_pid, Date.parse(t.at), t.kind, t.amount_minor, t.service]);
  return {
    clients: clients.length,
    projects: projects.length,
    transactions: ledger.length,
    clientsHash: hashRows(
      clients.map((c) =>
        clientKey({ ...c, payment: c.balance.payment.amount_minor, bonus: c.balance.bonus.amount_minor }),
      ),
    ),
    ledgerHash: hashRows(ledger),
    projectsHash: hashRows(projects),
  };
}

export const strip = ({ integrity: _i, ...s }: Snapshot & { integrity?: string }) => s;

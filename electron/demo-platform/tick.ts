/**
 * POST /__demo/tick: simulated days pass. Per day, each active project of a registered client
 * is charged with some probability (blocked clients' resources keep running, so they are charged
 * too); prepaid clients top up now and then; a prepaid client whose balance goes negative has
 * projects frozen, and a top-up that clears the debt unfreezes them. Then a share of the pending,
 * unexpired invitations is accepted. Every touched client gets a new change sequence number.
 */
import { SERVICE_CODES } from '../../shared/contract/platform';
import { getMeta, setMeta } from './db';
import { rng } from './prng';
import { DAY } from './seed';
import type { ClientRow, InvitationRow, Store } from './store';

export interface TickResult {
  now: string;
  days: number;
  transactions: number;
  clients_changed: number;
  invitations_accepted: number;
  projects_frozen: number;
}

export function tick(store: Store, seed: number, days: number, acceptRate: number): TickResult {
  const ticks = Number(getMeta(store.db, 'ticks') ?? 0);
  const r = rng((seed * 7919 + ticks * 104729 + 1) >>> 0);
  let txs = 0;
  let frozenCount = 0;
  let accepted = 0;
  const touched = new Set<number>();
  store.db.transaction(() => {
    setMeta(store.db, 'ticks', String(ticks + 1));
    // Invitations valid now are accepted at accept_rate (before the days pass and they expire).
    const pending = store.db
      .prepare("SELECT * FROM invitations WHERE state = 'pending' AND expires_at > ? ORDER BY n")
      .all(store.now()) as InvitationRow[];
    for (const inv of pending) {
      if (!r.chance(acceptRate)) continue;
      if (store.acceptInvitation(inv)) accepted++;
    }
    const projects = store.db
      .prepare(
        `SELECT p.pid, p.client_n, p.status FROM projects p JOIN clients c ON c.n = p.client_n
         WHERE c.deleted_at IS NULL AND c.status != 'invited' ORDER BY p.client_n, p.pid`,
      )
      .all() as { pid: string; client_n: number; status: string }[];
    const byClient = new Map<number, { pid: string; status: string }[]>();
    for (const p of projects) {
      let l = byClient.get(p.client_n);
      if (!l) byClient.set(p.client_n, (l = []));
      l.push(p);
    }
    const setProject = store.db.prepare('UPDATE projects SET status = ? WHERE pid = ?');
    for (let d = 0; d < days; d++) {
      const dayStart = store.now();
      for (const [n, list] of byClient) {
        const c = store.client(n) as ClientRow;
        for (const p of list) {
          if (p.status !== 'active' || !r.chance(0.25)) continue;
          const at = dayStart + r.int(0, 86_399) * 1000;
          store.addTx(c, p.pid, at, 0, r.int(10_000, 2_000_000), r.pick(SERVICE_CODES), null);
          txs++;
          touched.add(n);
        }
        if (c.payment_model === 'prepaid') {
          if (c.payment < 0 && r.chance(0.15)) {
            store.addTx(c, null, dayStart + r.int(0, 86_399) * 1000, 1, -c.payment + r.int(100_000, 5_000_000), null, 'topup');
            txs++;
            touched.add(n);
            for (const p of list)
              if (p.status === 'frozen') {
                p.status = 'active';
                setProject.run('active', p.pid);
              }
          } else if (c.payment < 0) {
            for (const p of list)
              if (p.status === 'active' && r.chance(0.5)) {
                p.status = 'frozen';
                setProject.run('frozen', p.pid);
                frozenCount++;
                touched.add(n);
              }
          }
        }
      }
      store.advance(DAY);
    }
    for (const n of touched) store.touch(n);
  })();
  return {
    now: new Date(store.now()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    days,
    transactions: txs,
    clients_changed: touched.size + accepted,
    invitations_accepted: accepted,
    projects_frozen: frozenCount,
  };
}

/**
 * The changes feeds stay exact while data changes between pages: a reader that applies every page
 * (latest state wins, tombstones remove) ends with the platform's state; no change is delivered
 * twice unless the row was written again after it was read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as P from '../../../shared/contract/platform';
import { boot, type Api } from './helpers';
import { demoControls } from '../../support/demo-controls';
import { rng } from '../../../electron/demo-platform/prng';

let api: Api;
beforeAll(async () => {
  api = await boot({ clients: 400, seed: 11, allowDemoControls: true });
});
afterAll(() => api.p.stop());

const idOf = (n: number) => 'cl' + String(n).padStart(6, '0');

describe('changes feeds under concurrent writes', () => {
  it('clients: writes between pages (behind and ahead of the cursor) are neither skipped nor doubled', async () => {
    const r = rng(42);
    const state = new Map<string, P.Client>();
    const deliveries = new Map<string, number>();
    const writes = new Map<string, number>(); // writes to a client after its first delivery
    let cursor: string | null = null;
    let pages = 0;
    for (;;) {
      const a = await api.get(`/clients/changes?limit=25${cursor ? `&cursor=${cursor}` : ''}`);
      expect(a.status).toBe(200);
      const page = P.ClientChangesPage.parse(a.json);
      for (const item of page.items) {
        deliveries.set(item.id, (deliveries.get(item.id) ?? 0) + 1);
        if ('deleted' in item) state.delete(item.id);
        else state.set(item.id, item);
      }
      if (page.items.length === 0) break;
      cursor = page.next_cursor;
      pages++;
      if (pages > 200) throw new Error('the feed never ends');
      // Concurrent writes: a few clients anywhere in the sequence, plus invites.
      for (let k = 0; k < 4; k++) {
        const id = idOf(r.int(1, 400));
        const action = r.pick(['block', 'unblock', 'block', 'delete'] as const);
        const res = action === 'delete' ? await api.del(`/clients/${id}`) : await api.post(`/clients/${id}/${action}`);
        if (res.status === 200 && deliveries.has(id)) writes.set(id, (writes.get(id) ?? 0) + 1);
      }
      if (pages % 3 === 0) await api.post('/clients', { email: `feed${pages}@example.com` });
    }
    const truth = (await api.all('/clients')).map((c) => P.Client.parse(c));
    expect(state.size).toBe(truth.length);
    for (const c of truth) expect(state.get(c.id)).toEqual(c);
    for (const [id, n] of deliveries) expect(n, id).toBeLessThanOrEqual(1 + (writes.get(id) ?? 0));
  });

  it('transactions: pages read while days pass are exact (every row once)', async () => {
    const seen = new Set<string>();
    let cursor: string | null = null;
    let ticks = 0;
    for (;;) {
      const a = await api.get(`/transactions/changes?limit=1000${cursor ? `&cursor=${cursor}` : ''}`);
      const page = P.TransactionsPage.parse(a.json);
      for (const t of page.items) {
        expect(seen.has(t.id), t.id).toBe(false);
        seen.add(t.id);
      }
      if (page.items.length === 0) break;
      cursor = page.next_cursor;
      if (ticks < 5) {
        ticks++;
        await demoControls(api.p).tick({ days: 2, accept_rate: 0.2 });
      }
    }
    const truth = await api.all('/transactions/changes');
    expect(seen.size).toBe(truth.length);
    // A reader holding the last cursor picks up new rows later.
    await demoControls(api.p).tick({ days: 1 });
    const more = P.TransactionsPage.parse((await api.get(`/transactions/changes?cursor=${cursor}`)).json);
    expect(more.items.length).toBeGreaterThan(0);
    expect(more.items.every((t) => !seen.has(t.id))).toBe(true);
  });

  it('an empty page keeps the position; an incremental read after a write returns just that client', async () => {
    const end = await api.all('/clients/changes');
    expect(end.length).toBeGreaterThan(0);
    let cursor: string | null = null;
    for (;;) {
      const a = await api.get(`/clients/changes?limit=1000${cursor ? `&cursor=${cursor}` : ''}`);
      if (a.json.items.length === 0) {
        expect(a.json.next_cursor).toBe(cursor);
        break;
      }
      cursor = a.json.next_cursor;
    }
    const c = (await api.get('/clients?status=active&limit=1')).json.items[0] as P.Client;
    await api.post(`/clients/${c.id}/block`);
    const inc = P.ClientChangesPage.parse((await api.get(`/clients/changes?cursor=${cursor}`)).json);
    expect(inc.items.map((x) => x.id)).toEqual([c.id]);
    expect((inc.items[0] as P.Client).status).toBe('blocked');
  });
});

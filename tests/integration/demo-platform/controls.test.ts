/** Demo controls (faults, tick, invitation links) exist only when allowed; the CLI and the worker entry. */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as P from '../../../shared/contract/platform';
import { startInWorker } from '../../../electron/demo-platform/spawn';
import { boot, expectError, type Api } from './helpers';
import { demoControls } from '../../support/demo-controls';

let api: Api;
beforeAll(async () => {
  api = await boot({ clients: 80, allowDemoControls: true });
});
afterAll(() => api.p.stop());

const demo = (path: string, body?: unknown) => demoControls(api.p).raw(path, body);

describe('demo controls', () => {
  it('are 404 without --allow-demo-controls', async () => {
    const plain = await boot({ clients: 3 });
    try {
      for (const [path, body] of [['/__demo/faults', {}], ['/__demo/tick', {}], ['/__demo/invitations?email=a@b.c', undefined]] as const) {
        const r = await demoControls(plain.p).raw(path, body);
        expect(r.status, path).toBe(404);
      }
    } finally {
      await plain.p.stop();
    }
  });

  it('faults: 503, 429 with Retry-After, resets, malformed bodies; only under /partner/api/v1', async () => {
    const set = async (f: Partial<P.DemoFaults>) => expect((await demo('/__demo/faults', f)).status).toBe(200);
    await set({ error_rate: 1 });
    expectError(await api.get('/platform'), 503, 'internal');
    expect((await demo('/__demo/faults')).status).toBe(200); // demo controls are not faulted
    await set({ rate_limit_rate: 1, retry_after_s: 7 });
    const limited = expectError(await api.get('/platform'), 429, 'rate_limited');
    expect(limited.headers.get('retry-after')).toBe('7');
    await set({ reset_rate: 1 });
    await expect(fetch(api.base + '/platform', { headers: { 'x-access-token': api.p.token } })).rejects.toThrow();
    await set({ malformed_rate: 1 });
    const bad = await api.get('/clients?limit=3');
    expect(bad.status).toBe(200);
    expect(bad.json).toBeUndefined();
    expect(() => JSON.parse(bad.text)).toThrow();
    await set({ latency_ms: 20 });
    expect((await api.get('/platform')).status).toBe(200);
    await set({});
    expect((await api.get('/platform')).status).toBe(200);
    expect((await demo('/__demo/faults', { error_rate: 2 })).status).toBe(422);
    expect((await demo('/__demo/faults', { surprise: 1 })).status).toBe(422);
  });

  it('a 503 or a reset applies nothing; a retry with the same key applies once', async () => {
    await demo('/__demo/faults', { error_rate: 1 });
    expectError(await api.post('/clients', { email: 'retry@example.com' }, { key: 'retry-1' }), 503, 'internal');
    await demo('/__demo/faults', {});
    expect((await api.get('/clients?search=retry%40example.com')).json.items).toEqual([]);
    const a = await api.post('/clients', { email: 'retry@example.com' }, { key: 'retry-1' });
    const b = await api.post('/clients', { email: 'retry@example.com' }, { key: 'retry-1' });
    expect(a.status).toBe(201);
    expect(b.json).toEqual(a.json);
    expect((await api.get('/clients?search=retry%40example.com')).json.items).toHaveLength(1);
  });

  it('tick: days pass with charges, balances move with the ledger, invitations accepted, through the feeds', async () => {
    const before = await api.all('/clients/changes');
    const cursor = (await api.get('/clients/changes?limit=1000')).json.next_cursor as string;
    const txBefore = (await api.all('/transactions/changes')).length;
    const r = await demo('/__demo/tick', { days: 10, accept_rate: 1 });
    expect(r.status).toBe(200);
    const t = (await r.json()) as { transactions: number; invitations_accepted: number; now: string };
    expect(t.transactions).toBeGreaterThan(0);
    expect(t.invitations_accepted).toBeGreaterThan(0);
    expect((await api.all('/transactions/changes')).length).toBe(txBefore + t.transactions);
    const changed = (await api.all(`/clients/changes?cursor=${cursor}`)).map((c) => P.ClientChange.parse(c));
    expect(changed.length).toBeGreaterThan(0);
    expect(before.length).toBeGreaterThan(0);
    // A changed client's balance equals its opening + ledger (checked on the wire for one of them).
    const active = changed.find((c): c is P.Client => 'status' in c && c.status === 'active' && c.projects_count > 0);
    expect(active).toBeTruthy();
    expect(Date.parse(t.now)).toBeGreaterThan(Date.parse('2026-03-15T12:00:00Z'));
    const db = new Database(api.p.dbFile, { readonly: true });
    try {
      const bad = db
        .prepare(
          `SELECT c.n FROM clients c LEFT JOIN (
             SELECT client_n, SUM(CASE WHEN kind = 1 AND sub = 'topup' THEN amount WHEN kind = 0 THEN -amount ELSE 0 END) AS pay,
               SUM(CASE WHEN sub = 'bonus' THEN amount ELSE 0 END) AS bon FROM transactions GROUP BY client_n) t ON t.client_n = c.n
           WHERE c.payment != c.opening_payment + COALESCE(t.pay, 0) OR c.bonus != COALESCE(t.bon, 0)`,
        )
        .all();
      expect(bad).toEqual([]);
    } finally {
      db.close();
    }
    expect((await demo('/__demo/tick', { days: 0 })).status).toBe(422);
  });

  it('GET /__demo/invitations?email= gives the pending invitation page', async () => {
    await api.post('/clients', { email: 'Link@Example.com' });
    const r = await demo('/__demo/invitations?email=link%40example.com');
    expect(r.status).toBe(200);
    const { url } = (await r.json()) as { url: string };
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/invite\/[A-Za-z0-9_-]+$/);
    expect((await fetch(url)).status).toBe(200);
    expect((await demo('/__demo/invitations?email=nobody%40example.com')).status).toBe(404);
  });
});

describe('data folder', () => {
  it('keeps the data between runs with the same options and regenerates for another seed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'demo-data-'));
    try {
      const a = await boot({ clients: 15, dataDir: dir, token: 't1' });
      await a.post('/clients', { email: 'kept@example.com' });
      await a.p.stop();
      const b = await boot({ clients: 15, dataDir: dir, token: 't2' });
      expect((await b.get('/clients?search=kept%40example.com')).json.items).toHaveLength(1);
      await b.p.stop();
      const c = await boot({ clients: 15, dataDir: dir, seed: 99 });
      expect((await c.get('/clients?search=kept%40example.com')).json.items).toHaveLength(0);
      await c.p.stop();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a deleted client's email can be invited again as a new client", async () => {
    const c = (await api.post('/clients', { email: 'again@example.com' })).json as P.Client;
    await api.del(`/clients/${c.id}`);
    const d = await api.post('/clients', { email: 'again@example.com' });
    expect(d.status).toBe(201);
    expect(d.json.id).not.toBe(c.id);
  });
});

describe('entry points', () => {
  const root = fileURLToPath(new URL('../../../', import.meta.url));

  it('the CLI prints URL and token, serves, and stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/demo-platform/cli.ts', '--port', '0', '--clients', '20', '--token', 'cli-token'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /(http:\/\/127\.0\.0\.1:\d+)\/partner\/api\/v1/.exec(out);
        if (m && out.includes('Token')) resolve(m[1] as string);
      });
      child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
    });
    expect(out).toContain('cli-token');
    const r = await fetch(url + '/partner/api/v1/platform', { headers: { 'x-access-token': 'cli-token' } });
    expect(r.status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('the worker entry starts the platform from workerData and stops on "stop"', async () => {
    const p = await startInWorker({ port: 0, clients: 10, token: 'worker-token' });
    expect(p.token).toBe('worker-token');
    expect((await fetch(p.url + '/partner/api/v1/partner', { headers: { 'x-access-token': 'worker-token' } })).status).toBe(200);
    const exited = new Promise((resolve) => p.worker.once('exit', resolve));
    await p.stop();
    await exited;
    await expect(fetch(p.url + '/partner/api/v1/partner')).rejects.toThrow();
  });
});

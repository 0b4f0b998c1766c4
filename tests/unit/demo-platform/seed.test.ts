import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dataHash, openDb, type Db } from '../../../electron/demo-platform/db';
import { seedData } from '../../../electron/demo-platform/seed';

const dir = mkdtempSync(join(tmpdir(), 'seed-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const NOW = Date.parse('2026-03-15T12:00:00Z');
let k = 0;
function seeded(seed: number, clients: number, now = NOW): Db {
  const db = openDb(join(dir, `db${k++}.sqlite`));
  seedData(db, { seed, clients, now });
  return db;
}

describe('demo platform generator', () => {
  it('is deterministic: same seed and now => same hash; another seed or now => another hash', () => {
    const a = dataHash(seeded(7, 300));
    const b = dataHash(seeded(7, 300));
    const c = dataHash(seeded(8, 300));
    const d = dataHash(seeded(7, 300, NOW + 86_400_000));
    expect(a).toBe(b);
    expect(c).not.toBe(a);
    expect(d).not.toBe(a);
  });

  const db = seeded(1, 2000);
  it('mixes statuses and payment models as in life', () => {
    const by: Record<string, number> = Object.fromEntries(
      (db.prepare('SELECT status, COUNT(*) AS n FROM clients GROUP BY status').all() as { status: string; n: number }[]).map((r) => [r.status, r.n]),
    );
    expect((by.invited ?? 0) / 2000).toBeGreaterThan(0.06);
    expect((by.invited ?? 0) / 2000).toBeLessThan(0.14);
    expect((by.active ?? 0) / 2000).toBeGreaterThan(0.74);
    expect((by.blocked ?? 0) / 2000).toBeGreaterThan(0.06);
    const prepaid = (db.prepare("SELECT COUNT(*) AS n FROM clients WHERE payment_model = 'prepaid'").get() as { n: number }).n;
    expect(prepaid / 2000).toBeGreaterThan(0.6);
    expect(prepaid / 2000).toBeLessThan(0.8);
  });

  it('has Russian and international companies, +7 phones, 1–5 projects, debts and frozen projects', () => {
    const names = (db.prepare('SELECT name FROM clients').all() as { name: string }[]).map((r) => r.name);
    expect(names.some((n) => n.startsWith('ООО «'))).toBe(true);
    expect(names.some((n) => n.startsWith('АО «'))).toBe(true);
    expect(names.some((n) => n.startsWith('ИП '))).toBe(true);
    expect(names.some((n) => / (Ltd|LLC)$/.test(n))).toBe(true);
    const phones = (db.prepare('SELECT phone FROM clients WHERE phone IS NOT NULL').all() as { phone: string }[]).map((r) => r.phone);
    expect(phones.every((p) => /^\+7 9\d{2} \d{3}-\d{2}-\d{2}$/.test(p))).toBe(true);
    const pc = db.prepare("SELECT MIN(projects_count) AS lo, MAX(projects_count) AS hi FROM clients WHERE status != 'invited'").get() as { lo: number; hi: number };
    expect(pc).toEqual({ lo: 1, hi: 5 });
    expect((db.prepare('SELECT COUNT(*) AS n FROM clients WHERE payment < 0').get() as { n: number }).n).toBeGreaterThan(50);
    expect((db.prepare("SELECT COUNT(*) AS n FROM projects WHERE status = 'frozen'").get() as { n: number }).n).toBeGreaterThan(20);
    expect((db.prepare('SELECT COUNT(*) AS n FROM projects').get() as { n: number }).n).toBe(
      (db.prepare('SELECT SUM(projects_count) AS n FROM clients').get() as { n: number }).n,
    );
  });

  it('keeps 13 months of ledger with every service, a heavy client and about 10 rows per client', () => {
    const span = db.prepare('SELECT MIN(at_ms) AS lo, MAX(at_ms) AS hi FROM transactions').get() as { lo: number; hi: number };
    expect(span.hi).toBeLessThanOrEqual(NOW);
    expect((NOW - span.lo) / 86_400_000).toBeGreaterThan(390);
    const services = (db.prepare('SELECT DISTINCT service FROM transactions WHERE service IS NOT NULL').all() as { service: string }[]).length;
    expect(services).toBe(7);
    const heavy = db.prepare('SELECT client_n, COUNT(*) AS n FROM transactions GROUP BY client_n ORDER BY n DESC LIMIT 1').get() as { n: number };
    expect(heavy.n).toBeGreaterThan(10_000);
    const light = (db.prepare('SELECT COUNT(*) AS n FROM transactions WHERE client_n != 3').get() as { n: number }).n / 1999;
    expect(light).toBeGreaterThan(5);
    expect(light).toBeLessThan(15);
    expect((db.prepare('SELECT COUNT(*) AS n FROM transactions WHERE kind = 1').get() as { n: number }).n).toBeGreaterThan(0);
  });

  it('balances equal the ledger: payment = opening + top-ups − debits, bonus = bonuses', () => {
    const bad = db
      .prepare(
        `SELECT c.n FROM clients c LEFT JOIN (
           SELECT client_n,
             SUM(CASE WHEN kind = 1 AND sub = 'topup' THEN amount WHEN kind = 0 THEN -amount ELSE 0 END) AS pay,
             SUM(CASE WHEN sub = 'bonus' THEN amount ELSE 0 END) AS bon
           FROM transactions GROUP BY client_n) t ON t.client_n = c.n
         WHERE c.payment != c.opening_payment + COALESCE(t.pay, 0) OR c.bonus != COALESCE(t.bon, 0)`,
      )
      .all();
    expect(bad).toEqual([]);
  });

  it('gives invited clients an invitation and no ledger; some emails are existing accounts', () => {
    const inv = db.prepare("SELECT COUNT(*) AS n FROM clients c JOIN invitations i ON i.client_n = c.n WHERE c.status = 'invited'").get() as { n: number };
    const invited = db.prepare("SELECT COUNT(*) AS n FROM clients WHERE status = 'invited'").get() as { n: number };
    expect(inv.n).toBe(invited.n);
    expect((db.prepare("SELECT COUNT(*) AS n FROM transactions t JOIN clients c ON c.n = t.client_n WHERE c.status = 'invited'").get() as { n: number }).n).toBe(0);
    expect((db.prepare("SELECT COUNT(*) AS n FROM clients WHERE email LIKE '%.existing'").get() as { n: number }).n).toBeGreaterThan(0);
  });
});

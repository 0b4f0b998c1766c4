/**
 * The deterministic data generator: same seed + same `now` => the same rows (see dataHash).
 *
 * Mix: invited ~10 % (no account yet), active ~80 %, blocked ~10 %; prepaid ~70 %, postpaid ~30 %.
 * Ledger: 13 months before `now`. Light clients (~60 %) have a charge every other month or so,
 * regular ones (~40 %) one or two a month; one client in 5000 (and client #3, so small seeds have
 * one) is heavy: daily charges per service per project (10k+ rows a year). About 10 rows per
 * client on average. Top-ups cover the spend with a random factor, so ~1 in 5 ends in debt;
 * prepaid clients in debt often have frozen projects.
 *
 * Balances equal the ledger: payment = opening_payment + Σ top-ups − Σ debits; bonus = Σ bonuses.
 */
import { SERVICE_CODES, type ServiceCode } from '../../shared/contract/platform';
import { INDEXES, setMeta, type Db } from './db';
import * as N from './names';
import { rng, type Rng } from './prng';

export const DAY = 86_400_000;
const LEDGER_DAYS = 396;

export interface SeedOptions {
  seed: number;
  clients: number;
  now: number;
}

const sec = (ms: number) => Math.floor(ms / 1000) * 1000;

interface Person {
  name: string;
  email: string;
}

function company(r: Rng, n: number): Person {
  const intl = r.chance(0.2);
  const local = r.pick(N.RU_FIRST);
  const last = r.pick(N.RU_LAST);
  const lastRu = local[2] ? last[0] + 'а' : last[0];
  const roll = r.next();
  if (intl) {
    const [w, slug] = r.pick(N.INTL_COMPANY_WORDS);
    const first = r.pick(N.EN_FIRST).toLowerCase();
    return { name: `${w} ${r.pick(N.INTL_FORMS)}`, email: `${first}.${n}@${slug}.com` };
  }
  if (roll < 0.15) {
    // A sole proprietor: ИП Фамилия И. О.
    const initial = r.pick(N.RU_FIRST)[0][0];
    return { name: `ИП ${lastRu} ${local[0][0]}. ${initial}.`, email: `${local[1]}.${last[1]}${n}@mail.${r.pick(N.RU_DOMAINS)}` };
  }
  const [w, slug] = r.pick(N.RU_COMPANY_WORDS);
  return { name: `${r.pick(N.RU_ORG_FORMS)} «${w}»`, email: `${local[1]}.${last[1]}@${slug}${n}.${r.pick(N.RU_DOMAINS)}` };
}

function phone(r: Rng): string {
  const d = (k: number) => Array.from({ length: k }, () => r.int(0, 9)).join('');
  return `+7 9${d(2)} ${d(3)}-${d(2)}-${d(2)}`;
}

export function seedData(db: Db, o: SeedOptions): { clients: number; transactions: number; ms: number } {
  const t0 = performance.now();
  const r = rng(o.seed);
  const now = sec(o.now);
  const ledgerStart = now - LEDGER_DAYS * DAY;
  const insClient = db.prepare(
    `INSERT INTO clients (n, email, email_lc, name, phone, external_id, status, payment_model, invited_at, registered_at,
      updated_at, opening_payment, payment, bonus, projects_count, deleted_at, seq) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,NULL,?)`,
  );
  const insProject = db.prepare('INSERT INTO projects (pid, client_n, name, status, created_at) VALUES (?,?,?,?,?)');
  const insTx = db.prepare('INSERT INTO transactions (client_n, pid, at_ms, kind, amount, service, sub) VALUES (?,?,?,?,?,?,?)');
  const insInv = db.prepare(
    `INSERT INTO invitations (n, client_n, token, sent_at, expires_at, resent_count, state) VALUES (?,?,?,?,?,0,'pending')`,
  );
  const tokenOf = () => Array.from({ length: 4 }, () => Math.floor(r.next() * 2 ** 32).toString(36).padStart(7, '0')).join('');
  let txCount = 0;
  let pidCounter = 0;
  let invN = 0;

  db.transaction(() => {
    for (let n = 1; n <= o.clients; n++) {
      const who = company(r, n);
      const u = r.next();
      const heavy = n % 5000 === 3;
      const status = heavy ? 'active' : u < 0.1 ? 'invited' : u < 0.9 ? 'active' : 'blocked';
      const model = r.chance(0.7) ? 'prepaid' : 'postpaid';
      const ph = r.chance(0.85) ? phone(r) : null;
      const ext = r.chance(0.5) ? `CRM-${r.int(10000, 99999)}-${n}` : null;
      let email = who.email;
      if (status === 'invited' && r.chance(0.2)) email = email.replace(/\.[a-z]+$/, '.existing');

      if (status === 'invited') {
        const invitedAt = sec(now - r.int(0, 20 * 24) * 3_600_000 - r.int(0, 3599) * 1000);
        insClient.run(n, email, email.toLowerCase(), who.name, ph, ext, status, model, invitedAt, null, invitedAt, 0, 0, 0, 0, n);
        invN++;
        insInv.run(invN, n, tokenOf(), invitedAt, invitedAt + 7 * DAY);
        continue;
      }
      const invitedAt = sec(now - r.int(heavy ? 420 : 30, 1200) * DAY - r.int(0, 86399) * 1000);
      const registeredAt = sec(invitedAt + r.int(600, 5 * 86400) * 1000);
      const nProjects = heavy ? r.int(4, 5) : r.pick([1, 1, 1, 2, 2, 3, 4, 5]);
      const pids: string[] = [];
      for (let k = 0; k < nProjects; k++) {
        pidCounter++;
        pids.push(`mcs${String(pidCounter).padStart(6, '0')}${r.int(1000, 9999)}`);
      }
      // The ledger: debits then credits, then sorted by time.
      const rows: [string | null, number, number, number, string | null, string | null][] = [];
      const from = Math.max(ledgerStart, registeredAt);
      let debits = 0;
      if (heavy) {
        const svc = SERVICE_CODES;
        for (let day = from; day < now - DAY; day += DAY) {
          for (const pid of pids) {
            for (const s of svc) {
              const amount = r.int(5_000, 300_000);
              rows.push([pid, sec(day + r.int(0, 86399) * 1000), 0, amount, s, null]);
              debits += amount;
            }
          }
        }
      } else {
        const light = r.chance(0.6);
        const favourite: ServiceCode[] = [r.pick(SERVICE_CODES), r.pick(SERVICE_CODES), 'compute'];
        for (let m = from; m < now; m += 30 * DAY) {
          const k = light ? (r.chance(0.4) ? 1 : 0) : r.int(0, 2);
          for (let j = 0; j < k; j++) {
            const at = sec(m + r.next() * Math.min(30 * DAY, now - m - 1000));
            const amount = light ? r.int(10_000, 500_000) : r.int(100_000, 5_000_000);
            rows.push([r.pick(pids), at, 0, amount, r.pick(favourite), null]);
            debits += amount;
          }
        }
      }
      // Credits: top-ups cover the spend times a factor (below 1 for about a fifth of the clients).
      const factor = r.chance(0.2) ? 0.6 + r.next() * 0.4 : 1 + r.next() * 0.3;
      const opening = r.chance(0.3) ? r.int(0, 1_000_000) : 0;
      let credits = Math.round(debits * factor) - opening;
      const nTopups = debits === 0 ? 0 : Math.max(1, Math.min(13, Math.round(rows.length / 6)));
      let paid = 0;
      for (let j = 0; j < nTopups && credits > 0; j++) {
        const amount = j === nTopups - 1 ? credits - paid : Math.max(1, Math.floor(credits / nTopups));
        if (amount <= 0) break;
        const at = sec(from + ((j + r.next()) / nTopups) * (now - from - 1000));
        rows.push([null, at, 1, amount, null, 'topup']);
        paid += amount;
      }
      credits = paid;
      let bonus = 0;
      if (r.chance(0.3)) {
        bonus = r.int(1, 20) * 100_000;
        rows.push([null, sec(from + r.int(0, 86399) * 1000), 1, bonus, null, 'bonus']);
      }
      rows.sort((a, b) => a[1] - b[1]);
      for (const row of rows) insTx.run(n, row[0], row[1], row[2], row[3], row[4], row[5]);
      txCount += rows.length;
      const payment = opening + credits - debits;
      const inDebt = payment < 0;
      for (let k = 0; k < pids.length; k++) {
        const frozen = (inDebt && model === 'prepaid' && r.chance(0.6)) || r.chance(0.03);
        const created = sec(registeredAt + k * r.int(0, 86_399) * 1000);
        insProject.run(pids[k], n, `${r.pick(N.PROJECT_NAMES)} ${k + 1}`, frozen ? 'frozen' : 'active', created);
      }
      const updated = rows.length ? Math.max(registeredAt, (rows[rows.length - 1] as (typeof rows)[number])[1]) : registeredAt;
      insClient.run(n, email, email.toLowerCase(), who.name, ph, ext, status, model, invitedAt, registeredAt, updated, opening, payment, bonus, pids.length, n);
    }
    setMeta(db, 'clients_next', String(o.clients + 1));
    setMeta(db, 'pid_next', String(pidCounter + 1));
    setMeta(db, 'inv_next', String(invN + 1));
  })();
  db.exec(INDEXES);
  return { clients: o.clients, transactions: txCount, ms: Math.round(performance.now() - t0) };
}

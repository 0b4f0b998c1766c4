/**
 * Alerts over the cache: rules in `alert_rules`, current alerts in `alerts`, one row
 * per (client, kind) while its condition holds. `evaluateAlerts` re-reads the cache when it
 * changed; it runs after each sync and each rule change (create-core.ts, handlers.ts), never on a
 * read, and keeps `since`, `notified` and `seen` of the alerts that still hold; a cleared condition
 * removes its row, so crossing again is a new alert. Reads (listAlerts, alertsSummary) only read the
 * stored rows; the badge reads the summary (counts and at most three new alerts), not the list.
 */
import type Database from 'better-sqlite3';
import type { AlertRow, AlertRule } from '../../../shared/contract/rpc/partner';
import type { Currency } from '../../../shared/contract/platform';
import type { CoreContext } from '../context';
import { DEFAULT_RULE, FORECAST_BASIS_DAYS, effectiveRule, evaluateRule, isEmptyRule, type Firing } from './rules';
import { cachedDeals } from './deals';

type Db = Database.Database;
const ALL = '*';
const DAY_MS = 86_400_000;

interface RuleDb {
  scope: string;
  threshold_minor: number | null;
  negative: number;
  freeze_days: number | null;
}

function fromDb(r: RuleDb): AlertRule {
  return { clientId: r.scope === ALL ? null : r.scope, thresholdMinor: r.threshold_minor, negative: r.negative === 1, freezeDays: r.freeze_days };
}

/** The rules, the one for all clients first (the default when none was saved). */
export function listRules(db: Db): AlertRule[] {
  const rows = (db.prepare('SELECT * FROM alert_rules ORDER BY scope').all() as RuleDb[]).map(fromDb);
  const all = rows.find((r) => r.clientId === null) ?? DEFAULT_RULE;
  return [all, ...rows.filter((r) => r.clientId !== null)];
}

/** Saves a scope's rule. A client's rule with nothing on is removed (the rule for all applies again). */
export function saveRule(db: Db, rule: AlertRule): void {
  const scope = rule.clientId ?? ALL;
  if (rule.clientId !== null && isEmptyRule(rule)) {
    db.prepare('DELETE FROM alert_rules WHERE scope = ?').run(scope);
  } else {
    db.prepare(
      `INSERT INTO alert_rules (scope, threshold_minor, negative, freeze_days) VALUES (?, ?, ?, ?)
       ON CONFLICT(scope) DO UPDATE SET threshold_minor = excluded.threshold_minor, negative = excluded.negative, freeze_days = excluded.freeze_days`,
    ).run(scope, rule.thresholdMinor, rule.negative ? 1 : 0, rule.freezeDays);
  }
  db.prepare("DELETE FROM meta WHERE key = 'alerts.fingerprint'").run();
}

interface FactsDb {
  id: string;
  payment_minor: number;
  bonus_minor: number;
  currency: Currency;
  payment_model: 'prepaid' | 'postpaid';
  spent: number | null;
}

function fingerprint(db: Db, now: number): string {
  // Sums as well as times: a changed balance changes the fingerprint even if its timestamps do not move.
  const c = db
    .prepare(
      "SELECT count(*) AS n, max(balance_as_of) AS b, max(updated_at) AS u, total(payment_minor) AS p, total(bonus_minor) AS o, total(payment_model = 'prepaid') AS m FROM clients",
    )
    .get() as { n: number; b: string | null; u: string | null; p: number; o: number; m: number };
  const t = db.prepare('SELECT max(rowid) AS r FROM transactions').get() as { r: number | null };
  return JSON.stringify([c.n, c.b, c.u, c.p, c.o, c.m, t.r, Math.floor(now / DAY_MS)]);
}

/**
 * Re-evaluates every client against the rules when the cache changed since the last run (or
 * always with force). Returns how many alerts appeared and cleared; emits data.changed alerts
 * when anything did.
 */
export function evaluateAlerts(ctx: Pick<CoreContext, 'db' | 'now' | 'changed'>, force = false): { added: number; cleared: number } {
  const { db } = ctx;
  const now = ctx.now();
  const fp = fingerprint(db, now);
  const prev = db.prepare("SELECT value FROM meta WHERE key = 'alerts.fingerprint'").get() as { value: string } | undefined;
  if (!force && prev?.value === fp) return { added: 0, cleared: 0 };

  const rules = listRules(db);
  const all = rules[0];
  const byClient = new Map(rules.slice(1).map((r) => [r.clientId as string, r]));
  const needSpend = rules.some((r) => r.freezeDays !== null);
  const facts = (
    needSpend
      ? db
          .prepare(
            `SELECT c.id, c.payment_minor, c.bonus_minor, c.currency, c.payment_model, s.spent
             FROM clients c LEFT JOIN (
               SELECT client_id, sum(amount_minor) AS spent FROM transactions
               WHERE kind = 'debit' AND at_ms >= ? AND at_ms < ? GROUP BY client_id
             ) s ON s.client_id = c.id`,
          )
          .all(now - FORECAST_BASIS_DAYS * DAY_MS, now)
      : db.prepare('SELECT id, payment_minor, bonus_minor, currency, payment_model, 0 AS spent FROM clients').all()
  ) as FactsDb[];

  /** What each current alert says, to write only the rows that change. */
  const existing = new Map<string, string>();
  for (const r of db.prepare("SELECT client_id, kind, balance_minor || '|' || currency || '|' || ifnull(threshold_minor, '') || '|' || ifnull(days, '') || '|' || ifnull(limit_days, '') AS v FROM alerts").all() as {
    client_id: string;
    kind: string;
    v: string;
  }[]) {
    existing.set(`${r.client_id}|${r.kind}`, r.v);
  }
  const nowIso = new Date(now).toISOString();
  const insert = db.prepare(
    'INSERT INTO alerts (client_id, kind, balance_minor, currency, threshold_minor, days, limit_days, since) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const update = db.prepare(
    'UPDATE alerts SET balance_minor = ?, currency = ?, threshold_minor = ?, days = ?, limit_days = ? WHERE client_id = ? AND kind = ?',
  );
  const del = db.prepare('DELETE FROM alerts WHERE client_id = ? AND kind = ?');
  let added = 0;
  let cleared = 0;
  db.transaction(() => {
    const keep = new Set<string>();
    for (const c of facts) {
      const rule = effectiveRule(byClient.get(c.id), all);
      const firing: Firing[] = evaluateRule(
        { paymentMinor: c.payment_minor, bonusMinor: c.bonus_minor, paymentModel: c.payment_model, spentMinor: c.spent ?? 0 },
        rule,
      );
      for (const f of firing) {
        const key = `${c.id}|${f.kind}`;
        keep.add(key);
        const was = existing.get(key);
        if (was === undefined) {
          added++;
          insert.run(c.id, f.kind, c.payment_minor, c.currency, f.thresholdMinor, f.days, f.limitDays, nowIso);
        } else if (was !== `${c.payment_minor}|${c.currency}|${f.thresholdMinor ?? ''}|${f.days ?? ''}|${f.limitDays ?? ''}`) {
          update.run(c.payment_minor, c.currency, f.thresholdMinor, f.days, f.limitDays, c.id, f.kind);
        }
      }
    }
    for (const key of existing.keys()) {
      if (keep.has(key)) continue;
      const [id, kind] = key.split('|') as [string, string];
      del.run(id, kind);
      cleared++;
    }
    db.prepare("INSERT INTO meta (key, value) VALUES ('alerts.fingerprint', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(fp);
  })();
  if (added || cleared) ctx.changed(['alerts']);
  return { added, cleared };
}

interface AlertDb {
  client_id: string;
  kind: AlertRow['kind'];
  balance_minor: number;
  currency: Currency;
  threshold_minor: number | null;
  days: number | null;
  limit_days: number | null;
  since: string;
  notified: number;
  seen: number;
  name: string | null;
  email: string | null;
}

const KIND_ORDER = "CASE a.kind WHEN 'negative' THEN 0 WHEN 'freeze_soon' THEN 1 ELSE 2 END";

/** A cache never evaluated (synced by an older version): evaluated once, on its first read. */
function evaluateIfNever(ctx: CoreContext): void {
  if (ctx.runtime?.syncStatus().running) return;
  if (ctx.db.prepare("SELECT 1 FROM meta WHERE key = 'alerts.fingerprint'").get() === undefined) evaluateAlerts(ctx);
}

function toAlertRow(r: AlertDb): AlertRow {
  return {
    id: `${r.client_id}|${r.kind}`,
    clientId: r.client_id,
    name: r.name,
    email: r.email ?? '',
    kind: r.kind,
    balanceMinor: r.balance_minor,
    currency: r.currency,
    thresholdMinor: r.threshold_minor,
    days: r.days,
    limitDays: r.limit_days,
    since: r.since,
    notified: r.notified === 1,
    seen: r.seen === 1,
  };
}

const SELECT_ALERTS = `SELECT a.*, c.name, c.email FROM alerts a LEFT JOIN clients c ON c.id = a.client_id`;

/** Every current alert, unseen first (the alerts screen). */
export function listAlerts(ctx: CoreContext): { items: AlertRow[]; unseen: number; feedbackDue: number } {
  evaluateIfNever(ctx);
  const rows = ctx.db.prepare(`${SELECT_ALERTS} ORDER BY a.seen, ${KIND_ORDER}, a.balance_minor, a.client_id`).all() as AlertDb[];
  const items = rows.map(toAlertRow);
  const feedbackDue = cachedDeals(ctx.db, ctx.now(), ctx.timeZone()).filter((d) => d.feedbackDue).length;
  return { items, unseen: items.filter((i) => !i.seen).length, feedbackDue };
}

/** How many fresh alerts a summary carries in full (more are announced by their count). */
export const SUMMARY_FRESH = 3;

/**
 * What the nav badge and the notifications need: the unseen count, the deals due, and the alerts
 * not notified yet (their count and the first few), without reading every alert.
 */
export function alertsSummary(ctx: CoreContext): { unseen: number; feedbackDue: number; freshCount: number; fresh: AlertRow[] } {
  evaluateIfNever(ctx);
  const { db } = ctx;
  const c = db.prepare('SELECT total(seen = 0) AS unseen, total(seen = 0 AND notified = 0) AS fresh FROM alerts').get() as { unseen: number; fresh: number };
  const fresh = (
    db.prepare(`${SELECT_ALERTS} WHERE a.seen = 0 AND a.notified = 0 ORDER BY ${KIND_ORDER}, a.balance_minor, a.client_id LIMIT ?`).all(SUMMARY_FRESH) as AlertDb[]
  ).map(toAlertRow);
  const feedbackDue = cachedDeals(db, ctx.now(), ctx.timeZone()).filter((d) => d.feedbackDue).length;
  return { unseen: c.unseen, feedbackDue, freshCount: c.fresh, fresh };
}

/** Marks these alerts notified; with `allFresh`, every alert not notified yet (a summary notification covered them). */
export function markNotified(db: Db, ids: string[], allFresh = false): void {
  const st = db.prepare('UPDATE alerts SET notified = 1 WHERE client_id = ? AND kind = ?');
  db.transaction(() => {
    if (allFresh) db.prepare('UPDATE alerts SET notified = 1 WHERE notified = 0 AND seen = 0').run();
    for (const id of ids) {
      const i = id.lastIndexOf('|');
      if (i > 0) st.run(id.slice(0, i), id.slice(i + 1));
    }
  })();
}

export function markSeen(db: Db): void {
  db.prepare('UPDATE alerts SET seen = 1, notified = 1 WHERE seen = 0').run();
}

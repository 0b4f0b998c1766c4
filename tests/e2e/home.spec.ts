/**
 * Home end to end, in browser mode against the demo platform: the app opens on Home; every figure
 * agrees with the platform's own data (its SQLite file), and opens the client list filtered to
 * exactly those clients; both languages; offline from the cache; the start screen preference.
 * Screenshots at 1280×800 in both languages go to tests/artifacts/screens/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { harnessRpc, setLang } from '../support/e2e';
import { expect, test } from '../support/fixtures';
import type { WebHarness } from '../support/web';
import type { HomeOverview } from '../../shared/contract/rpc/home';
import { formatMoney } from '../../shared/domain/money';
import { addMonths, localDateOf, localMidnightUtc } from '../../shared/domain/time';

const SCREENS = join(import.meta.dirname, '..', 'artifacts', 'screens');
const DAY = 86_400_000;
const ZONE = 'Europe/Moscow';

test.use({ harnessOptions: { clients: 400, seed: 11, synced: true }, viewport: { width: 1280, height: 800 } });
test.beforeAll(() => mkdirSync(SCREENS, { recursive: true }));

const clientId = (n: number) => 'cl' + String(n).padStart(6, '0');

/** The figures straight from the demo platform's own database, at the moment Home was built. */
function platformFigures(h: WebHarness, at: number) {
  const db = new Database(join(h.dataDir, 'demo-platform', 'demo-platform.sqlite'), { readonly: true });
  try {
    const live = 'deleted_at IS NULL';
    const one = <T>(sql: string, ...p: unknown[]) => db.prepare(sql).get(...p) as T;
    const all = one<{ n: number; p: number; b: number }>(`SELECT count(*) n, sum(payment) p, sum(bonus) b FROM clients WHERE ${live}`);
    const debt = one<{ n: number; s: number }>(`SELECT count(*) n, coalesce(sum(payment), 0) s FROM clients WHERE ${live} AND payment < 0`);
    const blocked = one<{ n: number }>(`SELECT count(*) n FROM clients WHERE ${live} AND status = 'blocked'`).n;
    const invited = one<{ n: number }>(`SELECT count(*) n FROM clients WHERE ${live} AND status = 'invited' AND invited_at < ?`, Math.floor((at - 7 * DAY) / 1000) * 1000).n;
    const runsOut = one<{ n: number }>(
      `SELECT count(*) n FROM clients c JOIN (SELECT client_n, sum(amount) s FROM transactions WHERE kind = 0 AND at_ms >= ? AND at_ms < ? GROUP BY client_n) t
         ON t.client_n = c.n WHERE c.${live} AND c.payment_model = 'prepaid' AND c.payment + c.bonus > 0 AND (c.payment + c.bonus) * 30 < 7 * t.s`,
      at - 30 * DAY,
      at,
    ).n;
    const today = localDateOf(at, ZONE);
    const cur = localMidnightUtc(addMonths(today, 0), ZONE);
    const next = localMidnightUtc(addMonths(today, 1), ZONE);
    const month = one<{ s: number }>('SELECT coalesce(sum(amount), 0) s FROM transactions WHERE kind = 0 AND at_ms >= ? AND at_ms < ?', cur, next).s;
    const top = (
      db
        .prepare(
          `SELECT t.client_n n, sum(t.amount) s FROM transactions t JOIN clients c ON c.n = t.client_n AND c.${live}
            WHERE t.kind = 0 AND t.at_ms >= ? AND t.at_ms < ? GROUP BY t.client_n ORDER BY s DESC, t.client_n LIMIT 10`,
        )
        .all(cur, next) as { n: number; s: number }[]
    ).map((r) => ({ id: clientId(r.n), s: r.s }));
    return { all, debt, blocked, invited, runsOut, month, top };
  } finally {
    db.close();
  }
}

test('Home opens first, its figures are the platform’s, each opens exactly its clients; both languages; offline', async ({ page, harness: h }) => {
  await page.goto(h.startUrl);
  await expect(page.getByTestId('home')).toBeVisible();
  await setLang(page, 'en');
  const o = await harnessRpc<HomeOverview>(h, 'home.overview', {});
  expect(o.builtAt).not.toBeNull();
  const p = platformFigures(h, Date.parse(o.builtAt as string));

  // The core's figures against the platform's own data.
  expect(o.totals.clients).toBe(p.all.n);
  expect(o.totals.paymentMinor).toBe(p.all.p);
  expect(o.totals.bonusMinor).toBe(p.all.b);
  expect(o.totals.debt).toEqual({ count: p.debt.n, sumMinor: p.debt.s });
  expect(o.totals.blocked.count).toBe(p.blocked);
  expect(o.totals.invitedStale.count).toBe(p.invited);
  expect(o.totals.runsOut.count).toBe(p.runsOut);
  expect(o.monthly.at(-1)?.minor).toBe(p.month);
  expect(o.top.map((c) => ({ id: c.id, s: c.curMinor }))).toEqual(p.top);
  expect(p.debt.n).toBeGreaterThan(0);
  expect(p.top.length).toBe(10);

  // What the page shows.
  const money = (m: number) => formatMoney(m, o.currency, 'en');
  await expect(page.getByTestId('home-kpi-payment-value')).toHaveText(money(p.all.p));
  await expect(page.getByTestId('home-kpi-debt-value')).toHaveText(`${p.debt.n} ${p.debt.n === 1 ? 'client' : 'clients'}`);
  await expect(page.getByTestId('home-top').locator('tbody tr')).toHaveCount(10);
  await expect(page.getByTestId('home-monthly-table')).toContainText(money(p.month));
  await expect(page.getByTestId('home-asof')).toContainText('As of');
  await page.screenshot({ path: join(SCREENS, 'home-en.png') });

  // Each figure opens the list filtered to exactly its clients.
  const listCount = (n: number) => expect(page.getByTestId('clients-count')).toHaveText(`${n} ${n === 1 ? 'client' : 'clients'}`);
  for (const [kpi, n] of [
    ['debt', p.debt.n],
    ['blocked', p.blocked],
    ['invited', p.invited],
    ['runsOut', p.runsOut],
    ['payment', p.all.n],
  ] as const) {
    await page.getByTestId('nav-home').click();
    await page.getByTestId(`home-kpi-${kpi}`).click();
    await expect(page.getByTestId('clients-search')).toBeVisible();
    await listCount(n);
  }
  await page.getByTestId('nav-home').click();
  await page.getByTestId('home-top-open').click();
  await listCount(10);
  await expect(page.getByTestId('filter-home-ids')).toHaveText(/Chosen on Overview: 10 clients/);
  const shown = await harnessRpc<{ ids: string[] }>(h, 'clients.ids', { ids: p.top.map((x) => x.id) });
  expect(shown.ids.sort()).toEqual(p.top.map((x) => x.id).sort());
  await page.getByTestId('filter-home-ids').click();
  await listCount(p.all.n);

  // Russian, with its plurals.
  await page.getByTestId('nav-home').click();
  await setLang(page, 'ru');
  await expect(page.getByRole('heading', { name: 'Обзор' })).toBeVisible();
  await expect(page.getByTestId('home-asof')).toContainText('Данные на');
  const ruWord = (n: number) => (n % 10 === 1 && n % 100 !== 11 ? 'клиент' : n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14) ? 'клиента' : 'клиентов');
  await expect(page.getByTestId('home-kpi-debt-value')).toHaveText(`${p.debt.n} ${ruWord(p.debt.n)}`);
  await expect(page.getByText('Средства кончатся за 7 дней')).toBeVisible();
  await page.screenshot({ path: join(SCREENS, 'home-ru.png') });

  // Offline: the platform stops; Home still reads the cache.
  await h.platform.stop();
  await page.reload();
  await expect(page.getByTestId('home-kpi-payment-value')).toHaveText(formatMoney(p.all.p, o.currency, 'ru'));
  await expect(page.getByTestId('home-top').locator('tbody tr')).toHaveCount(10);
});

test('the start screen: the client list when the user prefers it, remembered', async ({ page, harness: h }) => {
  /** A fresh load of the app's bare address (not a same-page hash change). */
  const start = async () => {
    await page.goto('about:blank');
    await page.goto(h.startUrl);
  };
  await start();
  await expect(page.getByTestId('home')).toBeVisible();
  await page.getByTestId('home-start-clients').check();
  await expect.poll(async () => (await harnessRpc<{ startScreen: string }>(h, 'settings.get', {})).startScreen).toBe('clients');
  // Ticking the box does not move the user; the next start does.
  await expect(page.getByTestId('home')).toBeVisible();
  await start();
  await expect(page.getByTestId('clients-search')).toBeVisible();
  await expect(page.getByTestId('home')).toHaveCount(0);
  await page.getByTestId('nav-home').click();
  await page.getByTestId('home-start-clients').uncheck();
  await expect.poll(async () => (await harnessRpc<{ startScreen: string }>(h, 'settings.get', {})).startScreen).toBe('home');
  await start();
  await expect(page.getByTestId('home')).toBeVisible();
});

/**
 * The invited client's pages, server-rendered HTML in Russian or English (?lang=, else
 * Accept-Language), text from shared/i18n/{en,ru}/invite.json, every value HTML-escaped.
 *   GET  /invite/{token}            the invitation: a new account sets a password, an existing
 *                                   one signs in after the warning (?existing=1|0 switches)
 *   POST /invite/{token}/register   password + password2 (shared/domain/password.ts)
 *   POST /invite/{token}/accept     password + confirm
 *   GET  /invite/assets/style.css   the stylesheet (no inline styles or scripts; CSP self)
 * Demo rule: an email whose domain ends in ".existing" belongs to an existing VK Cloud account.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PASSWORD_MIN_LENGTH, SPECIALS, checkPassword, findRepeatedGroup, type PasswordRule } from '../../shared/domain/password';
import en from '../../shared/i18n/en/invite.json' with { type: 'json' };
import ru from '../../shared/i18n/ru/invite.json' with { type: 'json' };
import { isoUtc } from '../../shared/domain/time';
import { HttpError, readBody } from './http';
import { PARTNER } from './routes/misc';
import type { InvitationRow, Store } from './store';

type Lang = 'ru' | 'en';
const CATALOGUE: Record<Lang, unknown> = { en, ru };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

function lookup(lang: Lang, key: string): string | undefined {
  let node: unknown = CATALOGUE[lang];
  for (const part of key.replace(/^invite:/, '').split('.')) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}
/** The translated, HTML-escaped text of an 'invite:…' key; `count` picks the plural form as i18next does. */
export function t(lang: Lang, key: string, params: Record<string, string | number> = {}): string {
  let text: string | undefined;
  if (typeof params.count === 'number') {
    text = lookup(lang, `${key}_${new Intl.PluralRules(lang).select(params.count)}`) ?? lookup(lang, `${key}_other`);
  }
  text ??= lookup(lang, key) ?? key;
  return escapeHtml(text).replace(/\{\{(\w+)\}\}/g, (_, k: string) => escapeHtml(String(params[k] ?? '')));
}

export function pickLang(query: string | null, acceptLanguage: string | undefined): Lang {
  if (query === 'ru' || query === 'en') return query;
  const prefs = (acceptLanguage ?? '')
    .split(',')
    .map((p, i) => {
      const [tag, ...rest] = p.trim().split(';');
      const q = rest.map((x) => /^q=([\d.]+)$/.exec(x.trim())?.[1]).find(Boolean);
      return { base: (tag ?? '').toLowerCase().split('-')[0], q: q ? Number(q) : 1, i };
    })
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const p of prefs) if (p.base === 'ru' || p.base === 'en') return p.base;
  return 'ru';
}

const CSS = `body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f4f6fa;color:#1f2633;margin:0}
main{max-width:560px;margin:40px auto;background:#fff;border-radius:12px;padding:32px;box-shadow:0 2px 12px rgba(0,0,0,.08)}
header{display:flex;justify-content:space-between;align-items:center;margin-bottom:16px}
.brand{font-weight:700;color:#0077ff;font-size:20px}
h1{font-size:22px;margin:8px 0 16px}
label{display:block;margin:12px 0 4px;font-weight:600}
input[type=password]{width:100%;box-sizing:border-box;padding:10px;border:1px solid #c5cbd6;border-radius:8px;font-size:16px}
.check{display:flex;gap:8px;align-items:flex-start;font-weight:400}
button{margin-top:20px;background:#0077ff;color:#fff;border:0;border-radius:8px;padding:12px 20px;font-size:16px;cursor:pointer}
.warning{background:#fff4e5;border-left:4px solid #ff9800;padding:12px;border-radius:4px}
.errors{background:#fdecea;border-left:4px solid #e53935;padding:12px;border-radius:4px}
.note{color:#5b6475;font-size:14px}
.ok{background:#e8f5e9;border-left:4px solid #43a047;padding:12px;border-radius:4px}
ul{margin:8px 0;padding-left:20px}
a{color:#0077ff}`;

const TOKEN_RE = /^[A-Za-z0-9_-]{8,64}$/;

function page(res: ServerResponse, status: number, lang: Lang, selfPath: string, body: string): void {
  const other: Lang = lang === 'ru' ? 'en' : 'ru';
  const html = `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t(lang, 'invite:page_title')}</title><link rel="stylesheet" href="/invite/assets/style.css"></head>
<body><main>
<header><span class="brand">${t(lang, 'invite:brand')}</span><a href="${escapeHtml(selfPath)}?lang=${other}" hreflang="${other}" lang="${other}">${t(lang, 'invite:lang_switch')}</a></header>
${body}
</main></body></html>`;
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(html),
    'content-security-policy': "default-src 'none'; style-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
    'content-language': lang,
  });
  res.end(html);
}

function rulesList(lang: Lang): string {
  const specials = SPECIALS.split('').join(' ');
  const items = [
    t(lang, 'invite:rules.min_length', { count: PASSWORD_MIN_LENGTH }),
    t(lang, 'invite:rules.latin_upper'),
    t(lang, 'invite:rules.latin_lower'),
    t(lang, 'invite:rules.digit_or_special', { specials }),
    t(lang, 'invite:rules.no_repeats'),
  ];
  return `<p class="note">${t(lang, 'invite:rules_heading')}</p><ul class="note">${items.map((i) => `<li>${i}</li>`).join('')}</ul>`;
}

function errorsBox(lang: Lang, errors: string[]): string {
  if (!errors.length) return '';
  return `<div class="errors" role="alert"><strong>${t(lang, 'invite:errors.heading')}</strong><ul>${errors.map((e) => `<li>${e}</li>`).join('')}</ul></div>`;
}

interface Form {
  inv: InvitationRow;
  email: string;
  lang: Lang;
  token: string;
  existing: boolean;
  errors?: string[];
}
function invitationBody(f: Form): string {
  const { lang, token } = f;
  const base = `/invite/${encodeURIComponent(token)}`;
  const intro = `<p>${t(lang, 'invite:intro', { partner: PARTNER.name, email: f.email })}</p><p class="note">${t(lang, 'invite:expires', { date: isoUtc(f.inv.expires_at).replace('T', ' ').replace('Z', '') })}</p>`;
  const twoFa = `<p class="note">${t(lang, 'invite:two_factor')}</p>`;
  if (f.existing) {
    return `<h1>${t(lang, 'invite:existing.heading')}</h1>${intro}
<p class="warning">${t(lang, 'invite:existing.warning', { partner: PARTNER.name })}</p>
${errorsBox(lang, f.errors ?? [])}
<form method="post" action="${base}/accept?lang=${lang}">
<label for="password">${t(lang, 'invite:existing.password')}</label><input id="password" name="password" type="password" autocomplete="current-password">
<label class="check"><input type="checkbox" name="confirm" value="1"> ${t(lang, 'invite:existing.confirm')}</label>
<button type="submit">${t(lang, 'invite:existing.submit')}</button>
</form>
<p class="note">${t(lang, 'invite:existing.demo_note')}</p>
<p><a href="${base}?lang=${lang}&amp;existing=0">${t(lang, 'invite:existing.no_account')}</a></p>`;
  }
  return `<h1>${t(lang, 'invite:new_account.heading')}</h1>${intro}
${errorsBox(lang, f.errors ?? [])}
<form method="post" action="${base}/register?lang=${lang}">
<label for="password">${t(lang, 'invite:new_account.password')}</label><input id="password" name="password" type="password" autocomplete="new-password">
<label for="password2">${t(lang, 'invite:new_account.password_repeat')}</label><input id="password2" name="password2" type="password" autocomplete="new-password">
<button type="submit">${t(lang, 'invite:new_account.submit')}</button>
</form>
${rulesList(lang)}${twoFa}
<p><a href="${base}?lang=${lang}&amp;existing=1">${t(lang, 'invite:new_account.have_account')}</a></p>`;
}

const STATE_TEXT = {
  expired: ['invite:expired.heading', 'invite:expired.text'],
  revoked: ['invite:revoked.heading', 'invite:revoked.text'],
  accepted: ['invite:accepted.heading', 'invite:accepted.text'],
  not_found: ['invite:not_found.heading', 'invite:not_found.text'],
} as const;

function stateBody(lang: Lang, key: keyof typeof STATE_TEXT, date?: number): string {
  const params = date === undefined ? {} : { date: isoUtc(date).replace('T', ' ').replace('Z', '') };
  const [heading, text] = STATE_TEXT[key];
  return `<h1>${t(lang, heading)}</h1><p>${t(lang, text, params)}</p>`;
}

const RULE_ERROR: Record<PasswordRule, string> = {
  min_length: 'invite:errors.min_length',
  latin_upper: 'invite:errors.latin_upper',
  latin_lower: 'invite:errors.latin_lower',
  digit_or_special: 'invite:errors.digit_or_special',
  no_repeats: 'invite:errors.no_repeats',
};

/** Password refusals, each naming its rule, translated. */
export function passwordErrors(lang: Lang, pw: string, pw2: string): string[] {
  const specials = SPECIALS.split('').join(' ');
  const out = checkPassword(pw).failed.map((rule) =>
    t(lang, RULE_ERROR[rule], { count: PASSWORD_MIN_LENGTH, specials, group: findRepeatedGroup(pw) ?? '' }),
  );
  if (pw !== pw2) out.push(t(lang, 'invite:errors.mismatch'));
  return out;
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  return new URLSearchParams(await readBody(req, 16 * 1024));
}

export async function handleInvitePage(store: Store, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const method = req.method ?? 'GET';
  if (url.pathname === '/invite/assets/style.css' && method === 'GET') {
    res.writeHead(200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'max-age=3600', 'content-length': Buffer.byteLength(CSS) });
    res.end(CSS);
    return;
  }
  const m = /^\/invite\/([^/]+)(?:\/(register|accept))?$/.exec(url.pathname);
  const lang = pickLang(url.searchParams.get('lang'), req.headers['accept-language']);
  if (!m || (m[2] ? method !== 'POST' : method !== 'GET')) {
    req.resume();
    if (m) throw new HttpError(405, 'method_not_allowed', `${method} is not allowed here`);
    return page(res, 404, lang, url.pathname, stateBody(lang, 'not_found'));
  }
  const token = m[1] as string;
  const action = m[2];
  const self = `/invite/${token}`;
  const inv = TOKEN_RE.test(token) ? (store.q.invitationByToken.get(token) as InvitationRow | undefined) : undefined;
  const client = inv ? store.liveClient(inv.client_n) : undefined;
  if (!inv || !client) {
    req.resume();
    return page(res, inv ? 410 : 404, lang, self, stateBody(lang, inv ? 'revoked' : 'not_found'));
  }
  if (inv.state !== 'pending') {
    req.resume();
    return page(res, inv.state === 'accepted' ? 200 : 410, lang, self, stateBody(lang, inv.state === 'accepted' ? 'accepted' : 'revoked'));
  }
  if (inv.expires_at <= store.now()) {
    req.resume();
    return page(res, 410, lang, self, stateBody(lang, 'expired', inv.expires_at));
  }
  const existingDefault = /\.existing$/i.test(client.email);
  const form: Form = { inv, email: client.email, lang, token, existing: existingDefault };
  if (!action) {
    const ex = url.searchParams.get('existing');
    form.existing = ex === '1' ? true : ex === '0' ? false : existingDefault;
    return page(res, 200, lang, self, invitationBody(form));
  }
  const fields = await readForm(req);
  const pw = fields.get('password') ?? '';
  let errors: string[];
  if (action === 'register') {
    form.existing = false;
    errors = passwordErrors(lang, pw, fields.get('password2') ?? '');
  } else {
    form.existing = true;
    errors = [];
    if (!pw) errors.push(t(lang, 'invite:errors.password_required'));
    if (fields.get('confirm') !== '1') errors.push(t(lang, 'invite:errors.confirm_required'));
  }
  if (errors.length) return page(res, 422, lang, self, invitationBody({ ...form, errors }));
  const done = store.acceptInvitation(inv);
  if (!done) return page(res, 410, lang, self, stateBody(lang, 'revoked'));
  const key = action === 'register' ? 'invite:done.text' : 'invite:done.existing_text';
  const twoFa = action === 'register' ? `<p class="note">${t(lang, 'invite:two_factor')}</p>` : '';
  return page(res, 200, lang, self, `<h1>${t(lang, 'invite:done.heading')}</h1><p class="ok">${t(lang, key, { pid: done.pid, partner: PARTNER.name })}</p>${twoFa}`);
}

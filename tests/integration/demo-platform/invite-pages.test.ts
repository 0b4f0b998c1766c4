/** The invitation pages over HTTP: languages, refusals naming the rule, register and accept flows. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as P from '../../../shared/contract/platform';
import { boot, type Api } from './helpers';
import { demoControls } from '../../support/demo-controls';

let api: Api;
beforeAll(async () => {
  api = await boot({ clients: 60, allowDemoControls: true });
});
afterAll(() => api.p.stop());

async function invite(email: string): Promise<{ client: P.Client; url: string }> {
  const client = P.Client.parse((await api.post('/clients', { email })).json);
  return { client, url: await demoControls(api.p).invitationUrl(email) };
}
const form = (o: Record<string, string>) => ({ method: 'POST', body: new URLSearchParams(o) });

describe('invitation pages', () => {
  it('speaks Russian by default and from Accept-Language, English on request, with a switch link', async () => {
    const { url } = await invite('lang@example.com');
    const ru = await fetch(url, { headers: { 'accept-language': 'ru-RU,ru;q=0.9,en;q=0.8' } });
    const ruHtml = await ru.text();
    expect(ru.status).toBe(200);
    expect(ru.headers.get('content-type')).toMatch(/text\/html/);
    expect(ru.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(ruHtml).toContain('<html lang="ru">');
    expect(ruHtml).toContain('Создайте аккаунт VK Cloud');
    expect(ruHtml).toContain('?lang=en');
    expect(ruHtml).not.toMatch(/style=|<script/);
    const en = await (await fetch(url, { headers: { 'accept-language': 'en-GB,en;q=0.9' } })).text();
    expect(en).toContain('Create your VK Cloud account');
    // The two-factor note says what the documentation says: a set-up page may appear and must be done.
    expect(en).toContain('a page to turn on two-factor authentication');
    expect(en).toContain('you reach your account only once it is done');
    expect(ruHtml).toContain('страницу включения двухфакторной аутентификации');
    // The documented password policy only: no rule about which characters are allowed.
    expect(en).toContain('at least 8 characters');
    expect(en).not.toMatch(/only Latin letters/);
    expect(ruHtml).not.toMatch(/только латинские буквы/);
    const forced = await (await fetch(url + '?lang=en', { headers: { 'accept-language': 'ru' } })).text();
    expect(forced).toContain('<html lang="en">');
    const css = await fetch(api.p.url + '/invite/assets/style.css');
    expect(css.headers.get('content-type')).toMatch(/text\/css/);
  });

  it('refuses a weak password naming each failed rule, in the page language; nothing changes', async () => {
    const { client, url } = await invite('weak@example.com');
    const r = await fetch(url + '/register?lang=en', form({ password: 'aaa123123123', password2: 'aaa123123124' }));
    const html = await r.text();
    expect(r.status).toBe(422);
    expect(html).toContain('no upper-case Latin letter');
    expect(html).toContain('repeats a group of characters');
    expect(html).toContain('do not match');
    const ru = await (await fetch(url + '/register?lang=ru', form({ password: 'Пароль12', password2: 'Пароль12' }))).text();
    expect(ru).toContain('В пароле нет заглавной латинской буквы');
    expect(ru).toContain('В пароле нет строчной латинской буквы');
    expect(ru).not.toMatch(/кроме латинских букв|кириллиц/);
    const short = await (await fetch(url + '/register?lang=ru', form({ password: 'Ab1', password2: 'Ab1' }))).text();
    expect(short).toContain('Пароль короче 8 символов.');
    expect((await api.get(`/clients/${client.id}`)).json.status).toBe('invited');
  });

  it('a new user registers: active, registered_at set, a new project, through the change sequence', async () => {
    const cursor = (await api.get('/clients/changes?limit=1000')).json.next_cursor as string;
    let c = cursor;
    for (;;) {
      const a = await api.get(`/clients/changes?limit=1000&cursor=${c}`);
      if (!a.json.items.length) break;
      c = a.json.next_cursor;
    }
    const { client, url } = await invite('fresh@example.com');
    const r = await fetch(url + '/register?lang=en', form({ password: 'Secret-42x', password2: 'Secret-42x' }));
    expect(r.status).toBe(200);
    const html = await r.text();
    const pid = /mcs\d+/.exec(html)?.[0];
    expect(pid).toBeTruthy();
    expect(html).toContain('and you are its owner');
    expect(html).toContain('two-factor authentication');
    const now = P.Client.parse((await api.get(`/clients/${client.id}`)).json);
    expect(now.status).toBe('active');
    expect(now.registered_at).not.toBeNull();
    expect(now.projects_count).toBe(1);
    expect(P.ProjectsList.parse((await api.get(`/clients/${client.id}/projects`)).json).map((p) => p.pid)).toEqual([pid]);
    const changes = P.ClientChangesPage.parse((await api.get(`/clients/changes?cursor=${c}`)).json);
    expect(changes.items.filter((x) => x.id === client.id).length).toBe(1);
    expect((changes.items.find((x) => x.id === client.id) as P.Client).status).toBe('active');
    // The link now says it was used.
    const again = await fetch(url + '?lang=en');
    expect(await again.text()).toContain('already been accepted');
  });

  it('accepts a password with characters the documentation does not mention (space, Cyrillic)', async () => {
    const { client, url } = await invite('spaces@example.com');
    const r = await fetch(url + '/register?lang=en', form({ password: 'Мой Pass 2026', password2: 'Мой Pass 2026' }));
    expect(r.status).toBe(200);
    expect(P.Client.parse((await api.get(`/clients/${client.id}`)).json).status).toBe('active');
  });

  it('an existing account is warned that projects move to the partner, and accepts', async () => {
    const { client, url } = await invite('old@company.existing');
    const page = await (await fetch(url + '?lang=en')).text();
    expect(page).toContain('all your projects move to');
    expect(page).toContain('you pay only through the partner');
    const missing = await fetch(url + '/accept?lang=en', form({ password: 'x' }));
    expect(missing.status).toBe(422);
    expect(await missing.text()).toContain('Confirm that you understand');
    const ok = await fetch(url + '/accept?lang=ru', form({ password: 'whatever', confirm: '1' }));
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('вы — его владелец');
    expect((await api.get(`/clients/${client.id}`)).json.status).toBe('active');
    // Any invitation can switch to the existing-account flow.
    const other = await invite('switch@example.com');
    expect(await (await fetch(other.url + '?lang=ru&existing=1')).text()).toContain('Войдите в свой аккаунт VK Cloud');
  });

  it('expired, revoked and unknown tokens get a clear page', async () => {
    const expired = (await api.all('/invitations')).map((i) => P.Invitation.parse(i)).find((i) => i.status === 'expired') as P.Invitation;
    const email = expired.email;
    const url = await demoControls(api.p).invitationUrl(email);
    const e = await fetch(url + '?lang=en');
    expect(e.status).toBe(410);
    expect(await e.text()).toContain('This invitation has expired');
    const reg = await fetch(url + '/register?lang=en', form({ password: 'Secret-42x', password2: 'Secret-42x' }));
    expect(reg.status).toBe(410);
    const { url: u2, client } = await invite('revoked@example.com');
    const inv = (await api.all('/invitations')).map((i) => P.Invitation.parse(i)).find((i) => i.client_id === client.id) as P.Invitation;
    await api.del(`/invitations/${inv.id}`);
    const rv = await fetch(u2 + '?lang=ru');
    expect(rv.status).toBe(410);
    expect(await rv.text()).toContain('Приглашение больше не действует');
    const nf = await fetch(api.p.url + '/invite/unknown-token-123?lang=en');
    expect(nf.status).toBe(404);
    expect(await nf.text()).toContain('Invitation not found');
  });

  it('escapes what it shows', async () => {
    const { url } = await invite('"><script>x</script>@example.com');
    const html = await (await fetch(url)).text();
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
  });
});

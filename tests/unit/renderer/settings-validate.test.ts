import { describe, expect, it } from 'vitest';
import { parseIntField, presetUrl, validateConnection } from '../../../renderer/features/settings/validate';
import { FIELD_KEY } from '../../../renderer/ui/labels';
import { resources } from '../../../shared/i18n';

describe('settings form checks', () => {
  const none = { kind: 'demo' as const, hasToken: false };

  it('the demo needs nothing', () => {
    expect(validateConnection({ kind: 'demo', url: '', token: '' }, none)).toEqual({});
  });

  it('a custom address is required and must be http(s)', () => {
    expect(validateConnection({ kind: 'custom', url: '', token: 't' }, none)).toEqual({ url: 'required' });
    expect(validateConnection({ kind: 'custom', url: 'ftp://x', token: 't' }, none)).toEqual({ url: 'invalid_url' });
    expect(validateConnection({ kind: 'custom', url: 'not a url', token: 't' }, none)).toEqual({ url: 'invalid_url' });
    expect(validateConnection({ kind: 'custom', url: 'https://p.example.com', token: 't' }, none)).toEqual({});
  });

  it('plain http:// only for this computer (the token would cross the network in clear)', () => {
    expect(validateConnection({ kind: 'custom', url: 'http://p.example.com', token: 't' }, none)).toEqual({ url: 'insecure_url' });
    expect(validateConnection({ kind: 'custom', url: 'http://10.0.0.5:8787', token: 't' }, none)).toEqual({ url: 'insecure_url' });
    for (const url of ['http://127.0.0.1:8080', 'http://127.3.2.1', 'http://[::1]:8787', 'http://localhost:8787']) {
      expect(validateConnection({ kind: 'custom', url, token: 't' }, none), url).toEqual({});
    }
  });

  it('a token is required unless one is saved for the same connection', () => {
    expect(validateConnection({ kind: 'vk', url: '', token: ' ' }, none)).toEqual({ token: 'required' });
    expect(validateConnection({ kind: 'vk', url: '', token: '' }, { kind: 'vk', hasToken: true })).toEqual({});
    expect(validateConnection({ kind: 'vk_mcs', url: '', token: '' }, { kind: 'vk', hasToken: true })).toEqual({ token: 'required' });
  });

  it('knows the preset addresses', () => {
    expect(presetUrl('vk')).toBe('https://cloud.vk.com');
    expect(presetUrl('vk_mcs')).toBe('https://mcs.mail.ru');
    expect(presetUrl('custom')).toBeNull();
  });

  it('parses whole numbers in range', () => {
    expect(parseIntField('15', 1, 1440)).toEqual({ value: 15 });
    expect(parseIntField('', 1, 1440)).toEqual({ reason: 'required' });
    expect(parseIntField('1.5', 1, 1440)).toEqual({ reason: 'not_integer' });
    expect(parseIntField('0', 1, 1440)).toEqual({ reason: 'too_small' });
    expect(parseIntField('2000', 1, 1440)).toEqual({ reason: 'too_big' });
  });

  it('every reason has a translated message in both languages', () => {
    for (const reason of ['required', 'invalid_url', 'insecure_url', 'not_integer', 'too_small', 'too_big']) {
      const key = FIELD_KEY[reason];
      expect(key, reason).toBeDefined();
      const sub = (key ?? '').split(':')[1]?.split('.')[1] ?? '';
      expect((resources.en.errors as { field: Record<string, string> }).field[sub]).toBeTruthy();
      expect((resources.ru.errors as { field: Record<string, string> }).field[sub]).toBeTruthy();
    }
  });
});

describe('sync error codes', async () => {
  const { syncErrorCode } = await import('../../../renderer/ui/errors');
  it('maps the engine codes to translated errors', () => {
    expect(syncErrorCode('network')).toBe('offline');
    expect(syncErrorCode('timeout')).toBe('offline');
    expect(syncErrorCode('bad_response')).toBe('bad_response');
    expect(syncErrorCode('http_429')).toBe('rate_limited');
    expect(syncErrorCode('http_503')).toBe('platform_error');
    expect(syncErrorCode('something_new')).toBe('platform_error');
  });
});

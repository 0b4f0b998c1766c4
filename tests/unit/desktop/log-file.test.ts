/** The desktop logs never carry secrets: tokens, passwords and Authorization headers are masked. */
import { describe, expect, it } from 'vitest';
import { redactHook, redactSecrets } from '../../../electron/core/log-file';

describe('log redaction', () => {
  it.each([
    ['GET /x?token=abc123&page=2', 'GET /x?token=[redacted]&page=2'],
    ['{"token":"s3cr3t","url":"http://127.0.0.1"}', '{"token":"[redacted]","url":"http://127.0.0.1"}'],
    ['X-Access-Token: s3cr3t', 'X-Access-Token: [redacted]'],
    ['authorization: Bearer eyJhbGciOi.x.y', 'authorization: [redacted]'],
    ['sent Bearer eyJhbGciOi.x.y upstream', 'sent Bearer [redacted] upstream'],
    ["password='hunter2'", "password='[redacted]'"],
    ['nothing secret here', 'nothing secret here'],
  ])('%s', (input, output) => {
    expect(redactSecrets(input)).toBe(output);
  });

  it('masks every argument of a message, errors and objects included', () => {
    const err = new Error('refused token=abc');
    const out = redactHook({ data: ['token=x', err, { connection: { token: 'zzz' } }, 42] });
    expect(out.data[0]).toBe('token=[redacted]');
    expect(out.data[1]).toMatch(/^Error: refused token=\[redacted\]/);
    expect(out.data[2]).toBe('{"connection":{"token":"[redacted]"}}');
    expect(out.data[3]).toBe(42);
  });
});

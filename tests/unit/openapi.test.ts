import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENDPOINTS } from '../../shared/contract/endpoints';
import { OPENAPI_FILE, openApiText } from '../../scripts/openapi';

describe('openapi.json', () => {
  it('is the fresh build of the zod contract (run `npm run openapi` when this fails)', () => {
    const committed = readFileSync(OPENAPI_FILE, 'utf8');
    expect(committed === openApiText(), 'shared/contract/openapi.json is stale: run `npm run openapi` and commit it').toBe(true);
  });

  it('declares every endpoint, version 3.1', () => {
    const doc = JSON.parse(openApiText()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe('3.1.0');
    for (const ep of ENDPOINTS) expect(doc.paths[ep.path]?.[ep.method.toLowerCase()], `${ep.method} ${ep.path}`).toBeTruthy();
  });
});

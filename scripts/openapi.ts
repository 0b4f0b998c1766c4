/**
 * `npm run openapi`: builds the OpenAPI 3.1 document of the partner platform from the zod schemas
 * in shared/contract (endpoints.ts) and writes shared/contract/openapi.json (pretty, keys sorted).
 * tests/unit/openapi.test.ts fails when the committed file differs from a fresh build.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import { ENDPOINTS } from '../shared/contract/endpoints';
import { API_BASE, ErrorEnvelope } from '../shared/contract/platform';

export const OPENAPI_FILE = fileURLToPath(new URL('../shared/contract/openapi.json', import.meta.url));

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function schemaOf(s: z.ZodType, io: 'input' | 'output'): Record<string, Json> {
  const js = z.toJSONSchema(s, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, Json>;
  delete js.$schema;
  return js;
}

function sortKeys(v: Json): Json {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    const out: Record<string, Json> = {};
    for (const k of Object.keys(v).sort()) out[k] = sortKeys(v[k] as Json);
    return out;
  }
  return v;
}

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  400: 'Malformed JSON',
  401: 'Missing or wrong token',
  404: 'Not found',
  409: 'Conflict',
  413: 'Body too large',
  422: 'Validation failed (fields), bad cursor or Idempotency-Key conflict',
  429: 'Rate limited (Retry-After)',
  500: 'Internal error',
};

export function buildOpenApi(): Json {
  const paths: Record<string, Record<string, Json>> = {};
  for (const ep of ENDPOINTS) {
    const parameters: Json[] = [];
    for (const m of ep.path.matchAll(/\{(\w+)\}/g)) {
      parameters.push({ name: m[1] as string, in: 'path', required: true, schema: { type: 'string', pattern: '^[A-Za-z0-9_-]+$', maxLength: 64 } });
    }
    if (ep.query) {
      const q = schemaOf(ep.query, 'input');
      const props = (q.properties ?? {}) as Record<string, Json>;
      const required = new Set((q.required ?? []) as string[]);
      for (const [name, schema] of Object.entries(props)) parameters.push({ name, in: 'query', required: required.has(name), schema });
    }
    const write = ep.method !== 'GET';
    if (write) {
      parameters.push({
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        description: 'The same key with the same request replays the stored answer; with a different request: 422 idempotency_conflict.',
        schema: { type: 'string', minLength: 1, maxLength: 128 },
      });
    }
    const responses: Record<string, Json> = {};
    const codes = { ...ep.responses } as Record<number, z.ZodType>;
    const err = codes[500] ?? codes[422];
    if (ep.body && err) {
      codes[400] ??= err;
      codes[413] ??= err;
    }
    for (const [code, schema] of Object.entries(codes)) {
      responses[code] = {
        description: STATUS_TEXT[Number(code)] ?? 'Response',
        content: { 'application/json': { schema: schema === ErrorEnvelope ? { $ref: '#/components/schemas/ErrorEnvelope' } : schemaOf(schema, 'output') } },
      };
    }
    const op: Record<string, Json> = {
      summary: ep.summary,
      operationId: `${ep.method.toLowerCase()}${ep.path.replace(/\{(\w+)\}/g, 'By_$1').replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
      security: ep.auth ? [{ token: [] }] : [],
      responses,
    };
    if (parameters.length) op.parameters = parameters;
    if (ep.body) op.requestBody = { required: true, content: { 'application/json': { schema: schemaOf(ep.body, 'input') } } };
    (paths[ep.path] ??= {})[ep.method.toLowerCase()] = op;
  }
  return sortKeys({
    openapi: '3.1.0',
    info: {
      title: 'Partner platform API (Partner Desk wire contract)',
      version: '1',
      description: 'Generated from the zod schemas in shared/contract by `npm run openapi`. Do not edit by hand.',
    },
    servers: [{ url: API_BASE }],
    components: {
      schemas: { ErrorEnvelope: schemaOf(ErrorEnvelope, 'output') },
      securitySchemes: { token: { type: 'apiKey', in: 'header', name: 'X-Access-Token' } },
    },
    paths,
  });
}

export function openApiText(): string {
  return JSON.stringify(buildOpenApi(), null, 2) + '\n';
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(OPENAPI_FILE, openApiText());
  console.log(`wrote ${OPENAPI_FILE}`);
}

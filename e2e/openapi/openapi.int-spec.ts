import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Stack } from '../support/stack';
import { mergeOpenApi } from './merge';

const COMMITTED = resolve(__dirname, '../../apps/gateway/openapi.json');
/** Services that publish an OpenAPI document at /openapi.json. */
const DOCUMENTED_SERVICES = ['auth', 'chat', 'file', 'presence', 'search', 'voice'];

describe('merged OpenAPI document', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await Stack.start({ services: DOCUMENTED_SERVICES });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('is committed and matches what the services document (run `npm run openapi` to refresh it)', async () => {
    const documents = Object.fromEntries(
      await Promise.all(
        DOCUMENTED_SERVICES.map(async (name) => {
          const response = await fetch(`${stack.service(name).url}/openapi.json`);
          expect(response.status).toBe(200);
          return [name, await response.json()] as const;
        }),
      ),
    );
    const merged = `${JSON.stringify(mergeOpenApi(documents), null, 2)}\n`;
    if (process.env['UPDATE_OPENAPI'] === '1') writeFileSync(COMMITTED, merged);
    expect(readFileSync(COMMITTED, 'utf8')).toBe(merged);
  });
});

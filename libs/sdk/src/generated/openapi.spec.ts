import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GENERATED_PATH, generateSdkTypes } from '../../scripts/generate-types.mjs';

describe('generated OpenAPI types', () => {
  it('match apps/gateway/openapi.json', async () => {
    const expected = await generateSdkTypes();
    const committed = readFileSync(GENERATED_PATH, 'utf8');
    // Not toBe: a 14,000-line diff says less than the fix.
    expect(
      committed === expected,
      'libs/sdk/src/generated/openapi.ts is stale: run `npm run openapi` (or `node libs/sdk/scripts/generate-types.mjs` when only the SDK types lag the committed document)',
    ).toBe(true);
  }, 60_000);
});

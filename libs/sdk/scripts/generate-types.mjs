// Writes the SDK's REST types (libs/sdk/src/generated/openapi.ts) from the merged OpenAPI document
// (apps/gateway/openapi.json) with openapi-typescript. `npm run openapi` runs it right after merging;
// libs/sdk/src/generated/openapi.spec.ts fails when the committed file differs from what this produces.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import prettier from 'prettier';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const DOCUMENT_PATH = resolve(ROOT, 'apps/gateway/openapi.json');
export const GENERATED_PATH = resolve(ROOT, 'libs/sdk/src/generated/openapi.ts');

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const ERROR_REF = { $ref: '#/components/schemas/ErrorBody' };

const HEADER = `/**
 * Generated from apps/gateway/openapi.json by libs/sdk/scripts/generate-types.mjs (openapi-typescript).
 * Do not edit: run \`npm run openapi\` after changing a route.
 */
`;

/**
 * Every error answer carries the one common format (\`{ error: { code, message, details } }\`): it becomes one
 * component the error answers refer to, keeping their descriptions (the codes each status may carry).
 */
function withSharedErrorBody(document) {
  const copy = structuredClone(document);
  const errorResponses = [...Object.values(copy.components?.responses ?? {})];
  for (const item of Object.values(copy.paths ?? {})) {
    for (const method of METHODS) {
      for (const [status, response] of Object.entries(item[method]?.responses ?? {})) {
        if (status === 'default' || Number(status) >= 400) errorResponses.push(response);
      }
    }
  }
  let errorBody;
  for (const response of errorResponses) {
    const schema = response?.content?.['application/json']?.schema;
    if (schema?.properties?.error === undefined) continue;
    errorBody ??= schema;
    response.content['application/json'] = { schema: ERROR_REF };
  }
  if (errorBody) {
    copy.components = { ...copy.components, schemas: { ...copy.components?.schemas, ErrorBody: errorBody } };
  }
  return copy;
}

/** The generated file's text (formatted with the repository's prettier settings) for an OpenAPI document. */
export async function generateSdkTypes(document = JSON.parse(readFileSync(DOCUMENT_PATH, 'utf8'))) {
  const ast = await openapiTS(withSharedErrorBody(document), { silent: true });
  const source = HEADER + astToString(ast);
  const options = (await prettier.resolveConfig(GENERATED_PATH)) ?? {};
  return prettier.format(source, { ...options, filepath: GENERATED_PATH });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(GENERATED_PATH, await generateSdkTypes());
  process.stdout.write(`wrote ${GENERATED_PATH}\n`);
}

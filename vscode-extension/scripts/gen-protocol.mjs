// Generates src/protocol/index.ts from the daemon's JSON Schema (schema/json). Never edit the output by hand.
import { compile } from 'json-schema-to-typescript';
import { readFileSync, writeFileSync } from 'node:fs';

export async function generate(schemaPath) {
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
  // Compile a root that references every definition, so each becomes an exported type.
  const root = {
    title: 'JcodexProtocol',
    type: 'object',
    properties: Object.fromEntries(Object.keys(schema.definitions).map((k) => [k, { $ref: `#/definitions/${k}` }])),
    additionalProperties: false,
    definitions: schema.definitions,
  };
  const ts = await compile(root, 'JcodexProtocol', {
    bannerComment: '/* GENERATED from schema/json/jcodex-protocol.schema.json by scripts/gen-protocol.mjs. Do not edit. */',
    additionalProperties: false,
    unreachableDefinitions: true,
    strictIndexSignatures: true,
    format: true,
    style: { singleQuote: true, printWidth: 120 },
  });
  const responses = Object.entries(schema['x-responses'])
    .map(([method, ref]) => `  '${method}': ${ref.$ref.replace('#/definitions/', '')};`)
    .join('\n');
  return `${ts}\n/** Result type of each request method. */\nexport interface ResponsesByMethod {\n${responses}\n}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [schemaPath, outPath] = process.argv.slice(2);
  writeFileSync(outPath, await generate(schemaPath));
  console.log(`wrote ${outPath}`);
}

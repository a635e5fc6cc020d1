// Bundles the extension (dist/extension.js, CommonJS for VS Code's extension host, `vscode` external) and the
// vscode-free modules the node tests import (dist/*.mjs).
import { build } from 'esbuild';
const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning' };
await Promise.all([
  build({ ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', format: 'cjs', external: ['vscode'] }),
  build({ ...common, entryPoints: ['src/client/index.ts'], outfile: 'dist/client.mjs', format: 'esm' }),
  build({ ...common, entryPoints: ['src/review/unifiedDiff.ts'], outfile: 'dist/unifiedDiff.mjs', format: 'esm' }),
]);

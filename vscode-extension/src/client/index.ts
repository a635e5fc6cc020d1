// The protocol client's public surface (no `vscode` import; used by the extension and the node tests).
export * from './rpc';
export * from './appServer';
export * from './followUp';

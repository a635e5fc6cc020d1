package dev.jcodex.protocol.v2;

/** externalAgentConfig/import/readHistories takes no params. */
public record ExternalAgentConfigImportHistoriesReadParams() {}

package dev.jcodex.appserver.handlers;

import dev.jcodex.appserver.rpc.Dispatcher;
import dev.jcodex.protocol.ClientRequests;
import dev.jcodex.protocol.v2.ExternalAgentConfigImportHistoriesReadResponse;
import java.util.List;

/**
 * Importing another agent's config and history (Claude Code …), tier C. jcodex has no importer: it has imported
 * nothing (no histories), and detect, import and recording a history are -32600. Detect is refused rather than
 * answered empty: "nothing found" would be false on a machine that has another agent's config.
 */
public final class ExternalAgentImportHandler {
    static final String IMPORT = "external-agent config import";

    public void register(Dispatcher d) {
        d.on(ClientRequests.EXTERNAL_AGENT_CONFIG_IMPORT_READ_HISTORIES, (c, p) ->
                new ExternalAgentConfigImportHistoriesReadResponse(List.of(), List.of()));
        d.on(ClientRequests.EXTERNAL_AGENT_CONFIG_DETECT, (c, p) -> { throw AbsentFeature.error("externalAgentConfig/detect", IMPORT); });
        d.on(ClientRequests.EXTERNAL_AGENT_CONFIG_IMPORT, (c, p) -> { throw AbsentFeature.error("externalAgentConfig/import", IMPORT); });
        d.on(ClientRequests.EXTERNAL_AGENT_CONFIG_IMPORT_RECORD_HISTORY, (c, p) -> {
            throw AbsentFeature.error("externalAgentConfig/import/recordHistory", IMPORT);
        });
    }
}

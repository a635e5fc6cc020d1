package dev.jcodex.protocol;

import dev.jcodex.protocol.serverrequest.ApprovalDecisionResponse;
import dev.jcodex.protocol.serverrequest.CommandExecutionRequestApprovalParams;
import dev.jcodex.protocol.serverrequest.FileChangeRequestApprovalParams;
import dev.jcodex.protocol.serverrequest.McpServerElicitationRequestParams;
import dev.jcodex.protocol.serverrequest.McpServerElicitationRequestResponse;
import dev.jcodex.protocol.serverrequest.PermissionsRequestApprovalParams;
import dev.jcodex.protocol.serverrequest.PermissionsRequestApprovalResponse;
import dev.jcodex.protocol.serverrequest.ToolRequestUserInputParams;
import dev.jcodex.protocol.serverrequest.ToolRequestUserInputResponse;
import java.util.List;

/** The server → client request table (requests the daemon sends and awaits). */
public final class ServerRequests {
    private ServerRequests() {}

    public static final RequestMethod<CommandExecutionRequestApprovalParams, ApprovalDecisionResponse>
            COMMAND_EXECUTION_APPROVAL = new RequestMethod<>("item/commandExecution/requestApproval",
                    CommandExecutionRequestApprovalParams.class, ApprovalDecisionResponse.class);
    public static final RequestMethod<FileChangeRequestApprovalParams, ApprovalDecisionResponse>
            FILE_CHANGE_APPROVAL = new RequestMethod<>("item/fileChange/requestApproval",
                    FileChangeRequestApprovalParams.class, ApprovalDecisionResponse.class);

    public static final RequestMethod<McpServerElicitationRequestParams, McpServerElicitationRequestResponse>
            MCP_SERVER_ELICITATION = new RequestMethod<>("mcpServer/elicitation/request",
                    McpServerElicitationRequestParams.class, McpServerElicitationRequestResponse.class);

    public static final RequestMethod<ToolRequestUserInputParams, ToolRequestUserInputResponse>
            TOOL_REQUEST_USER_INPUT = new RequestMethod<>("item/tool/requestUserInput",
                    ToolRequestUserInputParams.class, ToolRequestUserInputResponse.class);

    public static final RequestMethod<PermissionsRequestApprovalParams, PermissionsRequestApprovalResponse>
            PERMISSIONS_APPROVAL = new RequestMethod<>("item/permissions/requestApproval",
                    PermissionsRequestApprovalParams.class, PermissionsRequestApprovalResponse.class);

    public static final List<RequestMethod<?, ?>> ALL = List.of(COMMAND_EXECUTION_APPROVAL, FILE_CHANGE_APPROVAL,
            MCP_SERVER_ELICITATION, TOOL_REQUEST_USER_INPUT, PERMISSIONS_APPROVAL);
}

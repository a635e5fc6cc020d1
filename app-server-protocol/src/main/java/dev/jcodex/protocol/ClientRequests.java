package dev.jcodex.protocol;

import dev.jcodex.protocol.v2.ConfigBatchWriteParams;
import dev.jcodex.protocol.v2.ConfigReadParams;
import dev.jcodex.protocol.v2.ConfigReadResponse;
import dev.jcodex.protocol.v2.ConfigValueWriteParams;
import dev.jcodex.protocol.v2.ConfigWriteResponse;
import dev.jcodex.protocol.v2.EmptyResponse;
import dev.jcodex.protocol.v2.GetAccountParams;
import dev.jcodex.protocol.v2.GetAccountResponse;
import dev.jcodex.protocol.v2.GetAuthStatusParams;
import dev.jcodex.protocol.v2.GetAuthStatusResponse;
import dev.jcodex.protocol.v2.LoginAccountParams;
import dev.jcodex.protocol.v2.LoginAccountResponse;
import dev.jcodex.protocol.v2.ModelListParams;
import dev.jcodex.protocol.v2.ModelListResponse;
import dev.jcodex.protocol.v2.*;
import dev.jcodex.protocol.v2.InitializeParams;
import dev.jcodex.protocol.v2.InitializeResponse;
import dev.jcodex.protocol.v2.ListMcpServerStatusParams;
import dev.jcodex.protocol.v2.ListMcpServerStatusResponse;
import dev.jcodex.protocol.v2.ThreadStartParams;
import dev.jcodex.protocol.v2.ThreadStartResponse;
import dev.jcodex.protocol.v2.TurnInterruptParams;
import dev.jcodex.protocol.v2.TurnStartParams;
import dev.jcodex.protocol.v2.TurnStartResponse;
import dev.jcodex.protocol.v2.TurnSteerParams;
import dev.jcodex.protocol.v2.TurnSteerResponse;
import java.util.List;

/** The client → server request table: the schema's ClientRequest union and the daemon's dispatch key. */
public final class ClientRequests {
    private ClientRequests() {}

    public static final RequestMethod<InitializeParams, InitializeResponse> INITIALIZE =
            new RequestMethod<>("initialize", InitializeParams.class, InitializeResponse.class);
    public static final RequestMethod<ThreadStartParams, ThreadStartResponse> THREAD_START =
            new RequestMethod<>("thread/start", ThreadStartParams.class, ThreadStartResponse.class);
    public static final RequestMethod<TurnStartParams, TurnStartResponse> TURN_START =
            new RequestMethod<>("turn/start", TurnStartParams.class, TurnStartResponse.class);
    public static final RequestMethod<TurnInterruptParams, EmptyResponse> TURN_INTERRUPT =
            new RequestMethod<>("turn/interrupt", TurnInterruptParams.class, EmptyResponse.class);
    public static final RequestMethod<TurnSteerParams, TurnSteerResponse> TURN_STEER =
            new RequestMethod<>("turn/steer", TurnSteerParams.class, TurnSteerResponse.class);

    public static final RequestMethod<ConfigReadParams, ConfigReadResponse> CONFIG_READ =
            new RequestMethod<>("config/read", ConfigReadParams.class, ConfigReadResponse.class);
    public static final RequestMethod<ConfigValueWriteParams, ConfigWriteResponse> CONFIG_VALUE_WRITE =
            new RequestMethod<>("config/value/write", ConfigValueWriteParams.class, ConfigWriteResponse.class);
    public static final RequestMethod<ConfigBatchWriteParams, ConfigWriteResponse> CONFIG_BATCH_WRITE =
            new RequestMethod<>("config/batchWrite", ConfigBatchWriteParams.class, ConfigWriteResponse.class);
    public static final RequestMethod<ModelListParams, ModelListResponse> MODEL_LIST =
            new RequestMethod<>("model/list", ModelListParams.class, ModelListResponse.class);
    public static final RequestMethod<GetAccountParams, GetAccountResponse> ACCOUNT_READ =
            new RequestMethod<>("account/read", GetAccountParams.class, GetAccountResponse.class);
    public static final RequestMethod<LoginAccountParams, LoginAccountResponse> ACCOUNT_LOGIN_START =
            new RequestMethod<>("account/login/start", LoginAccountParams.class, LoginAccountResponse.class);
    public static final RequestMethod<GetAuthStatusParams, GetAuthStatusResponse> GET_AUTH_STATUS =
            new RequestMethod<>("getAuthStatus", GetAuthStatusParams.class, GetAuthStatusResponse.class);
    public static final RequestMethod<LogoutAccountParams, EmptyResponse> ACCOUNT_LOGOUT =
            new RequestMethod<>("account/logout", LogoutAccountParams.class, EmptyResponse.class);
    public static final RequestMethod<CancelLoginAccountParams, CancelLoginAccountResponse> ACCOUNT_LOGIN_CANCEL =
            new RequestMethod<>("account/login/cancel", CancelLoginAccountParams.class, CancelLoginAccountResponse.class);
    public static final RequestMethod<GetAccountRateLimitsParams, GetAccountRateLimitsResponse> ACCOUNT_RATE_LIMITS_READ =
            new RequestMethod<>("account/rateLimits/read", GetAccountRateLimitsParams.class,
                    GetAccountRateLimitsResponse.class);
    public static final RequestMethod<ConfigRequirementsReadParams, ConfigRequirementsReadResponse> CONFIG_REQUIREMENTS_READ =
            new RequestMethod<>("configRequirements/read", ConfigRequirementsReadParams.class,
                    ConfigRequirementsReadResponse.class);
    public static final RequestMethod<PermissionProfileListParams, PermissionProfileListResponse> PERMISSION_PROFILE_LIST =
            new RequestMethod<>("permissionProfile/list", PermissionProfileListParams.class,
                    PermissionProfileListResponse.class);
    public static final RequestMethod<ModelProviderDefaultSetParams, ConfigWriteResponse> MODEL_PROVIDER_DEFAULT_SET =
            new RequestMethod<>("modelProvider/default/set", ModelProviderDefaultSetParams.class, ConfigWriteResponse.class);
    public static final RequestMethod<ListMcpServerStatusParams, ListMcpServerStatusResponse> MCP_SERVER_STATUS_LIST =
            new RequestMethod<>("mcpServerStatus/list", ListMcpServerStatusParams.class, ListMcpServerStatusResponse.class);


    // ---- utility methods (no thread): processes, files, search, skills, MCP status ----
    public static final RequestMethod<CommandExecParams, CommandExecResponse> COMMAND_EXEC =
            new RequestMethod<>("command/exec", CommandExecParams.class, CommandExecResponse.class);
    public static final RequestMethod<CommandExecWriteParams, EmptyResponse> COMMAND_EXEC_WRITE =
            new RequestMethod<>("command/exec/write", CommandExecWriteParams.class, EmptyResponse.class);
    public static final RequestMethod<CommandExecTerminateParams, EmptyResponse> COMMAND_EXEC_TERMINATE =
            new RequestMethod<>("command/exec/terminate", CommandExecTerminateParams.class, EmptyResponse.class);
    public static final RequestMethod<CommandExecResizeParams, EmptyResponse> COMMAND_EXEC_RESIZE =
            new RequestMethod<>("command/exec/resize", CommandExecResizeParams.class, EmptyResponse.class);
    public static final RequestMethod<FsPathParams, FsReadFileResponse> FS_READ_FILE =
            new RequestMethod<>("fs/readFile", FsPathParams.class, FsReadFileResponse.class);
    public static final RequestMethod<FsWriteFileParams, EmptyResponse> FS_WRITE_FILE =
            new RequestMethod<>("fs/writeFile", FsWriteFileParams.class, EmptyResponse.class);
    public static final RequestMethod<FsCreateDirectoryParams, EmptyResponse> FS_CREATE_DIRECTORY =
            new RequestMethod<>("fs/createDirectory", FsCreateDirectoryParams.class, EmptyResponse.class);
    public static final RequestMethod<FsPathParams, FsGetMetadataResponse> FS_GET_METADATA =
            new RequestMethod<>("fs/getMetadata", FsPathParams.class, FsGetMetadataResponse.class);
    public static final RequestMethod<FsPathParams, FsReadDirectoryResponse> FS_READ_DIRECTORY =
            new RequestMethod<>("fs/readDirectory", FsPathParams.class, FsReadDirectoryResponse.class);
    public static final RequestMethod<FsRemoveParams, EmptyResponse> FS_REMOVE =
            new RequestMethod<>("fs/remove", FsRemoveParams.class, EmptyResponse.class);
    public static final RequestMethod<FsCopyParams, EmptyResponse> FS_COPY =
            new RequestMethod<>("fs/copy", FsCopyParams.class, EmptyResponse.class);
    public static final RequestMethod<FsWatchParams, FsWatchResponse> FS_WATCH =
            new RequestMethod<>("fs/watch", FsWatchParams.class, FsWatchResponse.class);
    public static final RequestMethod<FsUnwatchParams, EmptyResponse> FS_UNWATCH =
            new RequestMethod<>("fs/unwatch", FsUnwatchParams.class, EmptyResponse.class);
    public static final RequestMethod<FuzzyFileSearchParams, FuzzyFileSearchResponse> FUZZY_FILE_SEARCH =
            new RequestMethod<>("fuzzyFileSearch", FuzzyFileSearchParams.class, FuzzyFileSearchResponse.class);
    public static final RequestMethod<SkillsListParams, SkillsListResponse> SKILLS_LIST =
            new RequestMethod<>("skills/list", SkillsListParams.class, SkillsListResponse.class);


    // ---- saved threads (persistence) ----
    public static final RequestMethod<ThreadListParams, ThreadListResponse> THREAD_LIST =
            new RequestMethod<>("thread/list", ThreadListParams.class, ThreadListResponse.class);
    public static final RequestMethod<ThreadReadParams, ThreadReadResponse> THREAD_READ =
            new RequestMethod<>("thread/read", ThreadReadParams.class, ThreadReadResponse.class);
    public static final RequestMethod<ThreadResumeParams, ThreadStartResponse> THREAD_RESUME =
            new RequestMethod<>("thread/resume", ThreadResumeParams.class, ThreadStartResponse.class);
    public static final RequestMethod<ThreadForkParams, ThreadStartResponse> THREAD_FORK =
            new RequestMethod<>("thread/fork", ThreadForkParams.class, ThreadStartResponse.class);
    public static final RequestMethod<ThreadIdParams, EmptyResponse> THREAD_ARCHIVE =
            new RequestMethod<>("thread/archive", ThreadIdParams.class, EmptyResponse.class);
    public static final RequestMethod<ThreadIdParams, ThreadUnarchiveResponse> THREAD_UNARCHIVE =
            new RequestMethod<>("thread/unarchive", ThreadIdParams.class, ThreadUnarchiveResponse.class);
    public static final RequestMethod<ThreadSetNameParams, EmptyResponse> THREAD_NAME_SET =
            new RequestMethod<>("thread/name/set", ThreadSetNameParams.class, EmptyResponse.class);
    public static final RequestMethod<ThreadLoadedListParams, ThreadLoadedListResponse> THREAD_LOADED_LIST =
            new RequestMethod<>("thread/loaded/list", ThreadLoadedListParams.class, ThreadLoadedListResponse.class);
    public static final RequestMethod<ThreadIdParams, ThreadUnsubscribeResponse> THREAD_UNSUBSCRIBE =
            new RequestMethod<>("thread/unsubscribe", ThreadIdParams.class, ThreadUnsubscribeResponse.class);

    // ---- review mode and user shell commands ----
    public static final RequestMethod<ReviewStartParams, ReviewStartResponse> REVIEW_START =
            new RequestMethod<>("review/start", ReviewStartParams.class, ReviewStartResponse.class);
    public static final RequestMethod<ThreadShellCommandParams, EmptyResponse> THREAD_SHELL_COMMAND =
            new RequestMethod<>("thread/shellCommand", ThreadShellCommandParams.class, EmptyResponse.class);

    public static final RequestMethod<ThreadIdParams, EmptyResponse> THREAD_COMPACT_START =
            new RequestMethod<>("thread/compact/start", ThreadIdParams.class, EmptyResponse.class);
    public static final List<RequestMethod<?, ?>> ALL = List.of(INITIALIZE, THREAD_START, TURN_START, TURN_INTERRUPT,
            CONFIG_READ, CONFIG_VALUE_WRITE, CONFIG_BATCH_WRITE, MODEL_LIST, ACCOUNT_READ, ACCOUNT_LOGIN_START,
            GET_AUTH_STATUS, ACCOUNT_LOGOUT, ACCOUNT_LOGIN_CANCEL, ACCOUNT_RATE_LIMITS_READ, CONFIG_REQUIREMENTS_READ,
            PERMISSION_PROFILE_LIST, MODEL_PROVIDER_DEFAULT_SET,
            COMMAND_EXEC, COMMAND_EXEC_WRITE, COMMAND_EXEC_TERMINATE, COMMAND_EXEC_RESIZE, FS_READ_FILE, FS_WRITE_FILE,
            FS_CREATE_DIRECTORY, FS_GET_METADATA, FS_READ_DIRECTORY, FS_REMOVE, FS_COPY, FS_WATCH, FS_UNWATCH,
            FUZZY_FILE_SEARCH, SKILLS_LIST, MCP_SERVER_STATUS_LIST,
            THREAD_LIST, THREAD_READ, THREAD_RESUME, THREAD_FORK, THREAD_ARCHIVE, THREAD_UNARCHIVE,
            THREAD_NAME_SET, THREAD_LOADED_LIST, THREAD_UNSUBSCRIBE, TURN_STEER,
            REVIEW_START, THREAD_SHELL_COMMAND, THREAD_COMPACT_START);
}

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
    public static final RequestMethod<ThreadResumeParams, ThreadResumeResponse> THREAD_RESUME =
            new RequestMethod<>("thread/resume", ThreadResumeParams.class, ThreadResumeResponse.class);
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
    public static final RequestMethod<ThreadTurnsListParams, ThreadTurnsListResponse> THREAD_TURNS_LIST =
            new RequestMethod<>("thread/turns/list", ThreadTurnsListParams.class, ThreadTurnsListResponse.class);
    public static final RequestMethod<ThreadItemsListParams, ThreadItemsListResponse> THREAD_ITEMS_LIST =
            new RequestMethod<>("thread/items/list", ThreadItemsListParams.class, ThreadItemsListResponse.class);
    public static final RequestMethod<ThreadRevertParams, ThreadRevertResponse> THREAD_REVERT =
            new RequestMethod<>("thread/revert", ThreadRevertParams.class, ThreadRevertResponse.class);
    public static final RequestMethod<ThreadIdParams, EmptyResponse> THREAD_DELETE =
            new RequestMethod<>("thread/delete", ThreadIdParams.class, EmptyResponse.class);
    public static final RequestMethod<ThreadMetadataUpdateParams, ThreadMetadataUpdateResponse> THREAD_METADATA_UPDATE =
            new RequestMethod<>("thread/metadata/update", ThreadMetadataUpdateParams.class, ThreadMetadataUpdateResponse.class);

    // ---- review mode and user shell commands ----
    public static final RequestMethod<ReviewStartParams, ReviewStartResponse> REVIEW_START =
            new RequestMethod<>("review/start", ReviewStartParams.class, ReviewStartResponse.class);
    public static final RequestMethod<ThreadShellCommandParams, EmptyResponse> THREAD_SHELL_COMMAND =
            new RequestMethod<>("thread/shellCommand", ThreadShellCommandParams.class, EmptyResponse.class);

    public static final RequestMethod<ThreadIdParams, EmptyResponse> THREAD_COMPACT_START =
            new RequestMethod<>("thread/compact/start", ThreadIdParams.class, EmptyResponse.class);

    // ---- tier C: desktop sections and attachments, plugins/marketplaces/apps, ChatGPT-account extras,
    //      external-agent import, guardian, Windows sandbox: the features jcodex lacks; each answers the truth
    //      (an empty list, null, or -32600 naming the feature; README "Tier C") ----
    public static final RequestMethod<ThreadSectionListParams, ThreadSectionListResponse> THREAD_SECTION_LIST =
            new RequestMethod<>("threadSection/list", ThreadSectionListParams.class, ThreadSectionListResponse.class);
    public static final RequestMethod<ThreadSectionCreateParams, FeatureAbsentResult> THREAD_SECTION_CREATE =
            new RequestMethod<>("threadSection/create", ThreadSectionCreateParams.class, FeatureAbsentResult.class);
    public static final RequestMethod<ThreadSectionUpdateParams, FeatureAbsentResult> THREAD_SECTION_UPDATE =
            new RequestMethod<>("threadSection/update", ThreadSectionUpdateParams.class, FeatureAbsentResult.class);
    public static final RequestMethod<ThreadSectionDeleteParams, FeatureAbsentResult> THREAD_SECTION_DELETE =
            new RequestMethod<>("threadSection/delete", ThreadSectionDeleteParams.class, FeatureAbsentResult.class);
    public static final RequestMethod<ThreadSectionMoveParams, FeatureAbsentResult> THREAD_SECTION_MOVE =
            new RequestMethod<>("thread/section/move", ThreadSectionMoveParams.class, FeatureAbsentResult.class);
    public static final RequestMethod<ThreadAttachmentAddParams, FeatureAbsentResult> THREAD_ATTACHMENT_ADD =
            new RequestMethod<>("thread/attachment/add", ThreadAttachmentAddParams.class, FeatureAbsentResult.class);
    public static final RequestMethod<ThreadAttachmentListParams, ThreadAttachmentListResponse> THREAD_ATTACHMENT_LIST =
            new RequestMethod<>("thread/attachment/list", ThreadAttachmentListParams.class, ThreadAttachmentListResponse.class);
    public static final RequestMethod<ThreadAttachmentRemoveParams, FeatureAbsentResult> THREAD_ATTACHMENT_REMOVE =
            new RequestMethod<>("thread/attachment/remove", ThreadAttachmentRemoveParams.class, FeatureAbsentResult.class);
    public static final RequestMethod<ThreadAttachmentOwnerListParams, ThreadAttachmentOwnerListResponse> THREAD_ATTACHMENT_OWNER_LIST =
            new RequestMethod<>("thread/attachmentOwner/list", ThreadAttachmentOwnerListParams.class, ThreadAttachmentOwnerListResponse.class);
    public static final RequestMethod<PluginListParams, PluginListResponse> PLUGIN_LIST =
            new RequestMethod<>("plugin/list", PluginListParams.class, PluginListResponse.class);
    public static final RequestMethod<PluginInstalledParams, PluginInstalledResponse> PLUGIN_INSTALLED =
            new RequestMethod<>("plugin/installed", PluginInstalledParams.class, PluginInstalledResponse.class);
    public static final RequestMethod<PluginReadParams, FeatureAbsentResult> PLUGIN_READ =
            new RequestMethod<>("plugin/read", PluginReadParams.class, FeatureAbsentResult.class);
    public static final RequestMethod<PluginInstallParams, FeatureAbsentResult> PLUGIN_INSTALL =
            new RequestMethod<>("plugin/install", PluginInstallParams.class, FeatureAbsentResult.class);
    public static final RequestMethod<PluginUninstallParams, FeatureAbsentResult> PLUGIN_UNINSTALL =
            new RequestMethod<>("plugin/uninstall", PluginUninstallParams.class, FeatureAbsentResult.class);
    public static final RequestMethod<PluginReconcileParams, PluginReconcileResponse> PLUGIN_RECONCILE =
            new RequestMethod<>("plugin/reconcile", PluginReconcileParams.class, PluginReconcileResponse.class);
    public static final RequestMethod<PluginSkillReadParams, FeatureAbsentResult> PLUGIN_SKILL_READ =
            new RequestMethod<>("plugin/skill/read", PluginSkillReadParams.class, FeatureAbsentResult.class);
    public static final RequestMethod<PluginShareSaveParams, FeatureAbsentResult> PLUGIN_SHARE_SAVE =
            new RequestMethod<>("plugin/share/save", PluginShareSaveParams.class, FeatureAbsentResult.class);
    public static final RequestMethod<PluginShareUpdateTargetsParams, FeatureAbsentResult> PLUGIN_SHARE_UPDATE_TARGETS =
            new RequestMethod<>("plugin/share/updateTargets", PluginShareUpdateTargetsParams.class, FeatureAbsentResult.class);
    public static final RequestMethod<PluginShareListParams, PluginShareListResponse> PLUGIN_SHARE_LIST =
            new RequestMethod<>("plugin/share/list", PluginShareListParams.class, PluginShareListResponse.class);
    public static final RequestMethod<PluginShareCheckoutParams, FeatureAbsentResult> PLUGIN_SHARE_CHECKOUT =
            new RequestMethod<>("plugin/share/checkout", PluginShareCheckoutParams.class, FeatureAbsentResult.class);
    public static final RequestMethod<PluginShareDeleteParams, FeatureAbsentResult> PLUGIN_SHARE_DELETE =
            new RequestMethod<>("plugin/share/delete", PluginShareDeleteParams.class, FeatureAbsentResult.class);
    public static final RequestMethod<MarketplaceAddParams, FeatureAbsentResult> MARKETPLACE_ADD =
            new RequestMethod<>("marketplace/add", MarketplaceAddParams.class, FeatureAbsentResult.class);
    public static final RequestMethod<MarketplaceRemoveParams, FeatureAbsentResult> MARKETPLACE_REMOVE =
            new RequestMethod<>("marketplace/remove", MarketplaceRemoveParams.class, FeatureAbsentResult.class);
    public static final RequestMethod<MarketplaceUpgradeParams, MarketplaceUpgradeResponse> MARKETPLACE_UPGRADE =
            new RequestMethod<>("marketplace/upgrade", MarketplaceUpgradeParams.class, MarketplaceUpgradeResponse.class);
    public static final RequestMethod<AppsListParams, AppsListResponse> APP_LIST =
            new RequestMethod<>("app/list", AppsListParams.class, AppsListResponse.class);
    public static final RequestMethod<AppsReadParams, AppsReadResponse> APP_READ =
            new RequestMethod<>("app/read", AppsReadParams.class, AppsReadResponse.class);
    public static final RequestMethod<AppsInstalledParams, AppsInstalledResponse> APP_INSTALLED =
            new RequestMethod<>("app/installed", AppsInstalledParams.class, AppsInstalledResponse.class);
    public static final RequestMethod<GatewayOAuthReadParams, FeatureAbsentResult> ACCOUNT_GATEWAY_OAUTH_READ =
            new RequestMethod<>("account/gatewayOAuth/read", GatewayOAuthReadParams.class, FeatureAbsentResult.class);
    public static final RequestMethod<GatewayOAuthLoginParams, FeatureAbsentResult> ACCOUNT_GATEWAY_OAUTH_LOGIN =
            new RequestMethod<>("account/gatewayOAuth/login", GatewayOAuthLoginParams.class, FeatureAbsentResult.class);
    public static final RequestMethod<GatewayOAuthCancelParams, FeatureAbsentResult> ACCOUNT_GATEWAY_OAUTH_CANCEL =
            new RequestMethod<>("account/gatewayOAuth/cancel", GatewayOAuthCancelParams.class, FeatureAbsentResult.class);
    public static final RequestMethod<GetAccountSecuritySetupParams, GetAccountSecuritySetupResponse> ACCOUNT_SECURITY_SETUP_READ =
            new RequestMethod<>("account/securitySetup/read", GetAccountSecuritySetupParams.class, GetAccountSecuritySetupResponse.class);
    public static final RequestMethod<GetAccountTokenUsageParams, FeatureAbsentResult> ACCOUNT_USAGE_READ =
            new RequestMethod<>("account/usage/read", GetAccountTokenUsageParams.class, FeatureAbsentResult.class);
    public static final RequestMethod<GetWorkspaceMessagesParams, GetWorkspaceMessagesResponse> ACCOUNT_WORKSPACE_MESSAGES_READ =
            new RequestMethod<>("account/workspaceMessages/read", GetWorkspaceMessagesParams.class, GetWorkspaceMessagesResponse.class);
    public static final RequestMethod<ConsumeAccountRateLimitResetCreditParams, FeatureAbsentResult> ACCOUNT_RATE_LIMIT_RESET_CREDIT_CONSUME =
            new RequestMethod<>("account/rateLimitResetCredit/consume", ConsumeAccountRateLimitResetCreditParams.class, FeatureAbsentResult.class);
    public static final RequestMethod<SendAddCreditsNudgeEmailParams, FeatureAbsentResult> ACCOUNT_SEND_ADD_CREDITS_NUDGE_EMAIL =
            new RequestMethod<>("account/sendAddCreditsNudgeEmail", SendAddCreditsNudgeEmailParams.class, FeatureAbsentResult.class);
    public static final RequestMethod<ExternalAgentConfigDetectParams, FeatureAbsentResult> EXTERNAL_AGENT_CONFIG_DETECT =
            new RequestMethod<>("externalAgentConfig/detect", ExternalAgentConfigDetectParams.class, FeatureAbsentResult.class);
    public static final RequestMethod<ExternalAgentConfigImportParams, FeatureAbsentResult> EXTERNAL_AGENT_CONFIG_IMPORT =
            new RequestMethod<>("externalAgentConfig/import", ExternalAgentConfigImportParams.class, FeatureAbsentResult.class);
    public static final RequestMethod<ExternalAgentConfigImportHistoryRecordParams, FeatureAbsentResult> EXTERNAL_AGENT_CONFIG_IMPORT_RECORD_HISTORY =
            new RequestMethod<>("externalAgentConfig/import/recordHistory", ExternalAgentConfigImportHistoryRecordParams.class, FeatureAbsentResult.class);
    public static final RequestMethod<ExternalAgentConfigImportHistoriesReadParams, ExternalAgentConfigImportHistoriesReadResponse> EXTERNAL_AGENT_CONFIG_IMPORT_READ_HISTORIES =
            new RequestMethod<>("externalAgentConfig/import/readHistories", ExternalAgentConfigImportHistoriesReadParams.class, ExternalAgentConfigImportHistoriesReadResponse.class);
    public static final RequestMethod<ThreadApproveGuardianDeniedActionParams, FeatureAbsentResult> THREAD_APPROVE_GUARDIAN_DENIED_ACTION =
            new RequestMethod<>("thread/approveGuardianDeniedAction", ThreadApproveGuardianDeniedActionParams.class, FeatureAbsentResult.class);
    public static final RequestMethod<WindowsSandboxReadinessParams, FeatureAbsentResult> WINDOWS_SANDBOX_READINESS =
            new RequestMethod<>("windowsSandbox/readiness", WindowsSandboxReadinessParams.class, FeatureAbsentResult.class);
    public static final RequestMethod<WindowsSandboxSetupStartParams, FeatureAbsentResult> WINDOWS_SANDBOX_SETUP_START =
            new RequestMethod<>("windowsSandbox/setupStart", WindowsSandboxSetupStartParams.class, FeatureAbsentResult.class);
    /** The tier C methods, in the order above. */
    public static final List<RequestMethod<?, ?>> TIER_C = List.of(
            THREAD_SECTION_LIST, THREAD_SECTION_CREATE, THREAD_SECTION_UPDATE, THREAD_SECTION_DELETE, THREAD_SECTION_MOVE, THREAD_ATTACHMENT_ADD, THREAD_ATTACHMENT_LIST, THREAD_ATTACHMENT_REMOVE, THREAD_ATTACHMENT_OWNER_LIST, PLUGIN_LIST, PLUGIN_INSTALLED, PLUGIN_READ, PLUGIN_INSTALL, PLUGIN_UNINSTALL, PLUGIN_RECONCILE, PLUGIN_SKILL_READ, PLUGIN_SHARE_SAVE, PLUGIN_SHARE_UPDATE_TARGETS, PLUGIN_SHARE_LIST, PLUGIN_SHARE_CHECKOUT, PLUGIN_SHARE_DELETE, MARKETPLACE_ADD, MARKETPLACE_REMOVE, MARKETPLACE_UPGRADE, APP_LIST, APP_READ, APP_INSTALLED, ACCOUNT_GATEWAY_OAUTH_READ, ACCOUNT_GATEWAY_OAUTH_LOGIN, ACCOUNT_GATEWAY_OAUTH_CANCEL, ACCOUNT_SECURITY_SETUP_READ, ACCOUNT_USAGE_READ, ACCOUNT_WORKSPACE_MESSAGES_READ, ACCOUNT_RATE_LIMIT_RESET_CREDIT_CONSUME, ACCOUNT_SEND_ADD_CREDITS_NUDGE_EMAIL, EXTERNAL_AGENT_CONFIG_DETECT, EXTERNAL_AGENT_CONFIG_IMPORT, EXTERNAL_AGENT_CONFIG_IMPORT_RECORD_HISTORY, EXTERNAL_AGENT_CONFIG_IMPORT_READ_HISTORIES, THREAD_APPROVE_GUARDIAN_DENIED_ACTION, WINDOWS_SANDBOX_READINESS, WINDOWS_SANDBOX_SETUP_START);

    public static final List<RequestMethod<?, ?>> ALL = concat(List.of(INITIALIZE, THREAD_START, TURN_START, TURN_INTERRUPT,
            CONFIG_READ, CONFIG_VALUE_WRITE, CONFIG_BATCH_WRITE, MODEL_LIST, ACCOUNT_READ, ACCOUNT_LOGIN_START,
            GET_AUTH_STATUS, ACCOUNT_LOGOUT, ACCOUNT_LOGIN_CANCEL, ACCOUNT_RATE_LIMITS_READ, CONFIG_REQUIREMENTS_READ,
            PERMISSION_PROFILE_LIST, MODEL_PROVIDER_DEFAULT_SET,
            COMMAND_EXEC, COMMAND_EXEC_WRITE, COMMAND_EXEC_TERMINATE, COMMAND_EXEC_RESIZE, FS_READ_FILE, FS_WRITE_FILE,
            FS_CREATE_DIRECTORY, FS_GET_METADATA, FS_READ_DIRECTORY, FS_REMOVE, FS_COPY, FS_WATCH, FS_UNWATCH,
            FUZZY_FILE_SEARCH, SKILLS_LIST, MCP_SERVER_STATUS_LIST,
            THREAD_LIST, THREAD_READ, THREAD_RESUME, THREAD_FORK, THREAD_ARCHIVE, THREAD_UNARCHIVE,
            THREAD_NAME_SET, THREAD_LOADED_LIST, THREAD_UNSUBSCRIBE, TURN_STEER,
            REVIEW_START, THREAD_SHELL_COMMAND, THREAD_COMPACT_START,
            THREAD_TURNS_LIST, THREAD_ITEMS_LIST, THREAD_REVERT, THREAD_DELETE, THREAD_METADATA_UPDATE),
            TIER_C);

    private static List<RequestMethod<?, ?>> concat(List<RequestMethod<?, ?>> a, List<RequestMethod<?, ?>> b) {
        List<RequestMethod<?, ?>> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}

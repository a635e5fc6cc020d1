/* GENERATED from schema/json/jcodex-protocol.schema.json by scripts/gen-protocol.mjs. Do not edit. */

/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ClientRequest".
 */
export type ClientRequest =
  | InitializeRequest
  | ThreadStartRequest
  | TurnStartRequest
  | TurnInterruptRequest
  | ConfigReadRequest
  | ConfigValueWriteRequest
  | ConfigBatchWriteRequest
  | ModelListRequest
  | AccountReadRequest
  | AccountLoginStartRequest
  | GetAuthStatusRequest
  | AccountLogoutRequest
  | AccountLoginCancelRequest
  | AccountRateLimitsReadRequest
  | ConfigRequirementsReadRequest
  | PermissionProfileListRequest
  | ModelProviderDefaultSetRequest
  | CommandExecRequest
  | CommandExecWriteRequest
  | CommandExecTerminateRequest
  | CommandExecResizeRequest
  | FsReadFileRequest
  | FsWriteFileRequest
  | FsCreateDirectoryRequest
  | FsGetMetadataRequest
  | FsReadDirectoryRequest
  | FsRemoveRequest
  | FsCopyRequest
  | FsWatchRequest
  | FsUnwatchRequest
  | FuzzyFileSearchRequest
  | SkillsListRequest
  | McpServerStatusListRequest
  | ThreadListRequest
  | ThreadReadRequest
  | ThreadResumeRequest
  | ThreadForkRequest
  | ThreadArchiveRequest
  | ThreadUnarchiveRequest
  | ThreadNameSetRequest
  | ThreadLoadedListRequest
  | ThreadUnsubscribeRequest
  | TurnSteerRequest
  | ReviewStartRequest
  | ThreadShellCommandRequest
  | ThreadCompactStartRequest
  | ThreadTurnsListRequest
  | ThreadItemsListRequest
  | ThreadRevertRequest
  | ThreadDeleteRequest
  | ThreadMetadataUpdateRequest
  | ThreadSectionListRequest
  | ThreadSectionCreateRequest
  | ThreadSectionUpdateRequest
  | ThreadSectionDeleteRequest
  | ThreadSectionMoveRequest
  | ThreadAttachmentAddRequest
  | ThreadAttachmentListRequest
  | ThreadAttachmentRemoveRequest
  | ThreadAttachmentOwnerListRequest
  | PluginListRequest
  | PluginInstalledRequest
  | PluginReadRequest
  | PluginInstallRequest
  | PluginUninstallRequest
  | PluginReconcileRequest
  | PluginSkillReadRequest
  | PluginShareSaveRequest
  | PluginShareUpdateTargetsRequest
  | PluginShareListRequest
  | PluginShareCheckoutRequest
  | PluginShareDeleteRequest
  | MarketplaceAddRequest
  | MarketplaceRemoveRequest
  | MarketplaceUpgradeRequest
  | AppListRequest
  | AppReadRequest
  | AppInstalledRequest
  | AccountGatewayOAuthReadRequest
  | AccountGatewayOAuthLoginRequest
  | AccountGatewayOAuthCancelRequest
  | AccountSecuritySetupReadRequest
  | AccountUsageReadRequest
  | AccountWorkspaceMessagesReadRequest
  | AccountRateLimitResetCreditConsumeRequest
  | AccountSendAddCreditsNudgeEmailRequest
  | ExternalAgentConfigDetectRequest
  | ExternalAgentConfigImportRequest
  | ExternalAgentConfigImportRecordHistoryRequest
  | ExternalAgentConfigImportReadHistoriesRequest
  | ThreadApproveGuardianDeniedActionRequest
  | WindowsSandboxReadinessRequest
  | WindowsSandboxSetupStartRequest;
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "AskForApproval".
 */
export type AskForApproval = 'untrusted' | 'on-failure' | 'on-request' | 'never';
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "SandboxMode".
 */
export type SandboxMode = 'read-only' | 'workspace-write' | 'danger-full-access';
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ThreadHistoryMode".
 */
export type ThreadHistoryMode = 'legacy' | 'paginated';
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "UserInput".
 */
export type UserInput = UserInputText | UserInputImage | UserInputLocalImage | UserInputSkill | UserInputMention;
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "SandboxPolicy".
 */
export type SandboxPolicy =
  SandboxPolicyReadOnly | SandboxPolicyWorkspaceWrite | SandboxPolicyDangerFullAccess | SandboxPolicyExternalSandbox;
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "MergeStrategy".
 */
export type MergeStrategy = 'replace' | 'upsert';
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ReviewTarget".
 */
export type ReviewTarget =
  ReviewTargetUncommittedChanges | ReviewTargetBaseBranch | ReviewTargetCommit | ReviewTargetCustom;
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ReviewDelivery".
 */
export type ReviewDelivery = 'inline' | 'detached';
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "SortDirection".
 */
export type SortDirection = 'asc' | 'desc';
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "TurnItemsView".
 */
export type TurnItemsView = 'notLoaded' | 'summary' | 'full';
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "PluginShareDiscoverability".
 */
export type PluginShareDiscoverability = 'LISTED' | 'UNLISTED' | 'PRIVATE';
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "PluginSharePrincipalType".
 */
export type PluginSharePrincipalType = 'user' | 'group' | 'workspace';
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "PluginShareTargetRole".
 */
export type PluginShareTargetRole = 'reader' | 'editor';
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "AddCreditsNudgeCreditType".
 */
export type AddCreditsNudgeCreditType = 'credits' | 'usage_limit';
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ExternalAgentConfigMigrationItemType".
 */
export type ExternalAgentConfigMigrationItemType =
  | 'AGENTS_MD'
  | 'CONFIG'
  | 'SKILLS'
  | 'PLUGINS'
  | 'MCP_SERVER_CONFIG'
  | 'SUBAGENTS'
  | 'HOOKS'
  | 'COMMANDS'
  | 'MEMORY'
  | 'SESSIONS';
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "WindowsSandboxSetupMode".
 */
export type WindowsSandboxSetupMode = 'elevated' | 'unelevated';
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ServerNotification".
 */
export type ServerNotification =
  | AccountLoginCompletedNotification
  | AccountRateLimitsUpdatedNotification
  | AccountUpdatedNotification
  | CommandExecOutputDeltaNotification
  | ConfigWarningNotification
  | DeprecationNoticeNotification
  | ErrorNotification
  | FsChangedNotification
  | ItemAgentMessageDeltaNotification
  | ItemCommandExecutionOutputDeltaNotification
  | ItemCompletedNotification
  | ItemFileChangeOutputDeltaNotification
  | ItemMcpToolCallProgressNotification
  | ItemReasoningSummaryPartAddedNotification
  | ItemReasoningSummaryTextDeltaNotification
  | ItemReasoningTextDeltaNotification
  | ItemStartedNotification
  | McpServerStartupStatusUpdatedNotification
  | ServerRequestResolvedNotification
  | ThreadArchivedNotification
  | ThreadClosedNotification
  | ThreadDeletedNotification
  | ThreadGoalClearedNotification
  | ThreadNameUpdatedNotification
  | ThreadReadStateChangedNotification
  | ThreadRevertedNotification
  | ThreadSettingsUpdatedNotification
  | ThreadStartedNotification
  | ThreadStatusChangedNotification
  | ThreadTokenUsageUpdatedNotification
  | ThreadUnarchivedNotification
  | TurnCompletedNotification
  | TurnDiffUpdatedNotification
  | TurnPlanUpdatedNotification
  | TurnStartedNotification
  | WarningNotification;
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ThreadItem".
 */
export type ThreadItem =
  | ThreadItemUserMessage
  | ThreadItemAgentMessage
  | ThreadItemReasoning
  | ThreadItemPlan
  | ThreadItemCommandExecution
  | ThreadItemFileChange
  | ThreadItemMcpToolCall
  | ThreadItemWebSearch
  | ThreadItemImageView
  | ThreadItemEnteredReviewMode
  | ThreadItemExitedReviewMode
  | ThreadItemContextCompaction;
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ItemStatus".
 */
export type ItemStatus = 'inProgress' | 'completed' | 'failed' | 'declined';
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "CommandAction".
 */
export type CommandAction = CommandActionRead | CommandActionListFiles | CommandActionSearch | CommandActionUnknown;
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "PatchChangeKind".
 */
export type PatchChangeKind = PatchChangeKindAdd | PatchChangeKindDelete | PatchChangeKindUpdate;
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "McpServerStartupState".
 */
export type McpServerStartupState = 'starting' | 'ready' | 'failed' | 'cancelled';
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ThreadUnreadPosition".
 */
export type ThreadUnreadPosition = ThreadUnreadPositionThreadStart | ThreadUnreadPositionAtTurn;
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ThreadStatus".
 */
export type ThreadStatus = ThreadStatusNotLoaded | ThreadStatusIdle | ThreadStatusSystemError | ThreadStatusActive;
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "TurnStatus".
 */
export type TurnStatus = 'inProgress' | 'completed' | 'interrupted' | 'failed';
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ServerRequest".
 */
export type ServerRequest =
  | ItemCommandExecutionRequestApprovalRequest
  | ItemFileChangeRequestApprovalRequest
  | McpServerElicitationRequestRequest
  | ItemToolRequestUserInputRequest
  | ItemPermissionsRequestApprovalRequest;
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "Account".
 */
export type Account = AccountApiKey;
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ConfigLayerSource".
 */
export type ConfigLayerSource =
  ConfigLayerSourceSystem | ConfigLayerSourceUser | ConfigLayerSourceProject | ConfigLayerSourceSessionFlags;
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "McpAuthStatus".
 */
export type McpAuthStatus = 'unknown' | 'unsupported' | 'notLoggedIn' | 'bearerToken' | 'oAuth';
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "McpServerConnectionStatus".
 */
export type McpServerConnectionStatus =
  'notStarted' | 'starting' | 'connected' | 'authenticationRequired' | 'failed' | 'cancelled' | 'disabled';

export interface JcodexProtocol {
  ClientRequest?: ClientRequest;
  ServerNotification?: ServerNotification;
  ServerRequest?: ServerRequest;
  Account?: Account;
  AccountApiKey?: AccountApiKey;
  AccountLoginCompletedNotification?: AccountLoginCompletedNotification1;
  AccountRateLimitsUpdatedNotification?: AccountRateLimitsUpdatedNotification1;
  AccountUpdatedNotification?: AccountUpdatedNotification1;
  AddCreditsNudgeCreditType?: AddCreditsNudgeCreditType;
  AgentMessageDeltaNotification?: AgentMessageDeltaNotification;
  ApprovalDecisionResponse?: ApprovalDecisionResponse;
  AppsInstalledParams?: AppsInstalledParams;
  AppsInstalledResponse?: AppsInstalledResponse;
  AppsListParams?: AppsListParams;
  AppsListResponse?: AppsListResponse;
  AppsReadParams?: AppsReadParams;
  AppsReadResponse?: AppsReadResponse;
  AskForApproval?: AskForApproval;
  CancelLoginAccountParams?: CancelLoginAccountParams;
  CancelLoginAccountResponse?: CancelLoginAccountResponse;
  ClientInfo?: ClientInfo;
  CodexErrorInfo?: CodexErrorInfo;
  CollaborationMode?: CollaborationMode;
  CollaborationModeSettings?: CollaborationModeSettings;
  CommandAction?: CommandAction;
  CommandActionListFiles?: CommandActionListFiles;
  CommandActionRead?: CommandActionRead;
  CommandActionSearch?: CommandActionSearch;
  CommandActionUnknown?: CommandActionUnknown;
  CommandExecOutputDeltaNotification?: CommandExecOutputDeltaNotification1;
  CommandExecParams?: CommandExecParams;
  CommandExecResizeParams?: CommandExecResizeParams;
  CommandExecResponse?: CommandExecResponse;
  CommandExecTerminateParams?: CommandExecTerminateParams;
  CommandExecWriteParams?: CommandExecWriteParams;
  CommandExecutionOutputDeltaNotification?: CommandExecutionOutputDeltaNotification;
  CommandExecutionRequestApprovalParams?: CommandExecutionRequestApprovalParams;
  ConfigBatchWriteParams?: ConfigBatchWriteParams;
  ConfigEdit?: ConfigEdit;
  ConfigLayer?: ConfigLayer;
  ConfigLayerMetadata?: ConfigLayerMetadata;
  ConfigLayerSource?: ConfigLayerSource;
  ConfigLayerSourceProject?: ConfigLayerSourceProject;
  ConfigLayerSourceSessionFlags?: ConfigLayerSourceSessionFlags;
  ConfigLayerSourceSystem?: ConfigLayerSourceSystem;
  ConfigLayerSourceUser?: ConfigLayerSourceUser;
  ConfigReadParams?: ConfigReadParams;
  ConfigReadResponse?: ConfigReadResponse;
  ConfigRequirementsReadParams?: ConfigRequirementsReadParams;
  ConfigRequirementsReadResponse?: ConfigRequirementsReadResponse;
  ConfigValueWriteParams?: ConfigValueWriteParams;
  ConfigWarningNotification?: ConfigWarningNotification1;
  ConfigWriteResponse?: ConfigWriteResponse;
  ConfigWriteResponseOverriddenMetadata?: ConfigWriteResponseOverriddenMetadata;
  ConsumeAccountRateLimitResetCreditParams?: ConsumeAccountRateLimitResetCreditParams;
  CreditsSnapshot?: CreditsSnapshot;
  DeprecationNoticeNotification?: DeprecationNoticeNotification1;
  EmptyResponse?: EmptyResponse;
  ErrorNotification?: ErrorNotification1;
  ExternalAgentConfigDetectParams?: ExternalAgentConfigDetectParams;
  ExternalAgentConfigImportHistoriesReadParams?: ExternalAgentConfigImportHistoriesReadParams;
  ExternalAgentConfigImportHistoriesReadResponse?: ExternalAgentConfigImportHistoriesReadResponse;
  ExternalAgentConfigImportHistoryRecordParams?: ExternalAgentConfigImportHistoryRecordParams;
  ExternalAgentConfigImportHistoryRecordTypeResultParams?: ExternalAgentConfigImportHistoryRecordTypeResultParams;
  ExternalAgentConfigImportParams?: ExternalAgentConfigImportParams;
  ExternalAgentConfigMigrationItem?: ExternalAgentConfigMigrationItem;
  ExternalAgentConfigMigrationItemType?: ExternalAgentConfigMigrationItemType;
  FeatureAbsentResult?: FeatureAbsentResult;
  FileChangeOutputDeltaNotification?: FileChangeOutputDeltaNotification;
  FileChangeRequestApprovalParams?: FileChangeRequestApprovalParams;
  FileUpdateChange?: FileUpdateChange;
  FsChangedNotification?: FsChangedNotification1;
  FsCopyParams?: FsCopyParams;
  FsCreateDirectoryParams?: FsCreateDirectoryParams;
  FsGetMetadataResponse?: FsGetMetadataResponse;
  FsPathParams?: FsPathParams;
  FsReadDirectoryResponse?: FsReadDirectoryResponse;
  FsReadDirectoryResponseEntry?: FsReadDirectoryResponseEntry;
  FsReadFileResponse?: FsReadFileResponse;
  FsRemoveParams?: FsRemoveParams;
  FsUnwatchParams?: FsUnwatchParams;
  FsWatchParams?: FsWatchParams;
  FsWatchResponse?: FsWatchResponse;
  FsWriteFileParams?: FsWriteFileParams;
  FuzzyFileSearchParams?: FuzzyFileSearchParams;
  FuzzyFileSearchResponse?: FuzzyFileSearchResponse;
  FuzzyFileSearchResponseMatch?: FuzzyFileSearchResponseMatch;
  GatewayOAuthCancelParams?: GatewayOAuthCancelParams;
  GatewayOAuthLoginParams?: GatewayOAuthLoginParams;
  GatewayOAuthReadParams?: GatewayOAuthReadParams;
  GetAccountParams?: GetAccountParams;
  GetAccountRateLimitsParams?: GetAccountRateLimitsParams;
  GetAccountRateLimitsResponse?: GetAccountRateLimitsResponse;
  GetAccountResponse?: GetAccountResponse;
  GetAccountSecuritySetupParams?: GetAccountSecuritySetupParams;
  GetAccountSecuritySetupResponse?: GetAccountSecuritySetupResponse;
  GetAccountTokenUsageParams?: GetAccountTokenUsageParams;
  GetAuthStatusParams?: GetAuthStatusParams;
  GetAuthStatusResponse?: GetAuthStatusResponse;
  GetWorkspaceMessagesParams?: GetWorkspaceMessagesParams;
  GetWorkspaceMessagesResponse?: GetWorkspaceMessagesResponse;
  GitInfo?: GitInfo;
  InitializeCapabilities?: InitializeCapabilities;
  InitializeParams?: InitializeParams;
  InitializeResponse?: InitializeResponse;
  ItemCompletedNotification?: ItemCompletedNotification1;
  ItemStartedNotification?: ItemStartedNotification1;
  ItemStatus?: ItemStatus;
  ListMcpServerStatusParams?: ListMcpServerStatusParams;
  ListMcpServerStatusResponse?: ListMcpServerStatusResponse;
  LoginAccountParams?: LoginAccountParams;
  LoginAccountResponse?: LoginAccountResponse;
  LogoutAccountParams?: LogoutAccountParams;
  MarketplaceAddParams?: MarketplaceAddParams;
  MarketplaceRemoveParams?: MarketplaceRemoveParams;
  MarketplaceUpgradeParams?: MarketplaceUpgradeParams;
  MarketplaceUpgradeResponse?: MarketplaceUpgradeResponse;
  McpAuthStatus?: McpAuthStatus;
  McpServerConnectionStatus?: McpServerConnectionStatus;
  McpServerElicitationRequestParams?: McpServerElicitationRequestParams;
  McpServerElicitationRequestResponse?: McpServerElicitationRequestResponse;
  McpServerStartupState?: McpServerStartupState;
  McpServerStatus?: McpServerStatus;
  McpServerStatusUpdatedNotification?: McpServerStatusUpdatedNotification;
  McpToolCallError?: McpToolCallError;
  McpToolCallProgressNotification?: McpToolCallProgressNotification;
  McpToolCallResult?: McpToolCallResult;
  MergeStrategy?: MergeStrategy;
  ModelInfo?: ModelInfo;
  ModelInfoReasoningEffortOption?: ModelInfoReasoningEffortOption;
  ModelListParams?: ModelListParams;
  ModelListResponse?: ModelListResponse;
  ModelProviderDefaultSetParams?: ModelProviderDefaultSetParams;
  PatchChangeKind?: PatchChangeKind;
  PatchChangeKindAdd?: PatchChangeKindAdd;
  PatchChangeKindDelete?: PatchChangeKindDelete;
  PatchChangeKindUpdate?: PatchChangeKindUpdate;
  PermissionProfileListParams?: PermissionProfileListParams;
  PermissionProfileListResponse?: PermissionProfileListResponse;
  PermissionProfileListResponsePermissionProfileSummary?: PermissionProfileListResponsePermissionProfileSummary;
  PermissionsRequestApprovalParams?: PermissionsRequestApprovalParams;
  PermissionsRequestApprovalParamsEntry?: PermissionsRequestApprovalParamsEntry;
  PermissionsRequestApprovalParamsFileSystem?: PermissionsRequestApprovalParamsFileSystem;
  PermissionsRequestApprovalParamsNetwork?: PermissionsRequestApprovalParamsNetwork;
  PermissionsRequestApprovalParamsPath?: PermissionsRequestApprovalParamsPath;
  PermissionsRequestApprovalParamsProfile?: PermissionsRequestApprovalParamsProfile;
  PermissionsRequestApprovalResponse?: PermissionsRequestApprovalResponse;
  PlanStep?: PlanStep;
  PluginInstallParams?: PluginInstallParams;
  PluginInstalledParams?: PluginInstalledParams;
  PluginInstalledResponse?: PluginInstalledResponse;
  PluginListParams?: PluginListParams;
  PluginListResponse?: PluginListResponse;
  PluginReadParams?: PluginReadParams;
  PluginReconcileParams?: PluginReconcileParams;
  PluginReconcileResponse?: PluginReconcileResponse;
  PluginShareCheckoutParams?: PluginShareCheckoutParams;
  PluginShareDeleteParams?: PluginShareDeleteParams;
  PluginShareDiscoverability?: PluginShareDiscoverability;
  PluginShareListParams?: PluginShareListParams;
  PluginShareListResponse?: PluginShareListResponse;
  PluginSharePrincipalType?: PluginSharePrincipalType;
  PluginShareSaveParams?: PluginShareSaveParams;
  PluginShareTarget?: PluginShareTarget;
  PluginShareTargetRole?: PluginShareTargetRole;
  PluginShareUpdateTargetsParams?: PluginShareUpdateTargetsParams;
  PluginSkillReadParams?: PluginSkillReadParams;
  PluginUninstallParams?: PluginUninstallParams;
  RateLimitSnapshot?: RateLimitSnapshot;
  RateLimitWindow?: RateLimitWindow;
  ReasoningSummaryPartAddedNotification?: ReasoningSummaryPartAddedNotification;
  ReasoningSummaryTextDeltaNotification?: ReasoningSummaryTextDeltaNotification;
  ReasoningTextDeltaNotification?: ReasoningTextDeltaNotification;
  ReviewDelivery?: ReviewDelivery;
  ReviewStartParams?: ReviewStartParams;
  ReviewStartResponse?: ReviewStartResponse;
  ReviewTarget?: ReviewTarget;
  ReviewTargetBaseBranch?: ReviewTargetBaseBranch;
  ReviewTargetCommit?: ReviewTargetCommit;
  ReviewTargetCustom?: ReviewTargetCustom;
  ReviewTargetUncommittedChanges?: ReviewTargetUncommittedChanges;
  SandboxMode?: SandboxMode;
  SandboxPolicy?: SandboxPolicy;
  SandboxPolicyDangerFullAccess?: SandboxPolicyDangerFullAccess;
  SandboxPolicyExternalSandbox?: SandboxPolicyExternalSandbox;
  SandboxPolicyReadOnly?: SandboxPolicyReadOnly;
  SandboxPolicyWorkspaceWrite?: SandboxPolicyWorkspaceWrite;
  SendAddCreditsNudgeEmailParams?: SendAddCreditsNudgeEmailParams;
  ServerRequestResolvedNotification?: ServerRequestResolvedNotification1;
  SkillsListParams?: SkillsListParams;
  SkillsListResponse?: SkillsListResponse;
  SkillsListResponseEntry?: SkillsListResponseEntry;
  SkillsListResponseError?: SkillsListResponseError;
  SkillsListResponseSkill?: SkillsListResponseSkill;
  SortDirection?: SortDirection;
  TerminalSize?: TerminalSize;
  TextPosition?: TextPosition;
  TextRange?: TextRange;
  Thread?: Thread;
  ThreadApproveGuardianDeniedActionParams?: ThreadApproveGuardianDeniedActionParams;
  ThreadArchivedNotification?: ThreadArchivedNotification1;
  ThreadAttachmentAddParams?: ThreadAttachmentAddParams;
  ThreadAttachmentListParams?: ThreadAttachmentListParams;
  ThreadAttachmentListResponse?: ThreadAttachmentListResponse;
  ThreadAttachmentOwnerListParams?: ThreadAttachmentOwnerListParams;
  ThreadAttachmentOwnerListResponse?: ThreadAttachmentOwnerListResponse;
  ThreadAttachmentRemoveParams?: ThreadAttachmentRemoveParams;
  ThreadClosedNotification?: ThreadClosedNotification1;
  ThreadDeletedNotification?: ThreadDeletedNotification1;
  ThreadForkParams?: ThreadForkParams;
  ThreadGoalClearedNotification?: ThreadGoalClearedNotification1;
  ThreadHistoryMode?: ThreadHistoryMode;
  ThreadIdParams?: ThreadIdParams;
  ThreadItem?: ThreadItem;
  ThreadItemAgentMessage?: ThreadItemAgentMessage;
  ThreadItemCommandExecution?: ThreadItemCommandExecution;
  ThreadItemContextCompaction?: ThreadItemContextCompaction;
  ThreadItemEnteredReviewMode?: ThreadItemEnteredReviewMode;
  ThreadItemEntry?: ThreadItemEntry;
  ThreadItemExitedReviewMode?: ThreadItemExitedReviewMode;
  ThreadItemFileChange?: ThreadItemFileChange;
  ThreadItemImageView?: ThreadItemImageView;
  ThreadItemMcpToolCall?: ThreadItemMcpToolCall;
  ThreadItemPlan?: ThreadItemPlan;
  ThreadItemReasoning?: ThreadItemReasoning;
  ThreadItemUserMessage?: ThreadItemUserMessage;
  ThreadItemWebSearch?: ThreadItemWebSearch;
  ThreadItemsListParams?: ThreadItemsListParams;
  ThreadItemsListResponse?: ThreadItemsListResponse;
  ThreadListParams?: ThreadListParams;
  ThreadListResponse?: ThreadListResponse;
  ThreadLoadedListParams?: ThreadLoadedListParams;
  ThreadLoadedListResponse?: ThreadLoadedListResponse;
  ThreadMetadataUpdateParams?: ThreadMetadataUpdateParams;
  ThreadMetadataUpdateResponse?: ThreadMetadataUpdateResponse;
  ThreadNameUpdatedNotification?: ThreadNameUpdatedNotification1;
  ThreadReadParams?: ThreadReadParams;
  ThreadReadResponse?: ThreadReadResponse;
  ThreadReadState?: ThreadReadState;
  ThreadReadStateChangedNotification?: ThreadReadStateChangedNotification1;
  ThreadResumeParams?: ThreadResumeParams;
  ThreadResumeResponse?: ThreadResumeResponse;
  ThreadRevertParams?: ThreadRevertParams;
  ThreadRevertResponse?: ThreadRevertResponse;
  ThreadRevertedNotification?: ThreadRevertedNotification1;
  ThreadSectionAppearance?: ThreadSectionAppearance;
  ThreadSectionCreateParams?: ThreadSectionCreateParams;
  ThreadSectionDeleteParams?: ThreadSectionDeleteParams;
  ThreadSectionListParams?: ThreadSectionListParams;
  ThreadSectionListResponse?: ThreadSectionListResponse;
  ThreadSectionMoveParams?: ThreadSectionMoveParams;
  ThreadSectionUpdateParams?: ThreadSectionUpdateParams;
  ThreadSetNameParams?: ThreadSetNameParams;
  ThreadSettingsUpdatedNotification?: ThreadSettingsUpdatedNotification1;
  ThreadSettingsView?: ThreadSettingsView;
  ThreadShellCommandParams?: ThreadShellCommandParams;
  ThreadStartParams?: ThreadStartParams;
  ThreadStartResponse?: ThreadStartResponse;
  ThreadStartedNotification?: ThreadStartedNotification1;
  ThreadStatus?: ThreadStatus;
  ThreadStatusActive?: ThreadStatusActive;
  ThreadStatusChangedNotification?: ThreadStatusChangedNotification1;
  ThreadStatusIdle?: ThreadStatusIdle;
  ThreadStatusNotLoaded?: ThreadStatusNotLoaded;
  ThreadStatusSystemError?: ThreadStatusSystemError;
  ThreadTokenUsage?: ThreadTokenUsage;
  ThreadTokenUsageUpdatedNotification?: ThreadTokenUsageUpdatedNotification1;
  ThreadTurnsListParams?: ThreadTurnsListParams;
  ThreadTurnsListResponse?: ThreadTurnsListResponse;
  ThreadUnarchiveResponse?: ThreadUnarchiveResponse;
  ThreadUnarchivedNotification?: ThreadUnarchivedNotification1;
  ThreadUnreadPosition?: ThreadUnreadPosition;
  ThreadUnreadPositionAtTurn?: ThreadUnreadPositionAtTurn;
  ThreadUnreadPositionThreadStart?: ThreadUnreadPositionThreadStart;
  ThreadUnsubscribeResponse?: ThreadUnsubscribeResponse;
  TokenUsageBreakdown?: TokenUsageBreakdown;
  ToolRequestUserInputParams?: ToolRequestUserInputParams;
  ToolRequestUserInputParamsOption?: ToolRequestUserInputParamsOption;
  ToolRequestUserInputParamsQuestion?: ToolRequestUserInputParamsQuestion;
  ToolRequestUserInputResponse?: ToolRequestUserInputResponse;
  ToolRequestUserInputResponseAnswer?: ToolRequestUserInputResponseAnswer;
  Turn?: Turn;
  TurnCompletedNotification?: TurnCompletedNotification1;
  TurnDiffUpdatedNotification?: TurnDiffUpdatedNotification1;
  TurnError?: TurnError;
  TurnInterruptParams?: TurnInterruptParams;
  TurnItemsView?: TurnItemsView;
  TurnPlanUpdatedNotification?: TurnPlanUpdatedNotification1;
  TurnStartParams?: TurnStartParams;
  TurnStartResponse?: TurnStartResponse;
  TurnStartedNotification?: TurnStartedNotification1;
  TurnStatus?: TurnStatus;
  TurnSteerParams?: TurnSteerParams;
  TurnSteerResponse?: TurnSteerResponse;
  UserInput?: UserInput;
  UserInputByteRange?: UserInputByteRange;
  UserInputImage?: UserInputImage;
  UserInputLocalImage?: UserInputLocalImage;
  UserInputMention?: UserInputMention;
  UserInputSkill?: UserInputSkill;
  UserInputText?: UserInputText;
  UserInputTextElement?: UserInputTextElement;
  WarningNotification?: WarningNotification1;
  WindowsSandboxReadinessParams?: WindowsSandboxReadinessParams;
  WindowsSandboxSetupMode?: WindowsSandboxSetupMode;
  WindowsSandboxSetupStartParams?: WindowsSandboxSetupStartParams;
}
export interface InitializeRequest {
  id: string | number;
  method: 'initialize';
  params: InitializeParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "InitializeParams".
 */
export interface InitializeParams {
  clientInfo: ClientInfo;
  capabilities?: InitializeCapabilities | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ClientInfo".
 */
export interface ClientInfo {
  name: string;
  title?: string | null;
  version: string;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "InitializeCapabilities".
 */
export interface InitializeCapabilities {
  experimentalApi?: boolean | null;
  optOutNotificationMethods?: string[] | null;
}
export interface ThreadStartRequest {
  id: string | number;
  method: 'thread/start';
  params: ThreadStartParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ThreadStartParams".
 */
export interface ThreadStartParams {
  model?: string | null;
  modelProvider?: string | null;
  serviceTier?: string | null;
  cwd?: string | null;
  approvalPolicy?: AskForApproval | null;
  approvalsReviewer?: string | null;
  sandbox?: SandboxMode | null;
  config?: {
    [k: string]: unknown | undefined;
  } | null;
  baseInstructions?: string | null;
  developerInstructions?: string | null;
  personality?: string | null;
  ephemeral?: boolean | null;
  serviceName?: string | null;
  historyMode?: ThreadHistoryMode | null;
  sessionStartSource?: string | null;
  threadSource?: string | null;
}
export interface TurnStartRequest {
  id: string | number;
  method: 'turn/start';
  params: TurnStartParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "TurnStartParams".
 */
export interface TurnStartParams {
  threadId: string;
  input: UserInput[];
  cwd?: string | null;
  approvalPolicy?: AskForApproval | null;
  approvalsReviewer?: string | null;
  sandboxPolicy?: SandboxPolicy | null;
  model?: string | null;
  serviceTier?: string | null;
  effort?: string | null;
  summary?: string | null;
  personality?: string | null;
  outputSchema?: unknown;
  clientUserMessageId?: string | null;
  collaborationMode?: CollaborationMode | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "UserInputText".
 */
export interface UserInputText {
  type: 'text';
  text: string;
  text_elements?: UserInputTextElement[] | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "UserInputTextElement".
 */
export interface UserInputTextElement {
  byteRange?: UserInputByteRange | null;
  placeholder?: string | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "UserInputByteRange".
 */
export interface UserInputByteRange {
  start?: number;
  end?: number;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "UserInputImage".
 */
export interface UserInputImage {
  type: 'image';
  url?: string | null;
  detail?: string | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "UserInputLocalImage".
 */
export interface UserInputLocalImage {
  type: 'localImage';
  path: string;
  detail?: string | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "UserInputSkill".
 */
export interface UserInputSkill {
  type: 'skill';
  name: string;
  path: string;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "UserInputMention".
 */
export interface UserInputMention {
  type: 'mention';
  name: string;
  path: string;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "SandboxPolicyReadOnly".
 */
export interface SandboxPolicyReadOnly {
  type: 'readOnly';
  networkAccess: boolean;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "SandboxPolicyWorkspaceWrite".
 */
export interface SandboxPolicyWorkspaceWrite {
  type: 'workspaceWrite';
  writableRoots: string[] | null;
  networkAccess: boolean;
  excludeTmpdirEnvVar: boolean;
  excludeSlashTmp: boolean;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "SandboxPolicyDangerFullAccess".
 */
export interface SandboxPolicyDangerFullAccess {
  type: 'dangerFullAccess';
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "SandboxPolicyExternalSandbox".
 */
export interface SandboxPolicyExternalSandbox {
  type: 'externalSandbox';
  networkAccess: string | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "CollaborationMode".
 */
export interface CollaborationMode {
  mode: string;
  settings: CollaborationModeSettings | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "CollaborationModeSettings".
 */
export interface CollaborationModeSettings {
  model: string | null;
  reasoning_effort: string | null;
  developer_instructions: string | null;
}
export interface TurnInterruptRequest {
  id: string | number;
  method: 'turn/interrupt';
  params: TurnInterruptParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "TurnInterruptParams".
 */
export interface TurnInterruptParams {
  threadId: string;
  turnId: string;
}
export interface ConfigReadRequest {
  id: string | number;
  method: 'config/read';
  params: ConfigReadParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ConfigReadParams".
 */
export interface ConfigReadParams {
  includeLayers?: boolean | null;
  cwd?: string | null;
}
export interface ConfigValueWriteRequest {
  id: string | number;
  method: 'config/value/write';
  params: ConfigValueWriteParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ConfigValueWriteParams".
 */
export interface ConfigValueWriteParams {
  keyPath: string;
  value?: unknown;
  mergeStrategy: MergeStrategy;
  filePath?: string | null;
  expectedVersion?: string | null;
}
export interface ConfigBatchWriteRequest {
  id: string | number;
  method: 'config/batchWrite';
  params: ConfigBatchWriteParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ConfigBatchWriteParams".
 */
export interface ConfigBatchWriteParams {
  edits: ConfigEdit[];
  filePath?: string | null;
  expectedVersion?: string | null;
  reloadUserConfig?: boolean | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ConfigEdit".
 */
export interface ConfigEdit {
  keyPath: string;
  value: unknown;
  mergeStrategy: MergeStrategy;
}
export interface ModelListRequest {
  id: string | number;
  method: 'model/list';
  params: ModelListParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ModelListParams".
 */
export interface ModelListParams {
  cursor?: string | null;
  limit?: number | null;
  includeHidden?: boolean | null;
  modelProvider?: string | null;
}
export interface AccountReadRequest {
  id: string | number;
  method: 'account/read';
  params: GetAccountParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "GetAccountParams".
 */
export interface GetAccountParams {
  refreshToken?: boolean | null;
}
export interface AccountLoginStartRequest {
  id: string | number;
  method: 'account/login/start';
  params: LoginAccountParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "LoginAccountParams".
 */
export interface LoginAccountParams {
  type: string;
  apiKey?: string | null;
}
export interface GetAuthStatusRequest {
  id: string | number;
  method: 'getAuthStatus';
  params: GetAuthStatusParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "GetAuthStatusParams".
 */
export interface GetAuthStatusParams {
  includeToken?: boolean | null;
  refreshToken?: boolean | null;
}
export interface AccountLogoutRequest {
  id: string | number;
  method: 'account/logout';
  params: LogoutAccountParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "LogoutAccountParams".
 */
export interface LogoutAccountParams {}
export interface AccountLoginCancelRequest {
  id: string | number;
  method: 'account/login/cancel';
  params: CancelLoginAccountParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "CancelLoginAccountParams".
 */
export interface CancelLoginAccountParams {
  loginId: string;
}
export interface AccountRateLimitsReadRequest {
  id: string | number;
  method: 'account/rateLimits/read';
  params: GetAccountRateLimitsParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "GetAccountRateLimitsParams".
 */
export interface GetAccountRateLimitsParams {
  excludeResetCreditDetails?: boolean | null;
  supportsLunaReserve?: boolean | null;
}
export interface ConfigRequirementsReadRequest {
  id: string | number;
  method: 'configRequirements/read';
  params: ConfigRequirementsReadParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ConfigRequirementsReadParams".
 */
export interface ConfigRequirementsReadParams {}
export interface PermissionProfileListRequest {
  id: string | number;
  method: 'permissionProfile/list';
  params: PermissionProfileListParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "PermissionProfileListParams".
 */
export interface PermissionProfileListParams {
  cursor?: string | null;
  cwd?: string | null;
  limit?: number | null;
}
export interface ModelProviderDefaultSetRequest {
  id: string | number;
  method: 'modelProvider/default/set';
  params: ModelProviderDefaultSetParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ModelProviderDefaultSetParams".
 */
export interface ModelProviderDefaultSetParams {
  providerId: string;
}
export interface CommandExecRequest {
  id: string | number;
  method: 'command/exec';
  params: CommandExecParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "CommandExecParams".
 */
export interface CommandExecParams {
  command: string[];
  processId?: string | null;
  tty?: boolean | null;
  streamStdin?: boolean | null;
  streamStdoutStderr?: boolean | null;
  outputBytesCap?: number | null;
  disableOutputCap?: boolean | null;
  timeoutMs?: number | null;
  disableTimeout?: boolean | null;
  cwd?: string | null;
  env?: {
    [k: string]: string | undefined;
  } | null;
  size?: TerminalSize | null;
  sandboxPolicy?: SandboxPolicy | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "TerminalSize".
 */
export interface TerminalSize {
  rows: number;
  cols: number;
}
export interface CommandExecWriteRequest {
  id: string | number;
  method: 'command/exec/write';
  params: CommandExecWriteParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "CommandExecWriteParams".
 */
export interface CommandExecWriteParams {
  processId: string;
  deltaBase64?: string | null;
  closeStdin?: boolean | null;
}
export interface CommandExecTerminateRequest {
  id: string | number;
  method: 'command/exec/terminate';
  params: CommandExecTerminateParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "CommandExecTerminateParams".
 */
export interface CommandExecTerminateParams {
  processId: string;
}
export interface CommandExecResizeRequest {
  id: string | number;
  method: 'command/exec/resize';
  params: CommandExecResizeParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "CommandExecResizeParams".
 */
export interface CommandExecResizeParams {
  processId: string;
  size: TerminalSize;
}
export interface FsReadFileRequest {
  id: string | number;
  method: 'fs/readFile';
  params: FsPathParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "FsPathParams".
 */
export interface FsPathParams {
  path: string;
}
export interface FsWriteFileRequest {
  id: string | number;
  method: 'fs/writeFile';
  params: FsWriteFileParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "FsWriteFileParams".
 */
export interface FsWriteFileParams {
  path: string;
  dataBase64: string;
}
export interface FsCreateDirectoryRequest {
  id: string | number;
  method: 'fs/createDirectory';
  params: FsCreateDirectoryParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "FsCreateDirectoryParams".
 */
export interface FsCreateDirectoryParams {
  path: string;
  recursive?: boolean | null;
}
export interface FsGetMetadataRequest {
  id: string | number;
  method: 'fs/getMetadata';
  params: FsPathParams;
}
export interface FsReadDirectoryRequest {
  id: string | number;
  method: 'fs/readDirectory';
  params: FsPathParams;
}
export interface FsRemoveRequest {
  id: string | number;
  method: 'fs/remove';
  params: FsRemoveParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "FsRemoveParams".
 */
export interface FsRemoveParams {
  path: string;
  recursive?: boolean | null;
  force?: boolean | null;
}
export interface FsCopyRequest {
  id: string | number;
  method: 'fs/copy';
  params: FsCopyParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "FsCopyParams".
 */
export interface FsCopyParams {
  sourcePath: string;
  destinationPath: string;
  recursive?: boolean | null;
}
export interface FsWatchRequest {
  id: string | number;
  method: 'fs/watch';
  params: FsWatchParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "FsWatchParams".
 */
export interface FsWatchParams {
  watchId: string;
  path: string;
}
export interface FsUnwatchRequest {
  id: string | number;
  method: 'fs/unwatch';
  params: FsUnwatchParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "FsUnwatchParams".
 */
export interface FsUnwatchParams {
  watchId: string;
}
export interface FuzzyFileSearchRequest {
  id: string | number;
  method: 'fuzzyFileSearch';
  params: FuzzyFileSearchParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "FuzzyFileSearchParams".
 */
export interface FuzzyFileSearchParams {
  query: string;
  roots: string[];
  cancellationToken?: string | null;
}
export interface SkillsListRequest {
  id: string | number;
  method: 'skills/list';
  params: SkillsListParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "SkillsListParams".
 */
export interface SkillsListParams {
  cwds?: string[] | null;
  forceReload?: boolean | null;
}
export interface McpServerStatusListRequest {
  id: string | number;
  method: 'mcpServerStatus/list';
  params: ListMcpServerStatusParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ListMcpServerStatusParams".
 */
export interface ListMcpServerStatusParams {
  cursor?: string | null;
  limit?: number | null;
  detail?: string | null;
  threadId?: string | null;
  serverName?: string | null;
}
export interface ThreadListRequest {
  id: string | number;
  method: 'thread/list';
  params: ThreadListParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ThreadListParams".
 */
export interface ThreadListParams {
  cursor?: string | null;
  limit?: number | null;
  sortKey?: string | null;
  sortDirection?: string | null;
  modelProviders?: string[] | null;
  sourceKinds?: string[] | null;
  archived?: boolean | null;
  cwd?: unknown;
  searchTerm?: string | null;
  useStateDbOnly?: boolean | null;
}
export interface ThreadReadRequest {
  id: string | number;
  method: 'thread/read';
  params: ThreadReadParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ThreadReadParams".
 */
export interface ThreadReadParams {
  threadId: string;
  includeTurns?: boolean | null;
}
export interface ThreadResumeRequest {
  id: string | number;
  method: 'thread/resume';
  params: ThreadResumeParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ThreadResumeParams".
 */
export interface ThreadResumeParams {
  threadId: string;
  model?: string | null;
  modelProvider?: string | null;
  cwd?: string | null;
  approvalPolicy?: AskForApproval | null;
  sandbox?: SandboxMode | null;
  config?: {
    [k: string]: unknown | undefined;
  } | null;
  baseInstructions?: string | null;
  developerInstructions?: string | null;
  excludeTurns?: boolean | null;
}
export interface ThreadForkRequest {
  id: string | number;
  method: 'thread/fork';
  params: ThreadForkParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ThreadForkParams".
 */
export interface ThreadForkParams {
  threadId: string;
  model?: string | null;
  modelProvider?: string | null;
  cwd?: string | null;
  approvalPolicy?: AskForApproval | null;
  sandbox?: SandboxMode | null;
  config?: {
    [k: string]: unknown | undefined;
  } | null;
  baseInstructions?: string | null;
  developerInstructions?: string | null;
  ephemeral?: boolean | null;
  lastTurnId?: string | null;
  excludeTurns?: boolean | null;
}
export interface ThreadArchiveRequest {
  id: string | number;
  method: 'thread/archive';
  params: ThreadIdParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ThreadIdParams".
 */
export interface ThreadIdParams {
  threadId: string;
}
export interface ThreadUnarchiveRequest {
  id: string | number;
  method: 'thread/unarchive';
  params: ThreadIdParams;
}
export interface ThreadNameSetRequest {
  id: string | number;
  method: 'thread/name/set';
  params: ThreadSetNameParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ThreadSetNameParams".
 */
export interface ThreadSetNameParams {
  threadId: string;
  name: string;
}
export interface ThreadLoadedListRequest {
  id: string | number;
  method: 'thread/loaded/list';
  params: ThreadLoadedListParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ThreadLoadedListParams".
 */
export interface ThreadLoadedListParams {
  cursor?: string | null;
  limit?: number | null;
}
export interface ThreadUnsubscribeRequest {
  id: string | number;
  method: 'thread/unsubscribe';
  params: ThreadIdParams;
}
export interface TurnSteerRequest {
  id: string | number;
  method: 'turn/steer';
  params: TurnSteerParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "TurnSteerParams".
 */
export interface TurnSteerParams {
  threadId: string;
  input: UserInput[];
  expectedTurnId: string;
}
export interface ReviewStartRequest {
  id: string | number;
  method: 'review/start';
  params: ReviewStartParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ReviewStartParams".
 */
export interface ReviewStartParams {
  threadId: string;
  target: ReviewTarget;
  delivery?: ReviewDelivery | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ReviewTargetUncommittedChanges".
 */
export interface ReviewTargetUncommittedChanges {
  type: 'uncommittedChanges';
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ReviewTargetBaseBranch".
 */
export interface ReviewTargetBaseBranch {
  type: 'baseBranch';
  branch: string;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ReviewTargetCommit".
 */
export interface ReviewTargetCommit {
  type: 'commit';
  sha: string;
  title: string | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ReviewTargetCustom".
 */
export interface ReviewTargetCustom {
  type: 'custom';
  instructions: string;
}
export interface ThreadShellCommandRequest {
  id: string | number;
  method: 'thread/shellCommand';
  params: ThreadShellCommandParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ThreadShellCommandParams".
 */
export interface ThreadShellCommandParams {
  threadId: string;
  command: string;
}
export interface ThreadCompactStartRequest {
  id: string | number;
  method: 'thread/compact/start';
  params: ThreadIdParams;
}
export interface ThreadTurnsListRequest {
  id: string | number;
  method: 'thread/turns/list';
  params: ThreadTurnsListParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ThreadTurnsListParams".
 */
export interface ThreadTurnsListParams {
  threadId: string;
  cursor?: string | null;
  limit?: number | null;
  sortDirection?: SortDirection | null;
  itemsView?: TurnItemsView | null;
}
export interface ThreadItemsListRequest {
  id: string | number;
  method: 'thread/items/list';
  params: ThreadItemsListParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ThreadItemsListParams".
 */
export interface ThreadItemsListParams {
  threadId: string;
  turnId?: string | null;
  cursor?: unknown;
  limit?: number | null;
  sortDirection?: SortDirection | null;
  deferOutput?: {
    [k: string]: unknown | undefined;
  } | null;
}
export interface ThreadRevertRequest {
  id: string | number;
  method: 'thread/revert';
  params: ThreadRevertParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ThreadRevertParams".
 */
export interface ThreadRevertParams {
  threadId: string;
  beforeTurnId: string;
}
export interface ThreadDeleteRequest {
  id: string | number;
  method: 'thread/delete';
  params: ThreadIdParams;
}
export interface ThreadMetadataUpdateRequest {
  id: string | number;
  method: 'thread/metadata/update';
  params: ThreadMetadataUpdateParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ThreadMetadataUpdateParams".
 */
export interface ThreadMetadataUpdateParams {
  threadId: string;
  gitInfo?: {
    [k: string]: unknown | undefined;
  } | null;
}
export interface ThreadSectionListRequest {
  id: string | number;
  method: 'threadSection/list';
  params: ThreadSectionListParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ThreadSectionListParams".
 */
export interface ThreadSectionListParams {
  cursor?: string | null;
  limit?: number | null;
}
export interface ThreadSectionCreateRequest {
  id: string | number;
  method: 'threadSection/create';
  params: ThreadSectionCreateParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ThreadSectionCreateParams".
 */
export interface ThreadSectionCreateParams {
  name: string;
  appearance?: ThreadSectionAppearance | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ThreadSectionAppearance".
 */
export interface ThreadSectionAppearance {
  color: string | null;
  icon: string | null;
}
export interface ThreadSectionUpdateRequest {
  id: string | number;
  method: 'threadSection/update';
  params: ThreadSectionUpdateParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ThreadSectionUpdateParams".
 */
export interface ThreadSectionUpdateParams {
  sectionId: string;
  name: string;
  appearance?: ThreadSectionAppearance | null;
}
export interface ThreadSectionDeleteRequest {
  id: string | number;
  method: 'threadSection/delete';
  params: ThreadSectionDeleteParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ThreadSectionDeleteParams".
 */
export interface ThreadSectionDeleteParams {
  sectionId: string;
}
export interface ThreadSectionMoveRequest {
  id: string | number;
  method: 'thread/section/move';
  params: ThreadSectionMoveParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ThreadSectionMoveParams".
 */
export interface ThreadSectionMoveParams {
  threadId: string;
  sectionId?: string | null;
  beforeThreadId?: string | null;
}
export interface ThreadAttachmentAddRequest {
  id: string | number;
  method: 'thread/attachment/add';
  params: ThreadAttachmentAddParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ThreadAttachmentAddParams".
 */
export interface ThreadAttachmentAddParams {
  threadId: string;
  attachmentType: string;
  identityKey: string;
  payload: unknown;
}
export interface ThreadAttachmentListRequest {
  id: string | number;
  method: 'thread/attachment/list';
  params: ThreadAttachmentListParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ThreadAttachmentListParams".
 */
export interface ThreadAttachmentListParams {
  threadId: string;
  cursor?: string | null;
  limit?: number | null;
}
export interface ThreadAttachmentRemoveRequest {
  id: string | number;
  method: 'thread/attachment/remove';
  params: ThreadAttachmentRemoveParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ThreadAttachmentRemoveParams".
 */
export interface ThreadAttachmentRemoveParams {
  threadId: string;
  attachmentType: string;
  identityKey: string;
}
export interface ThreadAttachmentOwnerListRequest {
  id: string | number;
  method: 'thread/attachmentOwner/list';
  params: ThreadAttachmentOwnerListParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ThreadAttachmentOwnerListParams".
 */
export interface ThreadAttachmentOwnerListParams {
  attachmentType: string;
  identityKey: string;
  archived?: boolean | null;
  cursor?: string | null;
  limit?: number | null;
}
export interface PluginListRequest {
  id: string | number;
  method: 'plugin/list';
  params: PluginListParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "PluginListParams".
 */
export interface PluginListParams {
  cwds?: string[] | null;
  forceRefetch?: boolean | null;
  marketplaceKinds?: string[] | null;
}
export interface PluginInstalledRequest {
  id: string | number;
  method: 'plugin/installed';
  params: PluginInstalledParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "PluginInstalledParams".
 */
export interface PluginInstalledParams {
  cwds?: string[] | null;
  installSuggestionPluginNames?: string[] | null;
}
export interface PluginReadRequest {
  id: string | number;
  method: 'plugin/read';
  params: PluginReadParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "PluginReadParams".
 */
export interface PluginReadParams {
  pluginName: string;
  marketplacePath?: string | null;
  remoteMarketplaceName?: string | null;
}
export interface PluginInstallRequest {
  id: string | number;
  method: 'plugin/install';
  params: PluginInstallParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "PluginInstallParams".
 */
export interface PluginInstallParams {
  pluginName: string;
  installAttemptId?: string | null;
  marketplacePath?: string | null;
  remoteMarketplaceName?: string | null;
}
export interface PluginUninstallRequest {
  id: string | number;
  method: 'plugin/uninstall';
  params: PluginUninstallParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "PluginUninstallParams".
 */
export interface PluginUninstallParams {
  pluginId: string;
}
export interface PluginReconcileRequest {
  id: string | number;
  method: 'plugin/reconcile';
  params: PluginReconcileParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "PluginReconcileParams".
 */
export interface PluginReconcileParams {
  reason?: string | null;
}
export interface PluginSkillReadRequest {
  id: string | number;
  method: 'plugin/skill/read';
  params: PluginSkillReadParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "PluginSkillReadParams".
 */
export interface PluginSkillReadParams {
  remoteMarketplaceName: string;
  remotePluginId: string;
  skillName: string;
}
export interface PluginShareSaveRequest {
  id: string | number;
  method: 'plugin/share/save';
  params: PluginShareSaveParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "PluginShareSaveParams".
 */
export interface PluginShareSaveParams {
  pluginPath: string;
  discoverability?: PluginShareDiscoverability | null;
  remotePluginId?: string | null;
  shareTargets?: PluginShareTarget[] | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "PluginShareTarget".
 */
export interface PluginShareTarget {
  principalId: string;
  principalType: PluginSharePrincipalType;
  role: PluginShareTargetRole;
}
export interface PluginShareUpdateTargetsRequest {
  id: string | number;
  method: 'plugin/share/updateTargets';
  params: PluginShareUpdateTargetsParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "PluginShareUpdateTargetsParams".
 */
export interface PluginShareUpdateTargetsParams {
  discoverability: PluginShareDiscoverability;
  remotePluginId: string;
  shareTargets: PluginShareTarget[];
}
export interface PluginShareListRequest {
  id: string | number;
  method: 'plugin/share/list';
  params: PluginShareListParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "PluginShareListParams".
 */
export interface PluginShareListParams {}
export interface PluginShareCheckoutRequest {
  id: string | number;
  method: 'plugin/share/checkout';
  params: PluginShareCheckoutParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "PluginShareCheckoutParams".
 */
export interface PluginShareCheckoutParams {
  remotePluginId: string;
}
export interface PluginShareDeleteRequest {
  id: string | number;
  method: 'plugin/share/delete';
  params: PluginShareDeleteParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "PluginShareDeleteParams".
 */
export interface PluginShareDeleteParams {
  remotePluginId: string;
}
export interface MarketplaceAddRequest {
  id: string | number;
  method: 'marketplace/add';
  params: MarketplaceAddParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "MarketplaceAddParams".
 */
export interface MarketplaceAddParams {
  source: string;
  refName?: string | null;
  sparsePaths?: string[] | null;
}
export interface MarketplaceRemoveRequest {
  id: string | number;
  method: 'marketplace/remove';
  params: MarketplaceRemoveParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "MarketplaceRemoveParams".
 */
export interface MarketplaceRemoveParams {
  marketplaceName: string;
}
export interface MarketplaceUpgradeRequest {
  id: string | number;
  method: 'marketplace/upgrade';
  params: MarketplaceUpgradeParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "MarketplaceUpgradeParams".
 */
export interface MarketplaceUpgradeParams {
  marketplaceName?: string | null;
}
export interface AppListRequest {
  id: string | number;
  method: 'app/list';
  params: AppsListParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "AppsListParams".
 */
export interface AppsListParams {
  cursor?: string | null;
  limit?: number | null;
  forceRefetch?: boolean | null;
  threadId?: string | null;
}
export interface AppReadRequest {
  id: string | number;
  method: 'app/read';
  params: AppsReadParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "AppsReadParams".
 */
export interface AppsReadParams {
  appIds: string[];
  includeTools?: boolean | null;
  threadId?: string | null;
}
export interface AppInstalledRequest {
  id: string | number;
  method: 'app/installed';
  params: AppsInstalledParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "AppsInstalledParams".
 */
export interface AppsInstalledParams {
  forceRefresh?: boolean | null;
  threadId?: string | null;
}
export interface AccountGatewayOAuthReadRequest {
  id: string | number;
  method: 'account/gatewayOAuth/read';
  params: GatewayOAuthReadParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "GatewayOAuthReadParams".
 */
export interface GatewayOAuthReadParams {
  modelProvider?: string | null;
}
export interface AccountGatewayOAuthLoginRequest {
  id: string | number;
  method: 'account/gatewayOAuth/login';
  params: GatewayOAuthLoginParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "GatewayOAuthLoginParams".
 */
export interface GatewayOAuthLoginParams {
  deviceAuth?: boolean | null;
  modelProvider?: string | null;
}
export interface AccountGatewayOAuthCancelRequest {
  id: string | number;
  method: 'account/gatewayOAuth/cancel';
  params: GatewayOAuthCancelParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "GatewayOAuthCancelParams".
 */
export interface GatewayOAuthCancelParams {}
export interface AccountSecuritySetupReadRequest {
  id: string | number;
  method: 'account/securitySetup/read';
  params: GetAccountSecuritySetupParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "GetAccountSecuritySetupParams".
 */
export interface GetAccountSecuritySetupParams {}
export interface AccountUsageReadRequest {
  id: string | number;
  method: 'account/usage/read';
  params: GetAccountTokenUsageParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "GetAccountTokenUsageParams".
 */
export interface GetAccountTokenUsageParams {
  threadId?: string | null;
}
export interface AccountWorkspaceMessagesReadRequest {
  id: string | number;
  method: 'account/workspaceMessages/read';
  params: GetWorkspaceMessagesParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "GetWorkspaceMessagesParams".
 */
export interface GetWorkspaceMessagesParams {}
export interface AccountRateLimitResetCreditConsumeRequest {
  id: string | number;
  method: 'account/rateLimitResetCredit/consume';
  params: ConsumeAccountRateLimitResetCreditParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ConsumeAccountRateLimitResetCreditParams".
 */
export interface ConsumeAccountRateLimitResetCreditParams {
  idempotencyKey: string;
  creditId?: string | null;
}
export interface AccountSendAddCreditsNudgeEmailRequest {
  id: string | number;
  method: 'account/sendAddCreditsNudgeEmail';
  params: SendAddCreditsNudgeEmailParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "SendAddCreditsNudgeEmailParams".
 */
export interface SendAddCreditsNudgeEmailParams {
  creditType: AddCreditsNudgeCreditType;
}
export interface ExternalAgentConfigDetectRequest {
  id: string | number;
  method: 'externalAgentConfig/detect';
  params: ExternalAgentConfigDetectParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ExternalAgentConfigDetectParams".
 */
export interface ExternalAgentConfigDetectParams {
  cwds?: string[] | null;
  includeHome?: boolean | null;
  maxSessionAgeDays?: number | null;
  maxSessions?: number | null;
  migrationSource?: string | null;
  source?: string | null;
}
export interface ExternalAgentConfigImportRequest {
  id: string | number;
  method: 'externalAgentConfig/import';
  params: ExternalAgentConfigImportParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ExternalAgentConfigImportParams".
 */
export interface ExternalAgentConfigImportParams {
  migrationItems: ExternalAgentConfigMigrationItem[];
  migrationSource?: string | null;
  providerId?: string | null;
  source?: string | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ExternalAgentConfigMigrationItem".
 */
export interface ExternalAgentConfigMigrationItem {
  description: string;
  itemType: ExternalAgentConfigMigrationItemType;
  cwd: string | null;
  details: unknown;
}
export interface ExternalAgentConfigImportRecordHistoryRequest {
  id: string | number;
  method: 'externalAgentConfig/import/recordHistory';
  params: ExternalAgentConfigImportHistoryRecordParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ExternalAgentConfigImportHistoryRecordParams".
 */
export interface ExternalAgentConfigImportHistoryRecordParams {
  providerId: string;
  itemTypeResults: ExternalAgentConfigImportHistoryRecordTypeResultParams[];
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ExternalAgentConfigImportHistoryRecordTypeResultParams".
 */
export interface ExternalAgentConfigImportHistoryRecordTypeResultParams {
  itemType: ExternalAgentConfigMigrationItemType;
  successes: unknown[];
  failures: unknown[];
}
export interface ExternalAgentConfigImportReadHistoriesRequest {
  id: string | number;
  method: 'externalAgentConfig/import/readHistories';
  params: ExternalAgentConfigImportHistoriesReadParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ExternalAgentConfigImportHistoriesReadParams".
 */
export interface ExternalAgentConfigImportHistoriesReadParams {}
export interface ThreadApproveGuardianDeniedActionRequest {
  id: string | number;
  method: 'thread/approveGuardianDeniedAction';
  params: ThreadApproveGuardianDeniedActionParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ThreadApproveGuardianDeniedActionParams".
 */
export interface ThreadApproveGuardianDeniedActionParams {
  threadId: string;
  event: unknown;
}
export interface WindowsSandboxReadinessRequest {
  id: string | number;
  method: 'windowsSandbox/readiness';
  params: WindowsSandboxReadinessParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "WindowsSandboxReadinessParams".
 */
export interface WindowsSandboxReadinessParams {}
export interface WindowsSandboxSetupStartRequest {
  id: string | number;
  method: 'windowsSandbox/setupStart';
  params: WindowsSandboxSetupStartParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "WindowsSandboxSetupStartParams".
 */
export interface WindowsSandboxSetupStartParams {
  mode: WindowsSandboxSetupMode;
  cwd?: string | null;
}
export interface AccountLoginCompletedNotification {
  method: 'account/login/completed';
  params: AccountLoginCompletedNotification1;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "AccountLoginCompletedNotification".
 */
export interface AccountLoginCompletedNotification1 {
  loginId: string | null;
  success: boolean;
  error: string | null;
}
export interface AccountRateLimitsUpdatedNotification {
  method: 'account/rateLimits/updated';
  params: AccountRateLimitsUpdatedNotification1;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "AccountRateLimitsUpdatedNotification".
 */
export interface AccountRateLimitsUpdatedNotification1 {
  rateLimits: RateLimitSnapshot | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "RateLimitSnapshot".
 */
export interface RateLimitSnapshot {
  limitId: string | null;
  limitName: string | null;
  normalModelSlug: string | null;
  primary: RateLimitWindow | null;
  secondary: RateLimitWindow | null;
  credits: CreditsSnapshot | null;
  individualLimit: unknown;
  spendControlReached: boolean | null;
  planType: string | null;
  rateLimitReachedType: string | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "RateLimitWindow".
 */
export interface RateLimitWindow {
  usedPercent: number;
  windowDurationMins: number | null;
  resetsAt: number | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "CreditsSnapshot".
 */
export interface CreditsSnapshot {
  hasCredits: boolean;
  unlimited: boolean;
  balance: string | null;
}
export interface AccountUpdatedNotification {
  method: 'account/updated';
  params: AccountUpdatedNotification1;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "AccountUpdatedNotification".
 */
export interface AccountUpdatedNotification1 {
  authMode: string | null;
  planType: string | null;
  reason: string | null;
}
export interface CommandExecOutputDeltaNotification {
  method: 'command/exec/outputDelta';
  params: CommandExecOutputDeltaNotification1;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "CommandExecOutputDeltaNotification".
 */
export interface CommandExecOutputDeltaNotification1 {
  processId: string | null;
  stream: string | null;
  deltaBase64: string | null;
  capReached: boolean;
}
export interface ConfigWarningNotification {
  method: 'configWarning';
  params: ConfigWarningNotification1;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ConfigWarningNotification".
 */
export interface ConfigWarningNotification1 {
  summary: string | null;
  details: string | null;
  path: string | null;
  range: TextRange | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "TextRange".
 */
export interface TextRange {
  start: TextPosition | null;
  end: TextPosition | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "TextPosition".
 */
export interface TextPosition {
  line: number;
  column: number;
}
export interface DeprecationNoticeNotification {
  method: 'deprecationNotice';
  params: DeprecationNoticeNotification1;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "DeprecationNoticeNotification".
 */
export interface DeprecationNoticeNotification1 {
  summary: string | null;
  details: string | null;
}
export interface ErrorNotification {
  method: 'error';
  params: ErrorNotification1;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ErrorNotification".
 */
export interface ErrorNotification1 {
  error: TurnError | null;
  willRetry: boolean;
  threadId: string | null;
  turnId: string | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "TurnError".
 */
export interface TurnError {
  message: string | null;
  codexErrorInfo: CodexErrorInfo | null;
  additionalDetails: string | null;
}
/**
 * any JSON value (CodexErrorInfo)
 *
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "CodexErrorInfo".
 */
export interface CodexErrorInfo {
  [k: string]: unknown | undefined;
}
export interface FsChangedNotification {
  method: 'fs/changed';
  params: FsChangedNotification1;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "FsChangedNotification".
 */
export interface FsChangedNotification1 {
  watchId: string | null;
  changedPaths: string[] | null;
}
export interface ItemAgentMessageDeltaNotification {
  method: 'item/agentMessage/delta';
  params: AgentMessageDeltaNotification;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "AgentMessageDeltaNotification".
 */
export interface AgentMessageDeltaNotification {
  threadId: string | null;
  turnId: string | null;
  itemId: string | null;
  delta: string | null;
}
export interface ItemCommandExecutionOutputDeltaNotification {
  method: 'item/commandExecution/outputDelta';
  params: CommandExecutionOutputDeltaNotification;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "CommandExecutionOutputDeltaNotification".
 */
export interface CommandExecutionOutputDeltaNotification {
  threadId: string | null;
  turnId: string | null;
  itemId: string | null;
  delta: string | null;
}
export interface ItemCompletedNotification {
  method: 'item/completed';
  params: ItemCompletedNotification1;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ItemCompletedNotification".
 */
export interface ItemCompletedNotification1 {
  item: ThreadItem | null;
  threadId: string | null;
  turnId: string | null;
  completedAtMs: number | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ThreadItemUserMessage".
 */
export interface ThreadItemUserMessage {
  type: 'userMessage';
  id: string | null;
  content: UserInput[] | null;
  clientId: string | null;
  startedAtMs: number | null;
  completedAtMs: number | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ThreadItemAgentMessage".
 */
export interface ThreadItemAgentMessage {
  type: 'agentMessage';
  id: string | null;
  text: string | null;
  phase: string | null;
  startedAtMs: number | null;
  completedAtMs: number | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ThreadItemReasoning".
 */
export interface ThreadItemReasoning {
  type: 'reasoning';
  id: string | null;
  summary: string[] | null;
  content: string[] | null;
  startedAtMs: number | null;
  completedAtMs: number | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ThreadItemPlan".
 */
export interface ThreadItemPlan {
  type: 'plan';
  id: string | null;
  text: string | null;
  startedAtMs: number | null;
  completedAtMs: number | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ThreadItemCommandExecution".
 */
export interface ThreadItemCommandExecution {
  type: 'commandExecution';
  id: string | null;
  command: string | null;
  cwd: string | null;
  processId: string | null;
  source: string | null;
  status: ItemStatus | null;
  commandActions: CommandAction[] | null;
  aggregatedOutput: string | null;
  exitCode: number | null;
  durationMs: number | null;
  startedAtMs: number | null;
  completedAtMs: number | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "CommandActionRead".
 */
export interface CommandActionRead {
  type: 'read';
  command: string | null;
  name: string | null;
  path: string | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "CommandActionListFiles".
 */
export interface CommandActionListFiles {
  type: 'listFiles';
  command: string | null;
  path: string | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "CommandActionSearch".
 */
export interface CommandActionSearch {
  type: 'search';
  command: string | null;
  query: string | null;
  path: string | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "CommandActionUnknown".
 */
export interface CommandActionUnknown {
  type: 'unknown';
  command: string | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ThreadItemFileChange".
 */
export interface ThreadItemFileChange {
  type: 'fileChange';
  id: string | null;
  changes: FileUpdateChange[] | null;
  status: ItemStatus | null;
  startedAtMs: number | null;
  completedAtMs: number | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "FileUpdateChange".
 */
export interface FileUpdateChange {
  path: string | null;
  kind: PatchChangeKind | null;
  diff: string | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "PatchChangeKindAdd".
 */
export interface PatchChangeKindAdd {
  type: 'add';
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "PatchChangeKindDelete".
 */
export interface PatchChangeKindDelete {
  type: 'delete';
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "PatchChangeKindUpdate".
 */
export interface PatchChangeKindUpdate {
  type: 'update';
  move_path: string | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ThreadItemMcpToolCall".
 */
export interface ThreadItemMcpToolCall {
  type: 'mcpToolCall';
  id: string | null;
  server: string | null;
  tool: string | null;
  status: ItemStatus | null;
  arguments: unknown;
  result: McpToolCallResult | null;
  error: McpToolCallError | null;
  durationMs: number | null;
  startedAtMs: number | null;
  completedAtMs: number | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "McpToolCallResult".
 */
export interface McpToolCallResult {
  content: unknown[] | null;
  structuredContent: unknown;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "McpToolCallError".
 */
export interface McpToolCallError {
  message: string | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ThreadItemWebSearch".
 */
export interface ThreadItemWebSearch {
  type: 'webSearch';
  id: string | null;
  query: string | null;
  startedAtMs: number | null;
  completedAtMs: number | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ThreadItemImageView".
 */
export interface ThreadItemImageView {
  type: 'imageView';
  id: string | null;
  path: string | null;
  startedAtMs: number | null;
  completedAtMs: number | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ThreadItemEnteredReviewMode".
 */
export interface ThreadItemEnteredReviewMode {
  type: 'enteredReviewMode';
  id: string | null;
  review: string | null;
  startedAtMs: number | null;
  completedAtMs: number | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ThreadItemExitedReviewMode".
 */
export interface ThreadItemExitedReviewMode {
  type: 'exitedReviewMode';
  id: string | null;
  review: string | null;
  startedAtMs: number | null;
  completedAtMs: number | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ThreadItemContextCompaction".
 */
export interface ThreadItemContextCompaction {
  type: 'contextCompaction';
  id: string | null;
  startedAtMs: number | null;
  completedAtMs: number | null;
}
export interface ItemFileChangeOutputDeltaNotification {
  method: 'item/fileChange/outputDelta';
  params: FileChangeOutputDeltaNotification;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "FileChangeOutputDeltaNotification".
 */
export interface FileChangeOutputDeltaNotification {
  threadId: string | null;
  turnId: string | null;
  itemId: string | null;
  delta: string | null;
}
export interface ItemMcpToolCallProgressNotification {
  method: 'item/mcpToolCall/progress';
  params: McpToolCallProgressNotification;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "McpToolCallProgressNotification".
 */
export interface McpToolCallProgressNotification {
  threadId: string | null;
  turnId: string | null;
  itemId: string | null;
  message: string | null;
}
export interface ItemReasoningSummaryPartAddedNotification {
  method: 'item/reasoning/summaryPartAdded';
  params: ReasoningSummaryPartAddedNotification;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ReasoningSummaryPartAddedNotification".
 */
export interface ReasoningSummaryPartAddedNotification {
  threadId: string | null;
  turnId: string | null;
  itemId: string | null;
  summaryIndex: number;
}
export interface ItemReasoningSummaryTextDeltaNotification {
  method: 'item/reasoning/summaryTextDelta';
  params: ReasoningSummaryTextDeltaNotification;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ReasoningSummaryTextDeltaNotification".
 */
export interface ReasoningSummaryTextDeltaNotification {
  threadId: string | null;
  turnId: string | null;
  itemId: string | null;
  delta: string | null;
  summaryIndex: number;
}
export interface ItemReasoningTextDeltaNotification {
  method: 'item/reasoning/textDelta';
  params: ReasoningTextDeltaNotification;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ReasoningTextDeltaNotification".
 */
export interface ReasoningTextDeltaNotification {
  threadId: string | null;
  turnId: string | null;
  itemId: string | null;
  delta: string | null;
  contentIndex: number;
}
export interface ItemStartedNotification {
  method: 'item/started';
  params: ItemStartedNotification1;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ItemStartedNotification".
 */
export interface ItemStartedNotification1 {
  item: ThreadItem | null;
  threadId: string | null;
  turnId: string | null;
  startedAtMs: number | null;
}
export interface McpServerStartupStatusUpdatedNotification {
  method: 'mcpServer/startupStatus/updated';
  params: McpServerStatusUpdatedNotification;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "McpServerStatusUpdatedNotification".
 */
export interface McpServerStatusUpdatedNotification {
  threadId: string | null;
  name: string | null;
  status: McpServerStartupState | null;
  error: string | null;
  failureReason: string | null;
}
export interface ServerRequestResolvedNotification {
  method: 'serverRequest/resolved';
  params: ServerRequestResolvedNotification1;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ServerRequestResolvedNotification".
 */
export interface ServerRequestResolvedNotification1 {
  threadId: string | null;
  requestId: unknown;
}
export interface ThreadArchivedNotification {
  method: 'thread/archived';
  params: ThreadArchivedNotification1;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ThreadArchivedNotification".
 */
export interface ThreadArchivedNotification1 {
  threadId: string | null;
}
export interface ThreadClosedNotification {
  method: 'thread/closed';
  params: ThreadClosedNotification1;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ThreadClosedNotification".
 */
export interface ThreadClosedNotification1 {
  threadId: string | null;
}
export interface ThreadDeletedNotification {
  method: 'thread/deleted';
  params: ThreadDeletedNotification1;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ThreadDeletedNotification".
 */
export interface ThreadDeletedNotification1 {
  threadId: string | null;
}
export interface ThreadGoalClearedNotification {
  method: 'thread/goal/cleared';
  params: ThreadGoalClearedNotification1;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ThreadGoalClearedNotification".
 */
export interface ThreadGoalClearedNotification1 {
  threadId: string | null;
}
export interface ThreadNameUpdatedNotification {
  method: 'thread/name/updated';
  params: ThreadNameUpdatedNotification1;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ThreadNameUpdatedNotification".
 */
export interface ThreadNameUpdatedNotification1 {
  threadId: string | null;
  threadName: string | null;
}
export interface ThreadReadStateChangedNotification {
  method: 'thread/readState/changed';
  params: ThreadReadStateChangedNotification1;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ThreadReadStateChangedNotification".
 */
export interface ThreadReadStateChangedNotification1 {
  threadId: string | null;
  readState: ThreadReadState | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ThreadReadState".
 */
export interface ThreadReadState {
  firstUnread: ThreadUnreadPosition | null;
  revision: string | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ThreadUnreadPositionThreadStart".
 */
export interface ThreadUnreadPositionThreadStart {
  type: 'threadStart';
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ThreadUnreadPositionAtTurn".
 */
export interface ThreadUnreadPositionAtTurn {
  type: 'turn';
  turnId: string | null;
}
export interface ThreadRevertedNotification {
  method: 'thread/reverted';
  params: ThreadRevertedNotification1;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ThreadRevertedNotification".
 */
export interface ThreadRevertedNotification1 {
  threadId: string | null;
}
export interface ThreadSettingsUpdatedNotification {
  method: 'thread/settings/updated';
  params: ThreadSettingsUpdatedNotification1;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ThreadSettingsUpdatedNotification".
 */
export interface ThreadSettingsUpdatedNotification1 {
  threadId: string | null;
  threadSettings: ThreadSettingsView | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ThreadSettingsView".
 */
export interface ThreadSettingsView {
  disabledPluginIds: string[] | null;
  cwd: string | null;
  environments: unknown[] | null;
  approvalPolicy: AskForApproval | null;
  approvalsReviewer: string | null;
  sandboxPolicy: SandboxPolicy | null;
  activePermissionProfile: unknown;
  model: string | null;
  modelProvider: string | null;
  serviceTier: string | null;
  effort: string | null;
  summary: string | null;
  collaborationMode: {
    [k: string]: unknown | undefined;
  } | null;
  multiAgentMode: string | null;
  personality: string | null;
}
export interface ThreadStartedNotification {
  method: 'thread/started';
  params: ThreadStartedNotification1;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ThreadStartedNotification".
 */
export interface ThreadStartedNotification1 {
  thread: Thread | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "Thread".
 */
export interface Thread {
  id: string | null;
  sessionId: string | null;
  forkedFromId: string | null;
  parentThreadId: string | null;
  preview: string | null;
  ephemeral: boolean;
  section: unknown;
  sectionEnteredAt: number | null;
  projectId: string | null;
  historyMode: ThreadHistoryMode | null;
  modelProvider: string | null;
  model: string | null;
  reasoningEffort: string | null;
  createdAt: number;
  updatedAt: number;
  recencyAt: number | null;
  status: ThreadStatus | null;
  path: string | null;
  cwd: string | null;
  cliVersion: string | null;
  originator: string | null;
  source: string | null;
  threadSource: string | null;
  agentNickname: string | null;
  agentRole: string | null;
  gitInfo: GitInfo | null;
  name: string | null;
  turns: Turn[] | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ThreadStatusNotLoaded".
 */
export interface ThreadStatusNotLoaded {
  type: 'notLoaded';
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ThreadStatusIdle".
 */
export interface ThreadStatusIdle {
  type: 'idle';
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ThreadStatusSystemError".
 */
export interface ThreadStatusSystemError {
  type: 'systemError';
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ThreadStatusActive".
 */
export interface ThreadStatusActive {
  type: 'active';
  activeFlags: string[] | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "GitInfo".
 */
export interface GitInfo {
  sha: string | null;
  branch: string | null;
  originUrl: string | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "Turn".
 */
export interface Turn {
  id: string | null;
  rootTurnId: string | null;
  items: ThreadItem[] | null;
  itemsView: TurnItemsView | null;
  status: TurnStatus | null;
  error: TurnError | null;
  startedAt: number | null;
  completedAt: number | null;
  durationMs: number | null;
}
export interface ThreadStatusChangedNotification {
  method: 'thread/status/changed';
  params: ThreadStatusChangedNotification1;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ThreadStatusChangedNotification".
 */
export interface ThreadStatusChangedNotification1 {
  threadId: string | null;
  status: ThreadStatus | null;
}
export interface ThreadTokenUsageUpdatedNotification {
  method: 'thread/tokenUsage/updated';
  params: ThreadTokenUsageUpdatedNotification1;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ThreadTokenUsageUpdatedNotification".
 */
export interface ThreadTokenUsageUpdatedNotification1 {
  threadId: string | null;
  turnId: string | null;
  tokenUsage: ThreadTokenUsage | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ThreadTokenUsage".
 */
export interface ThreadTokenUsage {
  total: TokenUsageBreakdown | null;
  last: TokenUsageBreakdown | null;
  modelContextWindow: number | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "TokenUsageBreakdown".
 */
export interface TokenUsageBreakdown {
  totalTokens: number;
  inputTokens: number;
  cachedInputTokens: number;
  outputTokens: number;
  reasoningOutputTokens: number;
}
export interface ThreadUnarchivedNotification {
  method: 'thread/unarchived';
  params: ThreadUnarchivedNotification1;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ThreadUnarchivedNotification".
 */
export interface ThreadUnarchivedNotification1 {
  threadId: string | null;
}
export interface TurnCompletedNotification {
  method: 'turn/completed';
  params: TurnCompletedNotification1;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "TurnCompletedNotification".
 */
export interface TurnCompletedNotification1 {
  threadId: string | null;
  turn: Turn | null;
}
export interface TurnDiffUpdatedNotification {
  method: 'turn/diff/updated';
  params: TurnDiffUpdatedNotification1;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "TurnDiffUpdatedNotification".
 */
export interface TurnDiffUpdatedNotification1 {
  threadId: string | null;
  turnId: string | null;
  diff: string | null;
}
export interface TurnPlanUpdatedNotification {
  method: 'turn/plan/updated';
  params: TurnPlanUpdatedNotification1;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "TurnPlanUpdatedNotification".
 */
export interface TurnPlanUpdatedNotification1 {
  threadId: string | null;
  turnId: string | null;
  explanation: string | null;
  plan: PlanStep[] | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "PlanStep".
 */
export interface PlanStep {
  step: string | null;
  status: string | null;
}
export interface TurnStartedNotification {
  method: 'turn/started';
  params: TurnStartedNotification1;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "TurnStartedNotification".
 */
export interface TurnStartedNotification1 {
  threadId: string | null;
  turn: Turn | null;
}
export interface WarningNotification {
  method: 'warning';
  params: WarningNotification1;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "WarningNotification".
 */
export interface WarningNotification1 {
  threadId: string | null;
  message: string | null;
}
export interface ItemCommandExecutionRequestApprovalRequest {
  id: string | number;
  method: 'item/commandExecution/requestApproval';
  params: CommandExecutionRequestApprovalParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "CommandExecutionRequestApprovalParams".
 */
export interface CommandExecutionRequestApprovalParams {
  threadId?: string | null;
  turnId?: string | null;
  itemId?: string | null;
  kind?: string | null;
  startedAtMs?: number | null;
  reason?: string | null;
  command?: string | null;
  cwd?: string | null;
  commandActions?: CommandAction[] | null;
  approvalId?: string | null;
  environmentId?: string | null;
  availableDecisions?: unknown[] | null;
}
export interface ItemFileChangeRequestApprovalRequest {
  id: string | number;
  method: 'item/fileChange/requestApproval';
  params: FileChangeRequestApprovalParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "FileChangeRequestApprovalParams".
 */
export interface FileChangeRequestApprovalParams {
  threadId?: string | null;
  turnId?: string | null;
  itemId?: string | null;
  startedAtMs?: number | null;
  reason?: string | null;
  grantRoot?: string | null;
}
export interface McpServerElicitationRequestRequest {
  id: string | number;
  method: 'mcpServer/elicitation/request';
  params: McpServerElicitationRequestParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "McpServerElicitationRequestParams".
 */
export interface McpServerElicitationRequestParams {
  threadId?: string | null;
  turnId?: string | null;
  serverName?: string | null;
  mode?: string | null;
  message?: string | null;
  requestedSchema?: unknown;
  url?: string | null;
  elicitationId?: string | null;
  _meta?: unknown;
}
export interface ItemToolRequestUserInputRequest {
  id: string | number;
  method: 'item/tool/requestUserInput';
  params: ToolRequestUserInputParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ToolRequestUserInputParams".
 */
export interface ToolRequestUserInputParams {
  threadId?: string | null;
  turnId?: string | null;
  itemId?: string | null;
  questions?: ToolRequestUserInputParamsQuestion[] | null;
  isBlocking?: boolean;
  autoResolutionMs?: number | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ToolRequestUserInputParamsQuestion".
 */
export interface ToolRequestUserInputParamsQuestion {
  id: string | null;
  header: string | null;
  question: string | null;
  isOther: boolean;
  isSecret: boolean;
  options: ToolRequestUserInputParamsOption[] | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ToolRequestUserInputParamsOption".
 */
export interface ToolRequestUserInputParamsOption {
  label: string | null;
  description: string | null;
}
export interface ItemPermissionsRequestApprovalRequest {
  id: string | number;
  method: 'item/permissions/requestApproval';
  params: PermissionsRequestApprovalParams;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "PermissionsRequestApprovalParams".
 */
export interface PermissionsRequestApprovalParams {
  threadId?: string | null;
  turnId?: string | null;
  itemId?: string | null;
  environmentId?: string | null;
  startedAtMs?: number;
  cwd?: string | null;
  reason?: string | null;
  permissions?: PermissionsRequestApprovalParamsProfile | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "PermissionsRequestApprovalParamsProfile".
 */
export interface PermissionsRequestApprovalParamsProfile {
  network: PermissionsRequestApprovalParamsNetwork | null;
  fileSystem: PermissionsRequestApprovalParamsFileSystem | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "PermissionsRequestApprovalParamsNetwork".
 */
export interface PermissionsRequestApprovalParamsNetwork {
  enabled: boolean | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "PermissionsRequestApprovalParamsFileSystem".
 */
export interface PermissionsRequestApprovalParamsFileSystem {
  read: string[] | null;
  write: string[] | null;
  entries: PermissionsRequestApprovalParamsEntry[] | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "PermissionsRequestApprovalParamsEntry".
 */
export interface PermissionsRequestApprovalParamsEntry {
  path: PermissionsRequestApprovalParamsPath | null;
  access: string | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "PermissionsRequestApprovalParamsPath".
 */
export interface PermissionsRequestApprovalParamsPath {
  type: string | null;
  path: string | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "AccountApiKey".
 */
export interface AccountApiKey {
  type: 'apiKey';
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ApprovalDecisionResponse".
 */
export interface ApprovalDecisionResponse {
  decision?: unknown;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "AppsInstalledResponse".
 */
export interface AppsInstalledResponse {
  apps: unknown[];
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "AppsListResponse".
 */
export interface AppsListResponse {
  data: unknown[];
  nextCursor: string | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "AppsReadResponse".
 */
export interface AppsReadResponse {
  apps: unknown[];
  missingAppIds: string[];
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "CancelLoginAccountResponse".
 */
export interface CancelLoginAccountResponse {
  status: string | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "CommandExecResponse".
 */
export interface CommandExecResponse {
  exitCode: number;
  stdout: string | null;
  stderr: string | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ConfigLayer".
 */
export interface ConfigLayer {
  name: ConfigLayerSource | null;
  version: string | null;
  config: {
    [k: string]: unknown | undefined;
  } | null;
  disabledReason: string | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ConfigLayerSourceSystem".
 */
export interface ConfigLayerSourceSystem {
  type: 'system';
  file: string | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ConfigLayerSourceUser".
 */
export interface ConfigLayerSourceUser {
  type: 'user';
  file: string | null;
  profile: string | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ConfigLayerSourceProject".
 */
export interface ConfigLayerSourceProject {
  type: 'project';
  dotCodexFolder: string | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ConfigLayerSourceSessionFlags".
 */
export interface ConfigLayerSourceSessionFlags {
  type: 'sessionFlags';
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ConfigLayerMetadata".
 */
export interface ConfigLayerMetadata {
  name: ConfigLayerSource | null;
  version: string | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ConfigReadResponse".
 */
export interface ConfigReadResponse {
  config: {
    [k: string]: unknown | undefined;
  } | null;
  origins: {
    [k: string]: ConfigLayerMetadata | undefined;
  } | null;
  layers: ConfigLayer[] | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ConfigRequirementsReadResponse".
 */
export interface ConfigRequirementsReadResponse {
  requirements: unknown;
  supportsIndependentSpeedModes: boolean | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ConfigWriteResponse".
 */
export interface ConfigWriteResponse {
  status: string | null;
  version: string | null;
  filePath: string | null;
  overriddenMetadata: ConfigWriteResponseOverriddenMetadata | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ConfigWriteResponseOverriddenMetadata".
 */
export interface ConfigWriteResponseOverriddenMetadata {
  message: string | null;
  overridingLayer: ConfigLayerMetadata | null;
  effectiveValue: unknown;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "EmptyResponse".
 */
export interface EmptyResponse {}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ExternalAgentConfigImportHistoriesReadResponse".
 */
export interface ExternalAgentConfigImportHistoriesReadResponse {
  data: unknown[];
  connectors: unknown[];
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "FeatureAbsentResult".
 */
export interface FeatureAbsentResult {}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "FsGetMetadataResponse".
 */
export interface FsGetMetadataResponse {
  isDirectory: boolean;
  isFile: boolean;
  isSymlink: boolean;
  createdAtMs: number;
  modifiedAtMs: number;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "FsReadDirectoryResponse".
 */
export interface FsReadDirectoryResponse {
  entries: FsReadDirectoryResponseEntry[] | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "FsReadDirectoryResponseEntry".
 */
export interface FsReadDirectoryResponseEntry {
  fileName: string | null;
  isDirectory: boolean;
  isFile: boolean;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "FsReadFileResponse".
 */
export interface FsReadFileResponse {
  dataBase64: string | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "FsWatchResponse".
 */
export interface FsWatchResponse {
  path: string | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "FuzzyFileSearchResponse".
 */
export interface FuzzyFileSearchResponse {
  files: FuzzyFileSearchResponseMatch[] | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "FuzzyFileSearchResponseMatch".
 */
export interface FuzzyFileSearchResponseMatch {
  root: string | null;
  path: string | null;
  match_type: string | null;
  file_name: string | null;
  score: number;
  indices: number[] | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "GetAccountRateLimitsResponse".
 */
export interface GetAccountRateLimitsResponse {
  rateLimits: RateLimitSnapshot | null;
  rateLimitsByLimitId: {
    [k: string]: RateLimitSnapshot | undefined;
  } | null;
  accountId: string | null;
  ordinaryUsageAllowed: boolean | null;
  rateLimitResetCredits: unknown;
  rateLimitUpsell: unknown;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "GetAccountResponse".
 */
export interface GetAccountResponse {
  account: Account | null;
  userId: string | null;
  requiresOpenaiAuth: boolean;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "GetAccountSecuritySetupResponse".
 */
export interface GetAccountSecuritySetupResponse {
  notice: unknown;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "GetAuthStatusResponse".
 */
export interface GetAuthStatusResponse {
  authMethod: string | null;
  authToken: string | null;
  requiresOpenaiAuth: boolean;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "GetWorkspaceMessagesResponse".
 */
export interface GetWorkspaceMessagesResponse {
  featureEnabled: boolean;
  messages: unknown[];
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "InitializeResponse".
 */
export interface InitializeResponse {
  userAgent: string | null;
  codexHome: string | null;
  platformFamily: string | null;
  platformOs: string | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ListMcpServerStatusResponse".
 */
export interface ListMcpServerStatusResponse {
  data: McpServerStatus[] | null;
  nextCursor: string | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "McpServerStatus".
 */
export interface McpServerStatus {
  name: string | null;
  tools: {
    [k: string]: unknown | undefined;
  } | null;
  resources: unknown[] | null;
  resourceTemplates: unknown[] | null;
  authStatus: McpAuthStatus | null;
  runtimeStatus: McpServerConnectionStatus | null;
  serverInfo: unknown;
  serverCapabilities: unknown;
  toolsError: string | null;
  httpOrigin: string | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "LoginAccountResponse".
 */
export interface LoginAccountResponse {
  type: string | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "MarketplaceUpgradeResponse".
 */
export interface MarketplaceUpgradeResponse {
  errors: unknown[];
  selectedMarketplaces: string[];
  upgradedRoots: string[];
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "McpServerElicitationRequestResponse".
 */
export interface McpServerElicitationRequestResponse {
  action: string | null;
  content: unknown;
  _meta: unknown;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ModelInfo".
 */
export interface ModelInfo {
  id: string | null;
  model: string | null;
  displayName: string | null;
  description: string | null;
  hidden: boolean;
  supportedReasoningEfforts: ModelInfoReasoningEffortOption[] | null;
  defaultReasoningEffort: string | null;
  inputModalities: string[] | null;
  supportsPersonality: boolean;
  upgrade: string | null;
  isDefault: boolean;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ModelInfoReasoningEffortOption".
 */
export interface ModelInfoReasoningEffortOption {
  reasoningEffort: string | null;
  description: string | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ModelListResponse".
 */
export interface ModelListResponse {
  data: ModelInfo[] | null;
  nextCursor: string | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "PermissionProfileListResponse".
 */
export interface PermissionProfileListResponse {
  data: PermissionProfileListResponsePermissionProfileSummary[] | null;
  nextCursor: string | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "PermissionProfileListResponsePermissionProfileSummary".
 */
export interface PermissionProfileListResponsePermissionProfileSummary {
  id: string | null;
  description: string | null;
  allowed: boolean;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "PermissionsRequestApprovalResponse".
 */
export interface PermissionsRequestApprovalResponse {
  permissions: PermissionsRequestApprovalParamsProfile | null;
  scope: string | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "PluginInstalledResponse".
 */
export interface PluginInstalledResponse {
  marketplaces: unknown[];
  marketplaceLoadErrors: unknown[] | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "PluginListResponse".
 */
export interface PluginListResponse {
  marketplaces: unknown[];
  featuredPluginIds: string[] | null;
  marketplaceLoadErrors: unknown[] | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "PluginReconcileResponse".
 */
export interface PluginReconcileResponse {
  changedPlugins: unknown[];
  failedMaterializationRemotePluginIds: string[];
  failedRemotePluginIds: string[];
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "PluginShareListResponse".
 */
export interface PluginShareListResponse {
  data: unknown[];
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ReviewStartResponse".
 */
export interface ReviewStartResponse {
  turn: Turn | null;
  reviewThreadId: string | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "SkillsListResponse".
 */
export interface SkillsListResponse {
  data: SkillsListResponseEntry[] | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "SkillsListResponseEntry".
 */
export interface SkillsListResponseEntry {
  cwd: string | null;
  skills: SkillsListResponseSkill[] | null;
  errors: SkillsListResponseError[] | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "SkillsListResponseSkill".
 */
export interface SkillsListResponseSkill {
  name: string | null;
  description: string | null;
  interface: {
    [k: string]: unknown | undefined;
  } | null;
  path: string | null;
  scope: string | null;
  enabled: boolean;
  pluginId: string | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "SkillsListResponseError".
 */
export interface SkillsListResponseError {
  path: string | null;
  message: string | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ThreadAttachmentListResponse".
 */
export interface ThreadAttachmentListResponse {
  data: unknown[];
  nextCursor: string | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ThreadAttachmentOwnerListResponse".
 */
export interface ThreadAttachmentOwnerListResponse {
  data: unknown[];
  nextCursor: string | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ThreadItemEntry".
 */
export interface ThreadItemEntry {
  turnId: string | null;
  item: ThreadItem | null;
  startedAtMs: number | null;
  completedAtMs: number | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ThreadItemsListResponse".
 */
export interface ThreadItemsListResponse {
  data: ThreadItemEntry[] | null;
  nextCursor: string | null;
  backwardsCursor: string | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ThreadListResponse".
 */
export interface ThreadListResponse {
  data: Thread[] | null;
  nextCursor: string | null;
  backwardsCursor: string | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ThreadLoadedListResponse".
 */
export interface ThreadLoadedListResponse {
  data: string[] | null;
  nextCursor: string | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ThreadMetadataUpdateResponse".
 */
export interface ThreadMetadataUpdateResponse {
  thread: Thread | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ThreadReadResponse".
 */
export interface ThreadReadResponse {
  thread: Thread | null;
  readState: ThreadReadState | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ThreadResumeResponse".
 */
export interface ThreadResumeResponse {
  thread: Thread | null;
  model: string | null;
  modelProvider: string | null;
  serviceTier: string | null;
  disabledPluginIds: string[] | null;
  cwd: string | null;
  instructionSources: string[] | null;
  approvalPolicy: AskForApproval | null;
  approvalsReviewer: string | null;
  sandbox: SandboxPolicy | null;
  reasoningEffort: string | null;
  turnsBackwardsCursor: string | null;
  itemsBackwardsCursor: string | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ThreadRevertResponse".
 */
export interface ThreadRevertResponse {
  thread: Thread | null;
  turnsBackwardsCursor: string | null;
  itemsBackwardsCursor: string | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ThreadSectionListResponse".
 */
export interface ThreadSectionListResponse {
  data: unknown[];
  nextCursor: string | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ThreadStartResponse".
 */
export interface ThreadStartResponse {
  thread: Thread | null;
  model: string | null;
  modelProvider: string | null;
  serviceTier: string | null;
  disabledPluginIds: string[] | null;
  cwd: string | null;
  instructionSources: string[] | null;
  approvalPolicy: AskForApproval | null;
  approvalsReviewer: string | null;
  sandbox: SandboxPolicy | null;
  reasoningEffort: string | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ThreadTurnsListResponse".
 */
export interface ThreadTurnsListResponse {
  data: Turn[] | null;
  nextCursor: string | null;
  backwardsCursor: string | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ThreadUnarchiveResponse".
 */
export interface ThreadUnarchiveResponse {
  thread: Thread | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ThreadUnsubscribeResponse".
 */
export interface ThreadUnsubscribeResponse {
  status: string | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ToolRequestUserInputResponse".
 */
export interface ToolRequestUserInputResponse {
  answers: {
    [k: string]: ToolRequestUserInputResponseAnswer | undefined;
  } | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "ToolRequestUserInputResponseAnswer".
 */
export interface ToolRequestUserInputResponseAnswer {
  answers: string[] | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "TurnStartResponse".
 */
export interface TurnStartResponse {
  turn: Turn | null;
}
/**
 * This interface was referenced by `JcodexProtocol`'s JSON-Schema
 * via the `definition` "TurnSteerResponse".
 */
export interface TurnSteerResponse {
  turnId: string | null;
}

/** Result type of each request method. */
export interface ResponsesByMethod {
  'initialize': InitializeResponse;
  'thread/start': ThreadStartResponse;
  'turn/start': TurnStartResponse;
  'turn/interrupt': EmptyResponse;
  'config/read': ConfigReadResponse;
  'config/value/write': ConfigWriteResponse;
  'config/batchWrite': ConfigWriteResponse;
  'model/list': ModelListResponse;
  'account/read': GetAccountResponse;
  'account/login/start': LoginAccountResponse;
  'getAuthStatus': GetAuthStatusResponse;
  'account/logout': EmptyResponse;
  'account/login/cancel': CancelLoginAccountResponse;
  'account/rateLimits/read': GetAccountRateLimitsResponse;
  'configRequirements/read': ConfigRequirementsReadResponse;
  'permissionProfile/list': PermissionProfileListResponse;
  'modelProvider/default/set': ConfigWriteResponse;
  'command/exec': CommandExecResponse;
  'command/exec/write': EmptyResponse;
  'command/exec/terminate': EmptyResponse;
  'command/exec/resize': EmptyResponse;
  'fs/readFile': FsReadFileResponse;
  'fs/writeFile': EmptyResponse;
  'fs/createDirectory': EmptyResponse;
  'fs/getMetadata': FsGetMetadataResponse;
  'fs/readDirectory': FsReadDirectoryResponse;
  'fs/remove': EmptyResponse;
  'fs/copy': EmptyResponse;
  'fs/watch': FsWatchResponse;
  'fs/unwatch': EmptyResponse;
  'fuzzyFileSearch': FuzzyFileSearchResponse;
  'skills/list': SkillsListResponse;
  'mcpServerStatus/list': ListMcpServerStatusResponse;
  'thread/list': ThreadListResponse;
  'thread/read': ThreadReadResponse;
  'thread/resume': ThreadResumeResponse;
  'thread/fork': ThreadStartResponse;
  'thread/archive': EmptyResponse;
  'thread/unarchive': ThreadUnarchiveResponse;
  'thread/name/set': EmptyResponse;
  'thread/loaded/list': ThreadLoadedListResponse;
  'thread/unsubscribe': ThreadUnsubscribeResponse;
  'turn/steer': TurnSteerResponse;
  'review/start': ReviewStartResponse;
  'thread/shellCommand': EmptyResponse;
  'thread/compact/start': EmptyResponse;
  'thread/turns/list': ThreadTurnsListResponse;
  'thread/items/list': ThreadItemsListResponse;
  'thread/revert': ThreadRevertResponse;
  'thread/delete': EmptyResponse;
  'thread/metadata/update': ThreadMetadataUpdateResponse;
  'threadSection/list': ThreadSectionListResponse;
  'threadSection/create': FeatureAbsentResult;
  'threadSection/update': FeatureAbsentResult;
  'threadSection/delete': FeatureAbsentResult;
  'thread/section/move': FeatureAbsentResult;
  'thread/attachment/add': FeatureAbsentResult;
  'thread/attachment/list': ThreadAttachmentListResponse;
  'thread/attachment/remove': FeatureAbsentResult;
  'thread/attachmentOwner/list': ThreadAttachmentOwnerListResponse;
  'plugin/list': PluginListResponse;
  'plugin/installed': PluginInstalledResponse;
  'plugin/read': FeatureAbsentResult;
  'plugin/install': FeatureAbsentResult;
  'plugin/uninstall': FeatureAbsentResult;
  'plugin/reconcile': PluginReconcileResponse;
  'plugin/skill/read': FeatureAbsentResult;
  'plugin/share/save': FeatureAbsentResult;
  'plugin/share/updateTargets': FeatureAbsentResult;
  'plugin/share/list': PluginShareListResponse;
  'plugin/share/checkout': FeatureAbsentResult;
  'plugin/share/delete': FeatureAbsentResult;
  'marketplace/add': FeatureAbsentResult;
  'marketplace/remove': FeatureAbsentResult;
  'marketplace/upgrade': MarketplaceUpgradeResponse;
  'app/list': AppsListResponse;
  'app/read': AppsReadResponse;
  'app/installed': AppsInstalledResponse;
  'account/gatewayOAuth/read': FeatureAbsentResult;
  'account/gatewayOAuth/login': FeatureAbsentResult;
  'account/gatewayOAuth/cancel': FeatureAbsentResult;
  'account/securitySetup/read': GetAccountSecuritySetupResponse;
  'account/usage/read': FeatureAbsentResult;
  'account/workspaceMessages/read': GetWorkspaceMessagesResponse;
  'account/rateLimitResetCredit/consume': FeatureAbsentResult;
  'account/sendAddCreditsNudgeEmail': FeatureAbsentResult;
  'externalAgentConfig/detect': FeatureAbsentResult;
  'externalAgentConfig/import': FeatureAbsentResult;
  'externalAgentConfig/import/recordHistory': FeatureAbsentResult;
  'externalAgentConfig/import/readHistories': ExternalAgentConfigImportHistoriesReadResponse;
  'thread/approveGuardianDeniedAction': FeatureAbsentResult;
  'windowsSandbox/readiness': FeatureAbsentResult;
  'windowsSandbox/setupStart': FeatureAbsentResult;
  'item/commandExecution/requestApproval': ApprovalDecisionResponse;
  'item/fileChange/requestApproval': ApprovalDecisionResponse;
  'mcpServer/elicitation/request': McpServerElicitationRequestResponse;
  'item/tool/requestUserInput': ToolRequestUserInputResponse;
  'item/permissions/requestApproval': PermissionsRequestApprovalResponse;
}

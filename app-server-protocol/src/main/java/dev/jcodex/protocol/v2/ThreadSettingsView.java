package dev.jcodex.protocol.v2;

import java.util.List;
import java.util.Map;

/**
 * A loaded thread's settings for future turns (thread/settings/updated). jcodex has no plugins, environments,
 * permission profiles or collaboration presets: {@code disabledPluginIds} is empty, {@code environments} and
 * {@code activePermissionProfile} null, {@code collaborationMode} the default mode, {@code multiAgentMode}
 * Codex's only value.
 */
public record ThreadSettingsView(List<String> disabledPluginIds, String cwd, List<Object> environments,
                                 AskForApproval approvalPolicy, String approvalsReviewer, SandboxPolicy sandboxPolicy,
                                 Object activePermissionProfile, String model, String modelProvider, String serviceTier,
                                 String effort, String summary, Map<String, Object> collaborationMode,
                                 String multiAgentMode, String personality) {}

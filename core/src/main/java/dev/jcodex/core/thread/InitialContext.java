package dev.jcodex.core.thread;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcodex.core.util.Json;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The messages that open a thread's history before the first user message: developer instructions (base
 * prompt; the skills, when there are any; the permissions in force and the thread's developer instructions)
 * and the environment context.
 */
public final class InitialContext {
    static final String BASE_INSTRUCTIONS = """
            You are jcodex, a coding agent working in the user's workspace. Collaborate with the user until the \
            task is done: read the code before changing it, make focused changes, and verify them when you can.
            Use exec_command to run shell commands and apply_patch to edit files. Keep the user informed with \
            short updates, and end with a brief summary of what changed and what is left.""";

    private InitialContext() {}

    /**
     * {@code skillsBlock}: the skills list for the developer message (null when there are none); it is a part
     * of its own before the permissions, as in Codex.
     */
    public static List<ObjectNode> build(ThreadSettings s, String userInstructions, String skillsBlock) {
        List<ObjectNode> out = new ArrayList<>();
        String base = s.baseInstructions() != null ? s.baseInstructions() : BASE_INSTRUCTIONS;
        StringBuilder rest = new StringBuilder(permissions(s));
        if (s.developerInstructions() != null && !s.developerInstructions().isBlank()) {
            rest.append("\n\n").append(s.developerInstructions());
        }
        ObjectNode dev = message("developer", base);
        if (skillsBlock != null) addText(dev, skillsBlock);
        addText(dev, rest.toString());
        out.add(dev);
        if (userInstructions != null && !userInstructions.isBlank()) out.add(message("user", userInstructions));
        out.add(message("user", environmentContext(s)));
        return out;
    }

    private static void addText(ObjectNode message, String text) {
        ((com.fasterxml.jackson.databind.node.ArrayNode) message.get("content")).addObject().put("type", "input_text")
                .put("text", text);
    }

    static String permissions(ThreadSettings s) {
        String sandbox = switch (s.sandbox().type()) {
            case "workspaceWrite" -> "workspace-write: you may write inside the workspace (" + s.cwd()
                    + (s.sandbox().writableRoots().isEmpty() ? "" : ", " + String.join(", ", s.sandbox().writableRoots()))
                    + ") and temporary directories";
            case "dangerFullAccess" -> "danger-full-access: no filesystem restrictions";
            case "externalSandbox" -> "external: the client confines commands";
            default -> "read-only: commands may read files but not write them";
        };
        return "<permissions instructions>\nFilesystem sandbox: " + sandbox + ".\nNetwork: "
                + (s.sandbox().networkAccess() ? "enabled" : "restricted") + ".\nApproval policy: "
                + s.approvalPolicy() + (switch (s.approvalPolicy()) {
                    case "never" -> " (never ask the user; work within the sandbox)";
                    case "on-request" -> " (to run outside the sandbox, call exec_command with sandbox_permissions "
                            + "\"require_escalated\" and a one-sentence justification)";
                    case "untrusted" -> " (commands that are not known to be safe are shown to the user first)";
                    default -> "";
                }) + "\n</permissions instructions>";
    }

    public static String environmentContext(ThreadSettings s) {
        String shell = System.getenv().getOrDefault("SHELL", "/bin/bash");
        shell = shell.substring(shell.lastIndexOf('/') + 1);
        return "<environment_context>\n"
                + "  <cwd>" + s.cwd() + "</cwd>\n"
                + "  <approval_policy>" + s.approvalPolicy() + "</approval_policy>\n"
                + "  <sandbox_mode>" + switch (s.sandbox().type()) {
                    case "workspaceWrite" -> "workspace-write";
                    case "dangerFullAccess" -> "danger-full-access";
                    case "externalSandbox" -> "external-sandbox";
                    default -> "read-only";
                } + "</sandbox_mode>\n"
                + "  <network_access>" + (s.sandbox().networkAccess() ? "enabled" : "restricted") + "</network_access>\n"
                + "  <shell>" + shell + "</shell>\n"
                + "  <current_date>" + LocalDate.now() + "</current_date>\n"
                + "  <timezone>" + ZoneId.systemDefault().getId() + "</timezone>\n"
                + "</environment_context>";
    }

    public static ObjectNode message(String role, String text) {
        ObjectNode m = Json.object().put("type", "message").put("role", role);
        m.putArray("content").addObject().put("type", "user".equals(role) || "developer".equals(role)
                ? "input_text" : "output_text").put("text", text);
        return m;
    }
}

package dev.jcodex.appserver.events;

import dev.jcodex.core.item.InputPart;
import dev.jcodex.core.item.Item;
import dev.jcodex.protocol.v2.CommandAction;
import dev.jcodex.protocol.v2.FileUpdateChange;
import dev.jcodex.protocol.v2.ItemStatus;
import dev.jcodex.protocol.v2.McpToolCallError;
import dev.jcodex.protocol.v2.McpToolCallResult;
import dev.jcodex.protocol.v2.PatchChangeKind;
import dev.jcodex.protocol.v2.ThreadItem;
import dev.jcodex.protocol.v2.UserInput;
import java.util.ArrayList;
import java.util.List;

/** Engine items → wire ThreadItems (and user input both ways). */
public final class WireItems {
    private WireItems() {}

    public static ThreadItem toWire(Item item) {
        return switch (item) {
            case Item.UserMessage u -> new ThreadItem.UserMessage(u.id(), toWireInput(u.content()), null,
                    u.startedAtMs(), u.completedAtMs());
            case Item.AgentMessage a -> new ThreadItem.AgentMessage(a.id(), a.text(), a.phase(), a.startedAtMs(), a.completedAtMs());
            case Item.Reasoning r -> new ThreadItem.Reasoning(r.id(), r.summary(), r.content(), r.startedAtMs(), r.completedAtMs());
            case Item.Plan p -> new ThreadItem.Plan(p.id(), p.text(), p.startedAtMs(), p.completedAtMs());
            case Item.CommandExecution c -> new ThreadItem.CommandExecution(c.id(), c.command(), c.cwd(), c.processId(),
                    c.source(), status(c.status()), actions(c.actions()), c.aggregatedOutput(), c.exitCode(),
                    c.durationMs(), c.startedAtMs(), c.completedAtMs());
            case Item.FileChange f -> new ThreadItem.FileChange(f.id(), changes(f.changes()), status(f.status()),
                    f.startedAtMs(), f.completedAtMs());
            case Item.McpToolCall m -> new ThreadItem.McpToolCall(m.id(), m.server(), m.tool(), status(m.status()),
                    m.arguments(), m.resultContent() == null && m.structuredContent() == null ? null
                            : new McpToolCallResult(m.resultContent() == null ? List.of() : m.resultContent(), m.structuredContent()),
                    m.error() == null ? null : new McpToolCallError(m.error()), m.durationMs(), m.startedAtMs(),
                    m.completedAtMs());
            case Item.WebSearch w -> new ThreadItem.WebSearch(w.id(), w.query(), w.startedAtMs(), w.completedAtMs());
            case Item.ImageView v -> new ThreadItem.ImageView(v.id(), v.path(), v.startedAtMs(), v.completedAtMs());
            case Item.EnteredReviewMode e -> new ThreadItem.EnteredReviewMode(e.id(), e.review(), e.startedAtMs(), e.completedAtMs());
            case Item.ExitedReviewMode e -> new ThreadItem.ExitedReviewMode(e.id(), e.review(), e.startedAtMs(), e.completedAtMs());
            case Item.ContextCompaction c -> new ThreadItem.ContextCompaction(c.id(), c.startedAtMs(), c.completedAtMs());
        };
    }

    public static ItemStatus status(dev.jcodex.core.item.ItemStatus s) {
        return switch (s) {
            case IN_PROGRESS -> ItemStatus.IN_PROGRESS;
            case COMPLETED -> ItemStatus.COMPLETED;
            case FAILED -> ItemStatus.FAILED;
            case DECLINED -> ItemStatus.DECLINED;
        };
    }

    public static List<CommandAction> actions(List<Item.CommandActionInfo> in) {
        List<CommandAction> out = new ArrayList<>();
        if (in == null) return out;
        for (Item.CommandActionInfo a : in) {
            out.add(switch (a.kind()) {
                case "read" -> new CommandAction.Read(a.command(), a.name(), a.path());
                case "listFiles" -> new CommandAction.ListFiles(a.command(), a.path());
                case "search" -> new CommandAction.Search(a.command(), a.query(), a.path());
                default -> new CommandAction.Unknown(a.command());
            });
        }
        return out;
    }

    static List<FileUpdateChange> changes(List<Item.FileChangeInfo> in) {
        List<FileUpdateChange> out = new ArrayList<>();
        for (Item.FileChangeInfo c : in) {
            PatchChangeKind kind = switch (c.kind()) {
                case "add" -> new PatchChangeKind.Add();
                case "delete" -> new PatchChangeKind.Delete();
                default -> new PatchChangeKind.Update(c.movePath());
            };
            out.add(new FileUpdateChange(c.path(), kind, c.diff()));
        }
        return out;
    }

    public static List<UserInput> toWireInput(List<InputPart> parts) {
        List<UserInput> out = new ArrayList<>();
        for (InputPart p : parts) {
            out.add(switch (p) {
                case InputPart.Text t -> new UserInput.Text(t.text(), List.of());
                case InputPart.ImageUrl u -> new UserInput.Image(u.url(), null);
                case InputPart.LocalImage l -> new UserInput.LocalImage(l.path(), null);
                case InputPart.Skill s -> new UserInput.Skill(s.name(), s.path());
                case InputPart.Mention m -> new UserInput.Mention(m.name(), m.path());
            });
        }
        return out;
    }

    public static List<InputPart> fromWireInput(List<UserInput> input) {
        List<InputPart> out = new ArrayList<>();
        for (UserInput u : input) {
            out.add(switch (u) {
                case UserInput.Text t -> new InputPart.Text(t.text());
                case UserInput.Image i -> {
                    if (i.url() == null) throw new IllegalArgumentException("`input[].url` is required for image input");
                    yield new InputPart.ImageUrl(i.url());
                }
                case UserInput.LocalImage l -> {
                    if (!l.path().startsWith("/")) throw new IllegalArgumentException("`input[].path` must be absolute: " + l.path());
                    yield new InputPart.LocalImage(l.path());
                }
                case UserInput.Skill s -> new InputPart.Skill(s.name(), s.path());
                case UserInput.Mention m -> new InputPart.Mention(m.name(), m.path());
            });
        }
        return out;
    }
}

package dev.jcodex.appserver.handlers;

import dev.jcodex.appserver.rpc.Dispatcher;
import dev.jcodex.appserver.rpc.JsonRpcConnection;
import dev.jcodex.protocol.ClientRequests;
import dev.jcodex.protocol.v2.SkillsListParams;
import dev.jcodex.protocol.v2.SkillsListResponse;
import dev.jcodex.core.skills.Skill;
import dev.jcodex.core.skills.SkillCatalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * skills/list: the skills {@link SkillCatalog} finds for each cwd (repo, user and system scopes, as Codex 0.171
 * finds them); a SKILL.md that cannot be read is reported in {@code errors}, not skipped silently.
 */
public final class SkillsHandler {
    private final Path codexHome;

    public SkillsHandler(Path codexHome) { this.codexHome = codexHome; }

    public void register(Dispatcher d) {
        d.onAsync(ClientRequests.SKILLS_LIST, this::list);
    }

    SkillsListResponse list(JsonRpcConnection conn, SkillsListParams p) {
        List<String> cwds = p.cwds() == null || p.cwds().isEmpty()
                ? List.of(dev.jcodex.core.config.WorkingDirectory.current().toString()) : p.cwds();
        List<SkillsListResponse.Entry> data = new ArrayList<>();
        for (String c : cwds) {
            Path cwd = CommandExecHandler.absolute("cwds[]", c);
            SkillCatalog.Found found = SkillCatalog.discover(codexHome, cwd, SkillCatalog.userHome());
            List<SkillsListResponse.Skill> skills = new ArrayList<>();
            for (Skill s : found.skills()) {
                Map<String, Object> ui = null;
                if (s.shortDescription() != null) {
                    ui = new LinkedHashMap<>();
                    ui.put("shortDescription", s.shortDescription());
                }
                skills.add(new SkillsListResponse.Skill(s.name(), s.description(), ui, s.path().toString(), s.scope(),
                        true, null));
            }
            List<SkillsListResponse.Error> errors = found.errors().stream()
                    .map(e -> new SkillsListResponse.Error(e.path().toString(), e.message())).toList();
            data.add(new SkillsListResponse.Entry(cwd.toString(), skills, errors));
        }
        return new SkillsListResponse(data);
    }
}

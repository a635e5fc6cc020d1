package dev.jcodex.core.config;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;

class TomlEditorTest {
    /** A config.toml as people keep them: comments everywhere, profiles, providers, odd spacing, arrays. */
    static final String REAL = """
            # ~/.codex/config.toml — personal setup
            model = "gpt-5.5"            # daily driver
            model_provider = "openai"
            approval_policy   =   'on-request'
            notify = [
              "notify-send",   # desktop popup
              "Codex",
            ]
            features.web_search_request = true

            # Fast local work
            [profiles.fast]
            model = "qwen2.5-coder"
            model_provider = "ollama"

            [profiles."deep.think"]
            model_reasoning_effort = "high"

            [model_providers.ollama]
            name = "Ollama"
            base_url = "http://localhost:11434/v1"
            http_headers = { "X-Team" = "infra" }

            [sandbox_workspace_write]
            writable_roots = ["/tmp/scratch"]
            network_access = false

            [shell_environment_policy]
            inherit = "core"
            set = { PATH = "/usr/bin" }

            [projects."/home/me/repo"]
            trust_level = "trusted"

            [[mcp_servers_list]]
            name = "a"

            [tui]
            notifications = true
            banner = \"\"\"
            model = "not a key"
            \"\"\"
            """;

    private static TomlEditor edit(String text) { return new TomlEditor(text); }

    private static TomlParseResult parse(String text) {
        TomlParseResult r = Toml.parse(text);
        assertFalse(r.hasErrors(), () -> r.errors() + "\n" + text);
        return r;
    }

    /** Lines of {@code after} that are not in {@code before} and vice versa (a crude line diff). */
    private static List<String> changed(String before, String after) {
        List<String> a = new ArrayList<>(List.of(before.split("\n", -1)));
        List<String> b = new ArrayList<>(List.of(after.split("\n", -1)));
        List<String> out = new ArrayList<>();
        for (String l : b) if (!a.remove(l)) out.add("+" + l);
        for (String l : a) out.add("-" + l);
        return out;
    }

    @Test
    void replacingAScalarChangesOnlyThatLineAndKeepsItsComment() {
        TomlEditor e = edit(REAL);
        e.set(List.of("model"), "gpt-6-sol", false);
        assertEquals(List.of("+model = \"gpt-6-sol\"            # daily driver", "-model = \"gpt-5.5\"            # daily driver"),
                changed(REAL, e.text()));
        assertEquals("gpt-6-sol", parse(e.text()).getString("model"));
    }

    @Test
    void literalStringSpacingIsKeptAroundTheNewValue() {
        TomlEditor e = edit(REAL);
        e.set(List.of("approval_policy"), "never", false);
        assertTrue(e.text().contains("approval_policy   =   \"never\"\n"));
        assertEquals(2, changed(REAL, e.text()).size());
    }

    @Test
    void keysInsideProfilesAndQuotedTablesAreAddressed() {
        TomlEditor e = edit(REAL);
        e.set(List.of("profiles", "deep.think", "model_reasoning_effort"), "xhigh", false);
        e.set(List.of("profiles", "fast", "model"), "llama3", false);
        TomlParseResult r = parse(e.text());
        assertEquals("xhigh", r.getString(List.of("profiles", "deep.think", "model_reasoning_effort")));
        assertEquals("llama3", r.getString("profiles.fast.model"));
        assertEquals(4, changed(REAL, e.text()).size());
    }

    @Test
    void newKeyGoesIntoItsExistingTable() {
        TomlEditor e = edit(REAL);
        e.set(List.of("model_providers", "ollama", "stream_max_retries"), 2L, false);
        String t = e.text();
        assertEquals(List.of("+stream_max_retries = 2"), changed(REAL, t));
        assertTrue(t.indexOf("stream_max_retries = 2") > t.indexOf("http_headers"));
        assertTrue(t.indexOf("stream_max_retries = 2") < t.indexOf("[sandbox_workspace_write]"));
        assertEquals(2L, parse(t).getLong("model_providers.ollama.stream_max_retries"));
    }

    @Test
    void newRootKeyGoesAfterTheLastRootKeyNotIntoATable() {
        TomlEditor e = edit(REAL);
        e.set(List.of("model_reasoning_effort"), "low", false);
        TomlParseResult r = parse(e.text());
        assertEquals("low", r.getString("model_reasoning_effort"));
        assertNull(r.get("profiles.fast.model_reasoning_effort"));
        assertEquals(List.of("+model_reasoning_effort = \"low\""), changed(REAL, e.text()));
    }

    @Test
    void newTableIsPlacedAfterItsClosestRelative() {
        TomlEditor e = edit(REAL);
        e.set(List.of("profiles", "review", "model"), "gpt-6-astra", false);
        String t = e.text();
        int at = t.indexOf("[profiles.review]");
        assertTrue(at > t.indexOf("[profiles.\"deep.think\"]") && at < t.indexOf("[model_providers.ollama]"), t);
        assertEquals("gpt-6-astra", parse(t).getString("profiles.review.model"));
    }

    @Test
    void dottedRootKeysGrowAsDottedKeys() {
        TomlEditor e = edit(REAL);
        e.set(List.of("features", "unified_exec"), false, false);
        String t = e.text();
        assertTrue(t.contains("features.web_search_request = true\nfeatures.unified_exec = false\n"), t);
        assertEquals(false, parse(t).getBoolean("features.unified_exec"));
    }

    @Test
    void inlineTablesAreRewrittenInPlace() {
        TomlEditor e = edit(REAL);
        e.set(List.of("shell_environment_policy", "set", "HOME"), "/home/me", false);
        e.set(List.of("model_providers", "ollama", "http_headers", "X-Team"), "platform", false);
        TomlParseResult r = parse(e.text());
        assertEquals("/usr/bin", r.getString("shell_environment_policy.set.PATH"));
        assertEquals("/home/me", r.getString("shell_environment_policy.set.HOME"));
        assertEquals("platform", r.getString(List.of("model_providers", "ollama", "http_headers", "X-Team")));
        assertEquals(4, changed(REAL, e.text()).size());
    }

    @Test
    void multiLineArraysAndStringsAreOneValue() {
        TomlEditor e = edit(REAL);
        e.set(List.of("notify"), List.of("/usr/local/bin/ping", "--json"), false);
        e.set(List.of("tui", "banner"), "hello", false);
        String t = e.text();
        TomlParseResult r = parse(t);
        assertEquals("--json", r.getArray("notify").getString(1));
        assertEquals("hello", r.getString("tui.banner"));
        assertEquals("gpt-5.5", r.getString("model")); // the model = line inside the old banner was never a key
        assertFalse(t.contains("desktop popup"));
        assertTrue(t.contains("# Fast local work"));
    }

    @Test
    void upsertMergesAMapAndReplaceSwapsIt() {
        TomlEditor e = edit(REAL);
        Map<String, Object> sww = new LinkedHashMap<>();
        sww.put("network_access", true);
        sww.put("exclude_slash_tmp", true);
        e.set(List.of("sandbox_workspace_write"), sww, false);
        TomlParseResult r = parse(e.text());
        assertEquals(true, r.getBoolean("sandbox_workspace_write.network_access"));
        assertEquals("/tmp/scratch", r.getArray("sandbox_workspace_write.writable_roots").getString(0));

        e.set(List.of("sandbox_workspace_write"), Map.of("network_access", false), true);
        r = parse(e.text());
        assertNull(r.get("sandbox_workspace_write.writable_roots"));
        assertEquals(false, r.getBoolean("sandbox_workspace_write.network_access"));
        assertTrue(e.text().contains("[projects.\"/home/me/repo\"]"));
    }

    @Test
    void nullRemovesKeysAndWholeTables() {
        TomlEditor e = edit(REAL);
        e.set(List.of("model_provider"), null, false);
        e.set(List.of("profiles"), null, true);
        String t = e.text();
        TomlParseResult r = parse(t);
        assertNull(r.get("model_provider"));
        assertNull(r.get("profiles"));
        assertEquals("Ollama", r.getString("model_providers.ollama.name"));
        assertFalse(e.remove(List.of("no", "such", "key")));
    }

    @Test
    void arraysOfTablesAreNotAddressedByKeyPath() {
        TomlEditor e = edit(REAL);
        e.set(List.of("mcp_servers_list", "name"), "b", false);
        assertThrows(IllegalStateException.class, e::validate); // redefining an array of tables is invalid TOML
    }

    @Test
    void emptyAndCommentOnlyFilesGetTheirFirstKeys() {
        TomlEditor e = edit("");
        e.set(List.of("model"), "m", false);
        e.set(List.of("model_providers", "x", "base_url"), "http://h/v1", false);
        TomlParseResult r = parse(e.text());
        assertEquals("m", r.getString("model"));
        assertEquals("http://h/v1", r.getString("model_providers.x.base_url"));

        TomlEditor c = edit("# just a comment\n\n# about tui\n[tui]\nx = 1\n");
        c.set(List.of("model"), "m", false);
        assertTrue(c.text().startsWith("# just a comment\n\nmodel = \"m\"\n\n# about tui\n[tui]"), c.text());
        parse(c.text());
    }

    @Test
    void stringsAreEscaped() {
        TomlEditor e = edit("a = 1\n");
        e.set(List.of("a"), "quote \" backslash \\ newline \n tab \t", false);
        e.set(List.of("weird key"), 1.5, false);
        TomlParseResult r = parse(e.text());
        assertEquals("quote \" backslash \\ newline \n tab \t", r.getString("a"));
        assertEquals(1.5, r.getDouble(List.of("weird key")));
    }

    @Test
    void crlfFilesStayCrlf() {
        TomlEditor e = edit("a = 1\r\n[t]\r\nb = 2\r\n");
        e.set(List.of("t", "c"), 3L, false);
        assertEquals("a = 1\r\n[t]\r\nb = 2\r\nc = 3\r\n", e.text());
    }
}

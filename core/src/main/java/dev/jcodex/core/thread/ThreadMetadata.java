package dev.jcodex.core.thread;

/**
 * What identifies and describes a thread for listing. Times are epoch seconds. Mutable fields change
 * as the thread is used (preview, name, updatedAt).
 */
public final class ThreadMetadata {
    private final String id;
    private final String forkedFromId;
    private final long createdAt;
    private volatile long updatedAt;
    private volatile String preview = "";
    private volatile String name;
    private final boolean ephemeral;
    private final String originator;
    private final String source;
    private volatile String path;
    private volatile String historyMode = "paginated";
    private volatile String[] gitInfo;
    private volatile String threadSource;

    public ThreadMetadata(String id, String forkedFromId, long createdAt, boolean ephemeral, String originator,
                          String source) {
        this.id = id;
        this.forkedFromId = forkedFromId;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
        this.ephemeral = ephemeral;
        this.originator = originator;
        this.source = source;
    }

    public String id() { return id; }
    public String forkedFromId() { return forkedFromId; }
    public long createdAt() { return createdAt; }
    public long updatedAt() { return updatedAt; }
    public String preview() { return preview; }
    public String name() { return name; }
    public boolean ephemeral() { return ephemeral; }
    public String originator() { return originator; }
    public String source() { return source; }
    public String path() { return path; }
    /** "paginated" (new threads, as Codex 0.171) or "legacy" (threads saved before modes existed). */
    public String historyMode() { return historyMode; }
    /** {sha, branch, originUrl} (each may be null), or null when no git info is known. */
    public String[] gitInfo() { return gitInfo; }
    public void setHistoryMode(String m) { historyMode = m; }
    /** The client's analytics label for the thread (thread/start {@code threadSource}), or null. */
    public String threadSource() { return threadSource; }
    public void setThreadSource(String s) { threadSource = s; }
    public void setGitInfo(String[] g) { gitInfo = g; }

    public void setPreview(String p) { preview = p == null ? "" : p; }
    public void setName(String n) { name = n; }
    public void setPath(String p) { path = p; }
    /** Restores the last-activity time of a thread loaded from disk. */
    public void setUpdatedAt(long epochSeconds) { updatedAt = epochSeconds; }
    void touch() { updatedAt = System.currentTimeMillis() / 1000; }
}

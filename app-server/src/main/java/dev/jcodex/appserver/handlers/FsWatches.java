package dev.jcodex.appserver.handlers;

import dev.jcodex.appserver.rpc.JsonRpcConnection;
import dev.jcodex.appserver.rpc.RpcException;
import dev.jcodex.protocol.notification.FsChangedNotification;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The fs/watch subscriptions of one connection, on one inotify-backed WatchService. A watched directory is
 * watched with its subdirectories (new ones are added as they appear); a watched file, or a path that does not
 * exist yet, is watched through its nearest existing ancestor and filtered. Changes are coalesced for
 * {@link #DEBOUNCE_MS} into one {@code fs/changed} per watch. Everything stops when the connection closes.
 */
final class FsWatches {
    static final long DEBOUNCE_MS = 150;
    private static final int MAX_DIRS_PER_WATCH = 10_000;

    private record Watch(String id, Path target, Set<WatchKey> keys) {}

    private final JsonRpcConnection conn;
    private final Map<String, Watch> watches = new ConcurrentHashMap<>();
    private final Map<WatchKey, Path> dirs = new ConcurrentHashMap<>();
    private WatchService service;
    private Thread loop;

    private FsWatches(JsonRpcConnection conn) { this.conn = conn; }

    static FsWatches of(JsonRpcConnection conn) {
        return conn.attachment(FsWatches.class, c -> {
            FsWatches w = new FsWatches(c);
            c.onClose(w::close);
            return w;
        });
    }

    synchronized void watch(String id, Path target) {
        if (watches.containsKey(id)) throw RpcException.invalidRequest("watchId already exists: " + id);
        try {
            if (service == null) {
                service = FileSystems.getDefault().newWatchService();
                loop = Thread.ofVirtual().name("fs-watch").start(this::run);
            }
            Set<WatchKey> keys = ConcurrentHashMap.newKeySet();
            Path base = target;
            while (base != null && !Files.isDirectory(base)) base = base.getParent();
            if (base == null) throw RpcException.invalidRequest("nothing to watch at " + target);
            if (base.equals(target)) registerTree(base, keys);
            else keys.add(register(base));
            watches.put(id, new Watch(id, target, keys));
        } catch (IOException e) {
            throw new RpcException(dev.jcodex.appserver.rpc.ErrorCodes.INTERNAL_ERROR, FsHandler.describe(e));
        }
    }

    synchronized void unwatch(String id) {
        Watch w = watches.remove(id);
        if (w == null) return; // unwatching twice is harmless, as in Codex
        for (WatchKey k : w.keys()) {
            if (watches.values().stream().noneMatch(o -> o.keys().contains(k))) {
                k.cancel();
                dirs.remove(k);
            }
        }
    }

    private void registerTree(Path root, Set<WatchKey> keys) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            s.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).limit(MAX_DIRS_PER_WATCH).forEach(d -> {
                try {
                    keys.add(register(d));
                } catch (IOException e) {
                    // unreadable subdirectory: watch the rest
                }
            });
        }
    }

    private WatchKey register(Path dir) throws IOException {
        WatchKey k = dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                StandardWatchEventKinds.ENTRY_MODIFY);
        dirs.put(k, dir);
        return k;
    }

    private void run() {
        try {
            while (true) {
                WatchKey first = service.take();
                Map<String, Set<String>> changed = new ConcurrentHashMap<>();
                collect(first, changed);
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DEBOUNCE_MS);
                WatchKey k;
                while ((k = service.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) != null) {
                    collect(k, changed);
                }
                changed.forEach((id, paths) -> conn.sendNotification("fs/changed",
                        new FsChangedNotification(id, List.copyOf(paths))));
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // connection closed
        }
    }

    private synchronized void collect(WatchKey key, Map<String, Set<String>> changed) {
        Path dir = dirs.get(key);
        List<WatchEvent<?>> events = key.pollEvents();
        key.reset();
        if (dir == null) return;
        List<Path> paths = new ArrayList<>();
        for (WatchEvent<?> e : events) {
            if (e.kind() == StandardWatchEventKinds.OVERFLOW) paths.add(dir);
            else paths.add(dir.resolve((Path) e.context()));
        }
        for (Watch w : watches.values()) {
            if (!w.keys().contains(key)) continue;
            for (Path p : paths) {
                if (!p.startsWith(w.target()) && !w.target().startsWith(p)) continue;
                changed.computeIfAbsent(w.id(), x -> new LinkedHashSet<>()).add(p.toString());
                // a new directory inside a watched tree is watched too
                if (p.startsWith(w.target()) && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) && !p.equals(w.target())) {
                    try {
                        registerTree(p, w.keys());
                    } catch (IOException ignored) {
                        // vanished already
                    }
                }
            }
        }
    }

    private synchronized void close() {
        watches.clear();
        if (service != null) {
            try { service.close(); } catch (IOException ignored) { }
            loop.interrupt();
        }
    }
}

package dev.jcodex.appserver.proxy;

import io.netty.handler.codec.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** RFC 9110 §7.6.1: headers that describe one connection, not the message; a proxy must not forward them. */
final class HopByHop {
    private HopByHop() {}

    private static final Set<String> FIXED = Set.of("connection", "keep-alive", "te", "trailer", "trailers",
            "transfer-encoding", "upgrade");

    /** A copy of {@code in} without the hop-by-hop headers, {@code Proxy-*}, those named in Connection, and Host. */
    static HttpHeaders strip(HttpHeaders in, HttpHeaders out) {
        List<String> named = new ArrayList<>();
        for (String c : in.getAll("connection")) {
            for (String t : c.split(",")) {
                String n = t.trim().toLowerCase(Locale.ROOT);
                if (!n.isEmpty()) named.add(n);
            }
        }
        for (var e : in) {
            String n = e.getKey().toLowerCase(Locale.ROOT);
            if (FIXED.contains(n) || n.startsWith("proxy-") || n.equals("host") || named.contains(n)) continue;
            out.add(e.getKey(), e.getValue());
        }
        return out;
    }
}

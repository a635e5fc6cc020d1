package dev.jcodex.appserver.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A minimal RFC 6455 client over a TCP or unix SocketChannel, written by hand so tests control every byte:
 * custom handshake headers, a client that stops reading, and sockets the JDK's WebSocket client cannot open.
 */
public final class RawWebSocket implements AutoCloseable {
    private final SocketChannel ch;
    private final SecureRandom random = new SecureRandom();
    private ByteBuffer in = ByteBuffer.allocate(1 << 16).flip();
    public final String handshakeResponse;

    private RawWebSocket(SocketChannel ch, String handshakeResponse) {
        this.ch = ch;
        this.handshakeResponse = handshakeResponse;
    }

    public static RawWebSocket tcp(int port, String... headers) throws IOException {
        return open(SocketChannel.open(new InetSocketAddress("127.0.0.1", port)), "127.0.0.1:" + port, headers);
    }

    public static RawWebSocket unix(Path socket, String... headers) throws IOException {
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        ch.connect(UnixDomainSocketAddress.of(socket));
        return open(ch, "localhost", headers);
    }

    /** Sends a plain HTTP request and returns the whole response head (status line and headers). */
    public static String httpGet(int port, String path, String... headers) throws IOException {
        try (SocketChannel ch = SocketChannel.open(new InetSocketAddress("127.0.0.1", port))) {
            StringBuilder req = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
            for (String h : headers) req.append(h).append("\r\n");
            req.append("\r\n");
            ch.write(ByteBuffer.wrap(req.toString().getBytes(StandardCharsets.US_ASCII)));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteBuffer b = ByteBuffer.allocate(4096);
            while (ch.read(b) > 0) {
                out.write(b.array(), 0, b.position());
                b.clear();
            }
            return out.toString(StandardCharsets.US_ASCII);
        }
    }

    private static RawWebSocket open(SocketChannel ch, String host, String... headers) throws IOException {
        String key = Base64.getEncoder().encodeToString(new byte[16]);
        StringBuilder req = new StringBuilder("GET / HTTP/1.1\r\nHost: " + host + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n");
        for (String h : headers) req.append(h).append("\r\n");
        req.append("\r\n");
        ch.write(ByteBuffer.wrap(req.toString().getBytes(StandardCharsets.US_ASCII)));
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        ByteBuffer one = ByteBuffer.allocate(1);
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            one.clear();
            if (ch.read(one) < 0) break;
            head.write(one.array()[0]);
        }
        return new RawWebSocket(ch, head.toString(StandardCharsets.US_ASCII));
    }

    public boolean upgraded() { return handshakeResponse.startsWith("HTTP/1.1 101"); }

    /** A response header of the handshake (first occurrence, name in any case), or null. */
    public String header(String name) {
        for (String line : handshakeResponse.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) return line.substring(colon + 1).trim();
        }
        return null;
    }

    /** The body of a refused (non-101) handshake, as many bytes as its Content-Length says. */
    public String refusalBody() throws IOException {
        int n = Integer.parseInt(header("Content-Length"));
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) b[i] = (byte) readByte();
        return new String(b, StandardCharsets.UTF_8);
    }

    /** Sends one masked text frame. */
    public synchronized void sendText(String text) throws IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        ByteBuffer f = ByteBuffer.allocate(payload.length + 14);
        f.put((byte) 0x81);
        if (payload.length < 126) {
            f.put((byte) (0x80 | payload.length));
        } else if (payload.length < 65536) {
            f.put((byte) (0x80 | 126)).putShort((short) payload.length);
        } else {
            f.put((byte) (0x80 | 127)).putLong(payload.length);
        }
        byte[] mask = new byte[4];
        random.nextBytes(mask);
        f.put(mask);
        for (int i = 0; i < payload.length; i++) f.put((byte) (payload[i] ^ mask[i & 3]));
        f.flip();
        while (f.hasRemaining()) ch.write(f);
    }

    /** Sends one masked frame of a fragmented text message: the first is a text frame, the rest continuations. */
    public synchronized void sendFragment(boolean first, boolean last, byte[] payload) throws IOException {
        ByteBuffer f = ByteBuffer.allocate(payload.length + 14);
        f.put((byte) ((last ? 0x80 : 0) | (first ? 0x1 : 0x0)));
        if (payload.length < 126) {
            f.put((byte) (0x80 | payload.length));
        } else if (payload.length < 65536) {
            f.put((byte) (0x80 | 126)).putShort((short) payload.length);
        } else {
            f.put((byte) (0x80 | 127)).putLong(payload.length);
        }
        byte[] mask = new byte[4];
        random.nextBytes(mask);
        f.put(mask);
        for (int i = 0; i < payload.length; i++) f.put((byte) (payload[i] ^ mask[i & 3]));
        f.flip();
        while (f.hasRemaining()) ch.write(f);
    }

    /** The next text frame's payload, or null when the server closed. */
    public String readText() throws IOException {
        while (true) {
            int op = readByte() & 0x0f;
            int b1 = readByte();
            long len = b1 & 0x7f;
            if (len == 126) len = ((readByte() & 0xff) << 8) | (readByte() & 0xff);
            else if (len == 127) { len = 0; for (int i = 0; i < 8; i++) len = (len << 8) | (readByte() & 0xff); }
            byte[] p = new byte[(int) len];
            for (int i = 0; i < len; i++) p[i] = (byte) readByte();
            if (op == 8) return null;
            if (op == 1 || op == 0) return new String(p, StandardCharsets.UTF_8);
        }
    }

    private int readByte() throws IOException {
        if (!in.hasRemaining()) {
            in.clear();
            int n = ch.read(in);
            in.flip();
            if (n < 0) throw new IOException("closed by server");
        }
        return in.get() & 0xff;
    }

    @Override
    public void close() throws IOException { ch.close(); }
}

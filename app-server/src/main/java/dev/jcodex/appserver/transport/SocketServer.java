package dev.jcodex.appserver.transport;

import dev.jcodex.appserver.rpc.Dispatcher;
import dev.jcodex.appserver.rpc.JsonRpcConnection;
import dev.jcodex.appserver.rpc.MessageLimits;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerDomainSocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Consumer;

/**
 * The socket bridge: WebSocket over TCP ({@code ws://HOST:PORT}, with /readyz and /healthz) or over a unix
 * socket ({@code unix://PATH}, mode 0600, no health routes). Every accepted client becomes its own
 * {@link JsonRpcConnection} on the shared dispatcher. Netty is only loaded when this class is used, so a
 * stdio daemon never pays for it.
 */
public final class SocketServer implements AutoCloseable {
    public static final int MAX_MESSAGE_BYTES = MessageLimits.MAX_MESSAGE_BYTES;

    private final EventLoopGroup group;
    private final Channel server;
    private final Path unixPath;

    private SocketServer(EventLoopGroup group, Channel server, Path unixPath) {
        this.group = group;
        this.server = server;
        this.unixPath = unixPath;
    }

    public static SocketServer start(ListenAddress address, WsAuth auth, Dispatcher dispatcher,
                                     Consumer<JsonRpcConnection> onOpen) throws IOException, InterruptedException {
        // One event loop: it only frames and parses; handlers run on each connection's own thread.
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        boolean tcp = address instanceof ListenAddress.WebSocket;
        ServerBootstrap b = new ServerBootstrap().group(group)
                .channel(tcp ? NioServerSocketChannel.class : NioServerDomainSocketChannel.class)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(256 * 1024, 1024 * 1024))
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(64 * 1024),
                                new HttpGate(dispatcher, onOpen, auth, tcp, MAX_MESSAGE_BYTES));
                    }
                });
        try {
            return switch (address) {
                case ListenAddress.WebSocket ws -> new SocketServer(group, b.bind(ws.address()).sync().channel(), null);
                case ListenAddress.Unix u -> bindUnix(b, group, u.path());
                case ListenAddress.Stdio s -> throw new IllegalArgumentException("stdio is not a socket");
            };
        } catch (IOException | InterruptedException | RuntimeException e) {
            group.shutdownGracefully();
            throw e;
        }
    }

    /** {@code --listen unix://PATH} names something that must not be replaced. */
    public static final class PathInUse extends IOException {
        PathInUse(String message) { super(message); }
    }

    /**
     * Binds inside a fresh 0700 directory, sets the socket to 0600 there, then links it into place, so no
     * other user can connect in the moment between bind and chmod. Only a stale socket (one nobody listens on
     * any more) is removed from PATH first; anything else there is refused ({@link PathInUse}), and the link
     * (unlike a rename) never replaces what appeared there meanwhile.
     */
    private static SocketServer bindUnix(ServerBootstrap b, EventLoopGroup group, Path path)
            throws IOException, InterruptedException {
        Path parent = path.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        removeStaleSocket(path);
        Path staging = Files.createTempDirectory(parent, ".sock-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path tmp = staging.resolve("s");
        Channel ch = null;
        try {
            ch = b.bind(UnixDomainSocketAddress.of(tmp)).sync().channel();
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            try {
                Files.createLink(path, tmp);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                throw new PathInUse(path + " appeared while the socket was being bound; it was left alone");
            }
            SocketServer server = new SocketServer(group, ch, path);
            ch = null;
            return server;
        } finally {
            if (ch != null) ch.close().awaitUninterruptibly();
            Files.deleteIfExists(tmp);
            Files.deleteIfExists(staging);
        }
    }

    private static final int S_IFMT = 0170000;
    private static final int S_IFSOCK = 0140000;

    /** Deletes PATH if it is a socket nobody accepts on; refuses a live socket and anything that is not a socket. */
    static void removeStaleSocket(Path path) throws IOException {
        int mode;
        try {
            mode = (Integer) Files.getAttribute(path, "unix:mode", java.nio.file.LinkOption.NOFOLLOW_LINKS);
        } catch (java.nio.file.NoSuchFileException e) {
            return;
        }
        if ((mode & S_IFMT) != S_IFSOCK) {
            String what = Files.isSymbolicLink(path) ? "a symbolic link" : Files.isDirectory(path) ? "a directory"
                    : Files.isRegularFile(path) ? "a regular file" : "not a socket";
            throw new PathInUse(path + " exists and is " + what + ", not a stale socket; refusing to replace it");
        }
        try (java.nio.channels.SocketChannel probe = java.nio.channels.SocketChannel.open(UnixDomainSocketAddress.of(path))) {
            throw new PathInUse("another server is listening on " + path);
        } catch (java.net.ConnectException stale) {
            Files.deleteIfExists(path); // a socket left by a daemon that died: nobody listens
        }
    }

    /** The bound address (the real port when 0 was asked for). */
    public String describe() {
        SocketAddress a = server.localAddress();
        if (unixPath != null) return "unix://" + unixPath;
        InetSocketAddress i = (InetSocketAddress) a;
        String host = i.getAddress().getHostAddress();
        return "ws://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + i.getPort();
    }

    public void awaitClose() throws InterruptedException { server.closeFuture().sync(); }

    @Override
    public void close() {
        server.close().awaitUninterruptibly();
        group.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).awaitUninterruptibly();
        if (unixPath != null) {
            try { Files.deleteIfExists(unixPath); } catch (IOException ignored) { }
        }
    }
}

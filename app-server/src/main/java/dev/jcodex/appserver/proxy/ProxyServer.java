package dev.jcodex.appserver.proxy;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.net.InetSocketAddress;
import javax.net.ssl.SSLException;

/**
 * {@code jcodex proxy}: an OpenAI-compatible HTTP passthrough on a local port to the active model provider.
 * Each client connection gets a {@link ClientHandler} with its own upstream connection on the same event loop.
 */
public final class ProxyServer implements AutoCloseable {
    /** Per-channel outbound buffer bounds: past the high mark the other side stops being read. */
    static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(64 * 1024, 256 * 1024);

    record Settings(Upstream upstream, boolean cors, SslContext ssl, int connectTimeoutMs) {}

    private final EventLoopGroup group;
    private final Channel server;

    private ProxyServer(EventLoopGroup group, Channel server) {
        this.group = group;
        this.server = server;
    }

    /**
     * Binds {@code bind}; a non-loopback address is refused unless {@code allowNonLoopback}, since the proxy
     * adds the user's API key to whatever reaches it. {@code ssl} null: the JDK's TLS with its default trust store.
     */
    public static ProxyServer start(InetSocketAddress bind, boolean allowNonLoopback, Upstream upstream, boolean cors,
                                    SslContext ssl) throws InterruptedException, SSLException {
        if (bind.isUnresolved()) throw new IllegalArgumentException("--bind: cannot resolve host `" + bind.getHostString() + "`");
        if (!bind.getAddress().isLoopbackAddress() && !allowNonLoopback) {
            throw new IllegalArgumentException("--bind " + bind.getHostString() + ":" + bind.getPort()
                    + " is not a loopback address; anyone who can reach it uses your API key."
                    + " Pass --allow-non-loopback to bind it anyway");
        }
        Settings settings = new Settings(upstream, cors, ssl != null ? ssl : defaultSsl(), 10_000);
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(Math.max(1, Runtime.getRuntime().availableProcessors()),
                NioIoHandler.newFactory());
        ServerBootstrap b = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.AUTO_READ, false)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(4096, 64 * 1024, 64 * 1024),
                                new HttpServerExpectContinueHandler(), new ClientHandler(settings));
                    }
                });
        try {
            return new ProxyServer(group, b.bind(bind).sync().channel());
        } catch (RuntimeException | InterruptedException e) {
            group.shutdownGracefully();
            throw e;
        }
    }

    static SslContext defaultSsl() throws SSLException {
        return SslContextBuilder.forClient().sslProvider(SslProvider.JDK).endpointIdentificationAlgorithm("HTTPS").build();
    }

    public InetSocketAddress address() { return (InetSocketAddress) server.localAddress(); }

    /** Blocks until the server socket closes. */
    public void awaitClose() throws InterruptedException { server.closeFuture().sync(); }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }
}

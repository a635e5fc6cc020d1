package dev.jcodex.appserver.transport;

import dev.jcodex.appserver.rpc.Dispatcher;
import dev.jcodex.appserver.rpc.JsonRpcConnection;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The HTTP side of a socket before it becomes a WebSocket: health probes, refusal of browser-originated
 * requests (any {@code Origin} header: a web page must not drive a local agent), the bearer token
 * ({@link WsAuth}), then the upgrade, after which this handler leaves the pipeline.
 */
final class HttpGate extends SimpleChannelInboundHandler<FullHttpRequest> {
    private final Dispatcher dispatcher;
    private final Consumer<JsonRpcConnection> onOpen;
    private final WsAuth auth;
    private final boolean healthEndpoints;
    private final int maxMessageBytes;

    HttpGate(Dispatcher dispatcher, Consumer<JsonRpcConnection> onOpen, WsAuth auth, boolean healthEndpoints,
             int maxMessageBytes) {
        this.dispatcher = dispatcher;
        this.onOpen = onOpen;
        this.auth = auth;
        this.healthEndpoints = healthEndpoints;
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        if (!req.decoderResult().isSuccess()) {
            respond(ctx, HttpResponseStatus.BAD_REQUEST, "bad request");
            return;
        }
        if (req.headers().contains(HttpHeaderNames.ORIGIN)) {
            respond(ctx, HttpResponseStatus.FORBIDDEN, "requests with an Origin header are refused");
            return;
        }
        String path = req.uri().split("\\?", 2)[0];
        boolean upgrade = req.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true);
        if (!upgrade) {
            if (healthEndpoints && req.method().equals(HttpMethod.GET) && (path.equals("/readyz") || path.equals("/healthz"))) {
                respond(ctx, HttpResponseStatus.OK, "ok");
            } else {
                respond(ctx, HttpResponseStatus.NOT_FOUND, "not found (connect with a WebSocket upgrade)");
            }
            return;
        }
        // The first Authorization header counts; a refusal closes the connection with no upgrade.
        AuthRefusal refusal = auth.check(req.headers().get(HttpHeaderNames.AUTHORIZATION)).orElse(null);
        if (refusal != null) {
            FullHttpResponse r = response(HttpResponseStatus.UNAUTHORIZED, refusal.message);
            r.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, refusal.challenge);
            r.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(r).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        String host = req.headers().get(HttpHeaderNames.HOST, "localhost");
        WebSocketServerHandshaker hs = new WebSocketServerHandshakerFactory("ws://" + host + path, null, true,
                maxMessageBytes).newHandshaker(req);
        if (hs == null) {
            WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
            return;
        }
        WebSocketOutbound out = new WebSocketOutbound(ctx.channel(), WebSocketOutbound.DEFAULT_MAX_PENDING_BYTES,
                WebSocketOutbound.DEFAULT_STALL_MS);
        JsonRpcConnection conn = new JsonRpcConnection(out, dispatcher);
        ctx.pipeline().addLast(new MessageSizeLimit(conn, maxMessageBytes));
        ctx.pipeline().addLast(new WebSocketFrameHandler(conn, out, hs));
        ctx.pipeline().remove(this);
        onOpen.accept(conn);
        hs.handshake(ctx.channel(), req).addListener(f -> {
            if (!f.isSuccess()) {
                conn.close();
                ctx.channel().close();
            }
        });
    }

    private static FullHttpResponse response(HttpResponseStatus status, String body) {
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.copiedBuffer(body + "\n", StandardCharsets.UTF_8));
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
        HttpUtil.setContentLength(r, r.content().readableBytes());
        return r;
    }

    private static void respond(ChannelHandlerContext ctx, HttpResponseStatus status, String body) {
        FullHttpResponse r = response(status, body);
        r.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(r).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}

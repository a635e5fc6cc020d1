package dev.jcodex.appserver.proxy;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.ReferenceCountUtil;
import java.net.ConnectException;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One client connection. Requests are handled one at a time: the head is rewritten and sent upstream, then the
 * body and the response are relayed part by part with Netty's backpressure (auto-read is off on both channels;
 * a side is read only while the other can take more), so neither an SSE stream nor a large upload is held in
 * memory. The upstream connection is kept for the next request when both sides keep alive.
 */
final class ClientHandler extends ChannelInboundHandlerAdapter {
    private enum State {
        /** Waiting for a request head. */ IDLE,
        /** Answered by the proxy; the (empty) rest of the request is dropped. */ LOCAL,
        /** The upstream connection is being made; body parts wait in {@link #early}. */ CONNECTING,
        /** Request forwarded (its body possibly still streaming); the response is being relayed. */ STREAMING,
        /** The connection ends after what has been written. */ CLOSING
    }

    private final ProxyServer.Settings settings;
    private ChannelHandlerContext ctx;
    private Channel upstream;
    private State state = State.IDLE;
    private final ArrayDeque<HttpContent> early = new ArrayDeque<>();
    private final ArrayDeque<Object> pipelined = new ArrayDeque<>();
    private boolean requestDone, responseStarted, keepAlive, http10, upstreamKeepAlive, headRequest;
    private String url;
    /**
     * A kept upstream connection may have been closed by the provider just as the request went out. Until the
     * response starts, the request head and up to {@link #REPLAY_LIMIT} bytes of body are kept so it can be sent
     * again on a fresh connection; a larger body cannot be replayed and such a failure is a 502.
     */
    private static final int REPLAY_LIMIT = 64 * 1024;
    private HttpRequest head;
    private final ArrayDeque<HttpContent> replay = new ArrayDeque<>();
    private long replayBytes;
    private boolean replayable;

    ClientHandler(ProxyServer.Settings settings) { this.settings = settings; }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        ctx.read();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!pipelined.isEmpty() || (msg instanceof HttpRequest && state != State.IDLE && state != State.CLOSING)) {
            pipelined.add(msg); // HTTP/1.1 pipelining: the next request waits for this response to end
            return;
        }
        dispatch(msg);
    }

    private void dispatch(Object msg) {
        if (msg instanceof HttpRequest req && state == State.IDLE) onRequest(req);
        if (msg instanceof HttpContent c) onContent(c);
        else if (!(msg instanceof HttpRequest)) ReferenceCountUtil.release(msg);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (state == State.STREAMING && upstream != null) upstream.flush();
        readMore();
    }

    private void readMore() {
        boolean want = switch (state) {
            case IDLE, LOCAL -> pipelined.isEmpty();
            case STREAMING -> !requestDone && upstream != null && upstream.isWritable();
            case CONNECTING, CLOSING -> false;
        };
        if (want) ctx.read();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable() && responseStarted && upstream != null) upstream.read();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        state = State.CLOSING;
        if (upstream != null) upstream.close();
        upstream = null;
        releaseQueued();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close(); // the client went away (reset) or sent garbage the codec could not frame
    }

    // ---- the request

    private void onRequest(HttpRequest req) {
        requestDone = false;
        responseStarted = false;
        keepAlive = HttpUtil.isKeepAlive(req);
        http10 = req.protocolVersion().equals(HttpVersion.HTTP_1_0);
        headRequest = req.method().equals(HttpMethod.HEAD);
        if (req.decoderResult().isFailure()) {
            local(ProxyReplies.error(HttpResponseStatus.BAD_REQUEST, "bad_request",
                    "jcodex proxy: malformed HTTP request: " + req.decoderResult().cause().getMessage(), null), true);
            return;
        }
        boolean hasBody = HttpUtil.isTransferEncodingChunked(req) || HttpUtil.getContentLength(req, 0L) > 0;
        String uri = req.uri();
        int q = uri.indexOf('?');
        String path = q < 0 ? uri : uri.substring(0, q);
        if (path.equals("/health") && (req.method().equals(HttpMethod.GET) || headRequest)) {
            local(ProxyReplies.health(), hasBody);
            return;
        }
        if (settings.cors() && req.method().equals(HttpMethod.OPTIONS)
                && req.headers().contains(HttpHeaderNames.ACCESS_CONTROL_REQUEST_METHOD)) {
            local(ProxyReplies.preflight(req.headers()), hasBody);
            return;
        }
        if (!uri.startsWith("/v1/")) {
            local(ProxyReplies.error(HttpResponseStatus.NOT_FOUND, "not_found", "jcodex proxy: `" + path
                    + "` is not under /v1/; the proxy forwards /v1/<path> to the model provider and answers /health",
                    null), hasBody);
            return;
        }
        Upstream up = settings.upstream();
        String target = up.target(uri.substring("/v1/".length()));
        url = up.url(target);
        DefaultHttpHeaders headers = new DefaultHttpHeaders();
        HopByHop.strip(req.headers(), headers);
        headers.remove(HttpHeaderNames.EXPECT); // answered here by HttpServerExpectContinueHandler
        headers.set(HttpHeaderNames.HOST, up.hostHeader());
        up.headers().forEach((k, v) -> { if (!headers.contains(k)) headers.set(k, v); });
        if (!headers.contains(HttpHeaderNames.AUTHORIZATION)) {
            if (up.apiKey() != null) {
                headers.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + up.apiKey());
            } else if (up.needsKey()) {
                local(ProxyReplies.error(HttpResponseStatus.UNAUTHORIZED, "missing_api_key", up.missingKeyMessage(),
                        null), hasBody);
                return;
            }
        }
        DefaultHttpRequest out = new DefaultHttpRequest(HttpVersion.HTTP_1_1, req.method(), target, headers);
        if (HttpUtil.isTransferEncodingChunked(req) && !headers.contains(HttpHeaderNames.CONTENT_LENGTH)) {
            HttpUtil.setTransferEncodingChunked(out, true);
        }
        head = out;
        replayable = upstream != null && upstream.isActive();
        if (replayable) {
            send(out);
        } else {
            connect(out);
        }
    }

    private void onContent(HttpContent c) {
        boolean last = c instanceof LastHttpContent;
        switch (state) {
            case CONNECTING -> {
                early.add(c);
                if (last) requestDone = true;
            }
            case STREAMING -> {
                if (last) requestDone = true;
                if (upstream != null) forward(c);
                else c.release();
            }
            case LOCAL -> {
                c.release();
                if (last) nextRequest();
            }
            case IDLE, CLOSING -> c.release();
        }
    }

    private void connect(HttpRequest out) {
        state = State.CONNECTING;
        Upstream up = settings.upstream();
        Bootstrap b = new Bootstrap().group(ctx.channel().eventLoop()).channel(NioSocketChannel.class)
                .option(ChannelOption.AUTO_READ, false)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, settings.connectTimeoutMs())
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, ProxyServer.WATER_MARK)
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        if (up.tls()) ch.pipeline().addLast(settings.ssl().newHandler(ch.alloc(), up.host(), up.port()));
                        ch.pipeline().addLast(new HttpClientCodec(4096, 64 * 1024, 64 * 1024),
                                new IdleStateHandler(0, 0, up.idleTimeoutMs(), TimeUnit.MILLISECONDS),
                                new UpstreamHandler(ClientHandler.this));
                    }
                });
        b.connect(up.host(), up.port()).addListener((ChannelFutureListener) f -> {
            if (state != State.CONNECTING) { // the client left meanwhile
                f.channel().close();
                return;
            }
            if (f.isSuccess()) {
                upstream = f.channel();
                send(out);
            } else {
                fail(HttpResponseStatus.BAD_GATEWAY, "upstream_unreachable", "jcodex proxy: cannot reach the model"
                        + " provider `" + up.providerId() + "` at " + url + ": " + describe(f.cause()));
            }
        });
    }

    private void send(HttpRequest out) {
        state = State.STREAMING;
        upstream.write(out);
        while (!early.isEmpty()) forward(early.poll());
        upstream.flush();
        upstream.read(); // the response may start before the body ends (an early error)
        readMore();
    }

    private void forward(HttpContent c) {
        if (replayable) {
            replayBytes += c.content().readableBytes();
            if (replayBytes <= REPLAY_LIMIT) replay.add(c.retainedDuplicate());
            else dropReplay();
        }
        upstream.write(c);
    }

    private void dropReplay() {
        replay.forEach(ReferenceCountUtil::release);
        replay.clear();
        replayBytes = 0;
        replayable = false;
    }

    // ---- the response (called by UpstreamHandler, on this channel's event loop)

    void responseHead(Channel from, HttpResponse r) {
        if (from != upstream || state != State.STREAMING || responseStarted) {
            from.close(); // a response nobody asked for
            return;
        }
        responseStarted = true;
        dropReplay();
        upstreamKeepAlive = HttpUtil.isKeepAlive(r);
        HttpResponse out = new DefaultHttpResponse(HttpVersion.HTTP_1_1, r.status(),
                HopByHop.strip(r.headers(), new DefaultHttpHeaders()));
        int code = r.status().code();
        boolean noBody = headRequest || code == 204 || code == 304;
        if (!noBody && !out.headers().contains(HttpHeaderNames.CONTENT_LENGTH)) {
            if (http10) keepAlive = false; // the body ends when the connection does
            else HttpUtil.setTransferEncodingChunked(out, true);
        }
        if (!keepAlive) out.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        else if (http10) out.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        if (settings.cors()) ProxyReplies.cors(out.headers());
        ctx.write(out);
    }

    void responseContent(Channel from, HttpContent c) {
        if (from != upstream || !responseStarted) {
            c.release();
            return;
        }
        ctx.write(c);
        if (c instanceof LastHttpContent) responseEnded();
    }

    private void responseEnded() {
        if (!(upstreamKeepAlive && requestDone)) {
            Channel u = upstream;
            upstream = null;
            u.close();
        }
        if (!requestDone || !keepAlive) {
            closeAfterWrite(); // the client is still sending a body nobody will read, or asked to close
        } else {
            ctx.flush();
            nextRequest();
        }
    }

    void upstreamReadComplete(Channel from) {
        if (from != upstream) return;
        ctx.flush();
        // Read on only while the client can take more; between requests, read to notice the provider closing.
        if (!responseStarted || ctx.channel().isWritable() || state == State.IDLE) from.read();
    }

    void upstreamWritabilityChanged(Channel from) {
        if (from == upstream) readMore();
    }

    void upstreamClosed(Channel from, Throwable cause) {
        if (from != upstream) return;
        upstream = null;
        if (state == State.STREAMING && replayable && !responseStarted
                && (cause == null || cause instanceof java.io.IOException)) {
            replayable = false; // once: a fresh connection that fails is the provider's failure
            early.addAll(replay);
            replay.clear();
            replayBytes = 0;
            connect(head);
            return;
        }
        if (state == State.CONNECTING || state == State.STREAMING) {
            if (cause instanceof TimeoutException) {
                fail(HttpResponseStatus.GATEWAY_TIMEOUT, "upstream_timeout", "jcodex proxy: the model provider `"
                        + settings.upstream().providerId() + "` at " + url + " sent nothing for "
                        + settings.upstream().idleTimeoutMs() + " ms (stream_idle_timeout_ms)");
            } else {
                fail(HttpResponseStatus.BAD_GATEWAY, "upstream_closed", "jcodex proxy: the model provider `"
                        + settings.upstream().providerId() + "` at " + url + " closed the connection"
                        + (cause != null ? " (" + describe(cause) + ")" : "") + " before the response ended");
            }
        }
    }

    // ---- endings

    /** A proxy error instead of the provider's response; after a partial response the client is cut off. */
    private void fail(HttpResponseStatus status, String code, String message) {
        System.err.println(message + " -> " + status.code() + (responseStarted ? " (response cut off)" : ""));
        releaseQueued();
        if (upstream != null) {
            upstream.close();
            upstream = null;
        }
        if (responseStarted) {
            state = State.CLOSING;
            ctx.close();
            return;
        }
        FullHttpResponse r = ProxyReplies.error(status, code, message, url);
        if (settings.cors()) ProxyReplies.cors(r.headers());
        if (!requestDone || !keepAlive) {
            r.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.write(r);
            closeAfterWrite();
        } else {
            ctx.writeAndFlush(r);
            nextRequest();
        }
    }

    private void local(FullHttpResponse r, boolean hasBody) {
        if (settings.cors()) ProxyReplies.cors(r.headers());
        if (hasBody || !keepAlive) {
            r.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.write(r);
            closeAfterWrite();
        } else {
            if (http10) r.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            ctx.writeAndFlush(r);
            state = State.LOCAL; // until the request's LastHttpContent
        }
    }

    private void closeAfterWrite() {
        state = State.CLOSING;
        releaseQueued();
        ctx.writeAndFlush(io.netty.buffer.Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }

    private void nextRequest() {
        state = State.IDLE;
        url = null;
        while (!pipelined.isEmpty()) {
            Object m = pipelined.peek();
            if (m instanceof HttpRequest && state != State.IDLE) break;
            pipelined.poll();
            dispatch(m);
        }
        readMore();
    }

    private void releaseQueued() {
        dropReplay();
        early.forEach(ReferenceCountUtil::release);
        early.clear();
        pipelined.forEach(ReferenceCountUtil::release);
        pipelined.clear();
    }

    private static String describe(Throwable t) {
        if (t instanceof ConnectException && t.getMessage() != null) return t.getMessage();
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : t.getClass().getSimpleName() + ": " + m;
    }
}

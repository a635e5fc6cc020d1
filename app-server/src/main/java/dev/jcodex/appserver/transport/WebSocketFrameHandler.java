package dev.jcodex.appserver.transport;

import dev.jcodex.appserver.rpc.JsonRpcConnection;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;

/** After the upgrade: each (aggregated) text frame is one JSON-RPC message for this channel's connection. */
final class WebSocketFrameHandler extends SimpleChannelInboundHandler<WebSocketFrame> {
    private final JsonRpcConnection conn;
    private final WebSocketOutbound outbound;
    private final WebSocketServerHandshaker handshaker;

    WebSocketFrameHandler(JsonRpcConnection conn, WebSocketOutbound outbound, WebSocketServerHandshaker handshaker) {
        this.conn = conn;
        this.outbound = outbound;
        this.handshaker = handshaker;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        switch (frame) {
            case TextWebSocketFrame t -> deliver(t.content());
            // Some clients send JSON in binary frames; the bytes are the same UTF-8.
            case BinaryWebSocketFrame b -> deliver(b.content());
            case PingWebSocketFrame p -> ctx.writeAndFlush(new PongWebSocketFrame(p.content().retain()));
            case CloseWebSocketFrame c -> handshaker.close(ctx.channel(), c.retain());
            default -> { }
        }
    }

    private void deliver(ByteBuf content) {
        byte[] bytes = ByteBufUtil.getBytes(content);
        conn.handle(bytes, 0, bytes.length);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        outbound.writabilityChanged(ctx.channel().isWritable());
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        conn.close();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        System.err.println("jcodex: websocket connection error: " + cause);
        ctx.close();
    }
}

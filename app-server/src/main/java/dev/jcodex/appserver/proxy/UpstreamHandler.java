package dev.jcodex.appserver.proxy;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.TimeoutException;

/**
 * The client side of one upstream connection: hands the decoded response to the {@link ClientHandler} that owns
 * the connection (same event loop, so no locking), and reports writability, end of reads, and failure.
 */
final class UpstreamHandler extends ChannelInboundHandlerAdapter {
    private final ClientHandler client;
    private Throwable cause;
    private boolean skippingInterim; // a 1xx response, which ends with its own empty LastHttpContent

    UpstreamHandler(ClientHandler client) { this.client = client; }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpResponse r) {
            // Expect is answered by the proxy itself, so an interim response is not the client's to see.
            if (r.status().codeClass() == HttpStatusClass.INFORMATIONAL) skippingInterim = true;
            else client.responseHead(ctx.channel(), r);
        }
        if (msg instanceof HttpContent c) {
            if (skippingInterim) {
                if (c instanceof LastHttpContent) skippingInterim = false;
                c.release();
            } else {
                client.responseContent(ctx.channel(), c);
            }
        } else if (!(msg instanceof HttpResponse)) {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) { client.upstreamReadComplete(ctx.channel()); }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) { client.upstreamWritabilityChanged(ctx.channel()); }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            cause = new TimeoutException("no data to or from the provider for the stream idle timeout");
            ctx.close();
        } else {
            ctx.fireUserEventTriggered(evt);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable e) {
        if (cause == null) cause = e;
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) { client.upstreamClosed(ctx.channel(), cause); }
}

package dev.jcodex.appserver.transport;

import com.fasterxml.jackson.databind.node.NullNode;
import dev.jcodex.appserver.rpc.ErrorCodes;
import dev.jcodex.appserver.rpc.JsonRpcConnection;
import dev.jcodex.appserver.rpc.RpcException;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;

/**
 * Joins a fragmented WebSocket message up to the message limit. A longer one is answered as a stdio line
 * would be (-32600, id null, naming the limit) and its remaining fragments are dropped as they arrive,
 * never buffered; the connection stays open. (A single frame beyond the limit is refused earlier by the
 * frame decoder, which closes with 1009 Message Too Big as RFC 6455 has it.)
 */
final class MessageSizeLimit extends WebSocketFrameAggregator {
    private final JsonRpcConnection conn;
    private final int maxMessageBytes;

    MessageSizeLimit(JsonRpcConnection conn, int maxMessageBytes) {
        super(maxMessageBytes);
        this.conn = conn;
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, WebSocketFrame oversized) {
        conn.sendError(NullNode.instance, new RpcException(ErrorCodes.INVALID_REQUEST,
                "Invalid request: message exceeds the limit of " + maxMessageBytes + " bytes"));
    }
}

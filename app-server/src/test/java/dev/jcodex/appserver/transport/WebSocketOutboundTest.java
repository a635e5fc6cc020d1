package dev.jcodex.appserver.transport;

import static org.junit.jupiter.api.Assertions.*;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameEncoder;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Messages sent from several threads at once all reach the peer, in each sender's order, without a later
 * send to push them out. A burst's last message used to be able to sit written but unflushed when it was
 * queued while the previous flush ran: a client then waited for a turn/completed that never came.
 */
class WebSocketOutboundTest {
    static final int PRODUCERS = 3;
    static final int ROUNDS = 300;
    static final int PER_ROUND = 20;

    @Test
    @Timeout(120)
    void everyBurstArrivesWholeWithoutAFollowingSend() throws Exception {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        CompletableFuture<WebSocketOutbound> outbound = new CompletableFuture<>();
        try {
            Channel server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<>() {
                        @Override
                        protected void initChannel(Channel ch) {
                            ch.pipeline().addLast(new WebSocket13FrameEncoder(false), new ChannelInboundHandlerAdapter() {
                                @Override
                                public void channelActive(ChannelHandlerContext ctx) {
                                    outbound.complete(new WebSocketOutbound(ctx.channel(), 1L << 30, 60_000));
                                }
                            });
                        }
                    }).bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
            int port = ((InetSocketAddress) server.localAddress()).getPort();
            try (Socket client = new Socket("127.0.0.1", port)) {
                DataInputStream in = new DataInputStream(client.getInputStream());
                WebSocketOutbound out = outbound.get(10, TimeUnit.SECONDS);
                int[] lastSeen = new int[PRODUCERS];
                java.util.Arrays.fill(lastSeen, -1);
                for (int round = 0; round < ROUNDS; round++) {
                    CountDownLatch go = new CountDownLatch(1);
                    Thread[] producers = new Thread[PRODUCERS];
                    for (int p = 0; p < PRODUCERS; p++) {
                        int producer = p, base = round * PER_ROUND;
                        producers[p] = Thread.ofPlatform().start(() -> {
                            try {
                                go.await();
                            } catch (InterruptedException e) {
                                return;
                            }
                            for (int i = 0; i < PER_ROUND; i++) {
                                assertTrue(out.send((producer + ":" + (base + i)).getBytes(StandardCharsets.UTF_8)));
                            }
                        });
                    }
                    go.countDown();
                    for (Thread t : producers) t.join();
                    // Nothing more is sent this round: the whole burst must arrive on its own.
                    client.setSoTimeout(10_000);
                    for (int n = 0; n < PRODUCERS * PER_ROUND; n++) {
                        String[] msg = readTextFrame(in, round).split(":");
                        int producer = Integer.parseInt(msg[0]), seq = Integer.parseInt(msg[1]);
                        assertEquals(lastSeen[producer] + 1, seq, "producer " + producer + "'s messages in order");
                        lastSeen[producer] = seq;
                    }
                }
            }
            server.close().sync();
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }

    private static String readTextFrame(DataInputStream in, int round) throws IOException {
        try {
            int op = in.readUnsignedByte() & 0x0f;
            assertEquals(1, op, "a text frame");
            int len = in.readUnsignedByte() & 0x7f;
            if (len == 126) len = in.readUnsignedShort();
            byte[] p = new byte[len];
            in.readFully(p);
            return new String(p, StandardCharsets.UTF_8);
        } catch (java.net.SocketTimeoutException e) {
            throw new AssertionError("round " + round + ": a sent message never arrived (written but not flushed)", e);
        }
    }
}

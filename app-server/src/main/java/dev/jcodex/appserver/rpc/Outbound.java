package dev.jcodex.appserver.rpc;

/** Where a connection's serialized messages go (one line or one frame each). */
public interface Outbound {
    /** Queues one message; false when the peer is too slow and the connection must be dropped. */
    boolean send(byte[] message);

    void close();
}

package dev.jcodex.appserver.rpc;

/** A handler result plus work to run right after the response is queued (so it precedes what follows). */
public record Reply(Object result, Runnable afterSend) {
    public static Reply then(Object result, Runnable afterSend) { return new Reply(result, afterSend); }
}

package dev.jcodex.appserver.rpc;

/** JSON-RPC 2.0 error codes, plus the Codex overload code. */
public final class ErrorCodes {
    private ErrorCodes() {}

    public static final int PARSE_ERROR = -32700;
    public static final int INVALID_REQUEST = -32600;
    public static final int METHOD_NOT_FOUND = -32601;
    public static final int INVALID_PARAMS = -32602;
    public static final int INTERNAL_ERROR = -32603;
    /** Retryable: the bounded ingress queue is full. */
    public static final int SERVER_OVERLOADED = -32001;
}

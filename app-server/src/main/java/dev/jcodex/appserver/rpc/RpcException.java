package dev.jcodex.appserver.rpc;

/** A request that fails with a JSON-RPC error; handlers throw it, the connection turns it into the reply. */
public final class RpcException extends RuntimeException {
    private final int code;
    private final transient Object data;

    public RpcException(int code, String message) { this(code, message, null); }

    public RpcException(int code, String message, Object data) {
        super(message, null, false, false);
        this.code = code;
        this.data = data;
    }

    public int code() { return code; }
    public Object data() { return data; }

    public static RpcException invalidParams(String message) { return new RpcException(ErrorCodes.INVALID_PARAMS, message); }

    public static RpcException invalidRequest(String message) { return new RpcException(ErrorCodes.INVALID_REQUEST, message); }
}

package dev.jcodex.protocol;

import dev.jcodex.protocol.v2.EmptyResponse;
import dev.jcodex.protocol.v2.InitializeParams;
import dev.jcodex.protocol.v2.InitializeResponse;
import dev.jcodex.protocol.v2.ThreadStartParams;
import dev.jcodex.protocol.v2.ThreadStartResponse;
import dev.jcodex.protocol.v2.TurnInterruptParams;
import dev.jcodex.protocol.v2.TurnStartParams;
import dev.jcodex.protocol.v2.TurnStartResponse;
import java.util.List;

/** The client → server request table: the schema's ClientRequest union and the daemon's dispatch key. */
public final class ClientRequests {
    private ClientRequests() {}

    public static final RequestMethod<InitializeParams, InitializeResponse> INITIALIZE =
            new RequestMethod<>("initialize", InitializeParams.class, InitializeResponse.class);
    public static final RequestMethod<ThreadStartParams, ThreadStartResponse> THREAD_START =
            new RequestMethod<>("thread/start", ThreadStartParams.class, ThreadStartResponse.class);
    public static final RequestMethod<TurnStartParams, TurnStartResponse> TURN_START =
            new RequestMethod<>("turn/start", TurnStartParams.class, TurnStartResponse.class);
    public static final RequestMethod<TurnInterruptParams, EmptyResponse> TURN_INTERRUPT =
            new RequestMethod<>("turn/interrupt", TurnInterruptParams.class, EmptyResponse.class);

    public static final List<RequestMethod<?, ?>> ALL = List.of(INITIALIZE, THREAD_START, TURN_START, TURN_INTERRUPT);
}

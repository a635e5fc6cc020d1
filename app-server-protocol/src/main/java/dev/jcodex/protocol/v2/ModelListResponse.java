package dev.jcodex.protocol.v2;

import java.util.List;

public record ModelListResponse(List<ModelInfo> data, String nextCursor) {}

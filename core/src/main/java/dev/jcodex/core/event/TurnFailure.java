package dev.jcodex.core.event;

/** Why a turn failed: {@code kind} is the CodexErrorInfo name, {@code httpStatus} where one applies. */
public record TurnFailure(String message, String kind, Integer httpStatus, String details) {}

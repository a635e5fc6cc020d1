package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;

/** thread/section/move: {@code sectionId} null moves the thread out of any section. */
public record ThreadSectionMoveParams(@JsonProperty(required = true) String threadId, String sectionId, String beforeThreadId) {}

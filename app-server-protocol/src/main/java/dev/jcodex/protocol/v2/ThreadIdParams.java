package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Params of the methods that take only a thread id (archive, unarchive, unsubscribe). */
public record ThreadIdParams(@JsonProperty(required = true) String threadId) {}

package dev.jcodex.protocol.v2;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;

/** The signed-in account (tag {@code type}); jcodex knows API-key accounts only. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(Account.ApiKey.class)})
public sealed interface Account {
    @JsonTypeName("apiKey")
    record ApiKey() implements Account {}
}

package dev.jcodex.protocol.v2;

/**
 * The result type of a method whose feature does not exist in jcodex (plugins, thread sections, Windows sandbox,
 * …): the daemon always answers it with a -32600 error naming the feature, never with a result, so no result
 * shape is modelled.
 */
public record FeatureAbsentResult() {}

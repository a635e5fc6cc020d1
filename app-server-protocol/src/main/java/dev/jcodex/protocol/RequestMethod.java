package dev.jcodex.protocol;

/** One JSON-RPC method: its wire name and the types of its params and result. */
public record RequestMethod<P, R>(String name, Class<P> params, Class<R> result) {}

package dev.jcodex.protocol.v2;

/** permissionProfile/list: paged by an index cursor; {@code cwd} selects project config layers. */
public record PermissionProfileListParams(String cursor, String cwd, Integer limit) {}

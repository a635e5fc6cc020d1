package dev.jcodex.protocol.v2;

import java.util.List;

/**
 * thread/list. {@code sortKey}: created_at (default) | updated_at; {@code sortDirection}: desc (default) | asc;
 * {@code cwd}: one path or a list; {@code sourceKinds} defaults to the interactive ones (cli, vscode).
 */
public record ThreadListParams(String cursor, Integer limit, String sortKey, String sortDirection,
                               List<String> modelProviders, List<String> sourceKinds, Boolean archived, Object cwd,
                               String searchTerm, Boolean useStateDbOnly) {}

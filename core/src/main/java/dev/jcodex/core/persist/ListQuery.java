package dev.jcodex.core.persist;

import java.util.List;

/**
 * A thread/list request as the index sees it. {@code afterKey}/{@code afterId} come from the cursor: the
 * page starts strictly after that (sort key, id) pair.
 */
public record ListQuery(boolean archived, boolean sortByUpdated, boolean ascending, List<String> cwds,
                        List<String> modelProviders, List<String> sourceKinds, String searchTerm, Long afterKey,
                        String afterId, int limit) {}

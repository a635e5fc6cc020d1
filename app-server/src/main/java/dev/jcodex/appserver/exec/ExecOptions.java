package dev.jcodex.appserver.exec;

import java.nio.file.Path;
import java.util.List;

/** What {@code jcodex exec} was asked to do; nulls mean "from config". */
public record ExecOptions(boolean json, String model, String sandbox, String approvalPolicy, Path cd, List<Path> addDirs,
                          boolean skipGitRepoCheck, Path outputSchema, List<Path> images, Path outputLastMessage,
                          boolean ephemeral, String resumeThreadId, String prompt, List<String> configOverrides,
                          String profile, boolean strictConfig) {}

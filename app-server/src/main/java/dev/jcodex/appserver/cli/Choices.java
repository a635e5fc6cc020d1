package dev.jcodex.appserver.cli;

import java.util.Iterator;
import java.util.List;
import picocli.CommandLine;

/** The closed value sets of CLI options: picocli converts (a wrong value is a usage error) and completes from them. */
final class Choices {
    private Choices() {}

    abstract static class Of implements CommandLine.ITypeConverter<String>, Iterable<String> {
        private final String what;
        private final List<String> values;

        Of(String what, String... values) {
            this.what = what;
            this.values = List.of(values);
        }

        @Override
        public String convert(String value) {
            if (values.contains(value)) return value;
            throw new CommandLine.TypeConversionException(
                    "'" + value + "' is not a " + what + "; expected one of " + String.join(", ", values));
        }

        @Override
        public Iterator<String> iterator() { return values.iterator(); }
    }

    static final class Sandbox extends Of {
        Sandbox() { super("sandbox mode", "read-only", "workspace-write", "danger-full-access"); }
    }

    static final class Approval extends Of {
        Approval() { super("approval policy", "untrusted", "on-failure", "on-request", "never"); }
    }

    static final class Shell extends Of {
        Shell() { super("shell", "bash", "zsh", "fish"); }
    }
}

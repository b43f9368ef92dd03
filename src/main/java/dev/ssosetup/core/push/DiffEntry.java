package dev.ssosetup.core.push;

import java.util.Objects;

/**
 * One field that differs between the live configuration and ours: a dotted path, what happens to it, and both values
 * as short JSON text (secrets already replaced by {@link SecretFields#HIDDEN}; empty when absent on that side).
 */
public record DiffEntry(String path, Change change, String live, String ours) {

    /** What the push does to the field. */
    public enum Change {
        ADDED("+"), REMOVED("-"), CHANGED("~");

        private final String symbol;

        Change(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    public DiffEntry {
        Objects.requireNonNull(path);
        Objects.requireNonNull(change);
        live = Objects.requireNonNullElse(live, "");
        ours = Objects.requireNonNullElse(ours, "");
    }

    /** The live value as shown: a hidden secret in the operator's word for it ({@code hidden}). */
    public String liveShown(String hidden) {
        return SecretFields.showHidden(live, hidden);
    }

    /** Our value as shown: a hidden secret in the operator's word for it ({@code hidden}). */
    public String oursShown(String hidden) {
        return SecretFields.showHidden(ours, hidden);
    }

    /** One line, like {@code ~ authenticationConfiguration.clientId: "a" -> "b"}. */
    public String line() {
        return switch (change) {
            case ADDED -> "+ " + path + ": " + ours;
            case REMOVED -> "- " + path + ": " + live;
            case CHANGED -> "~ " + path + ": " + live + " -> " + ours;
        };
    }
}

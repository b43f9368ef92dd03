package dev.ssosetup.core.diagnostics;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The diagnostics report an operator can paste into a support request: what runs where, and the last lines of the
 * log, redacted. Plain {@code name: value} lines and {@code #} headings in the same form, meant for developers, so the
 * same in every language (no operator prose).
 *
 * @param facts       the environment, in order (version, OS, Java, ...)
 * @param logLocation where the log files are ("" for none)
 * @param logLines    the newest log lines, oldest first
 */
public record Diagnostics(List<Fact> facts, String logLocation, List<String> logLines) {
    /** How many log lines a report carries. */
    public static final int LOG_LINES = 200;

    /** One line of the report's head. */
    public record Fact(String name, String value) {
        public Fact {
            Objects.requireNonNull(name);
            value = value == null || value.isBlank() ? "unknown" : value;
        }
    }

    public Diagnostics {
        facts = List.copyOf(facts);
        logLocation = Objects.requireNonNullElse(logLocation, "");
        logLines = List.copyOf(logLines);
    }

    /**
     * The report for this run.
     *
     * @param appVersion      the app's version
     * @param targetOpenMetadata the OpenMetadata version configured or detected; blank when none is known
     * @param log             the app's log
     */
    public static Diagnostics collect(String appVersion, String targetOpenMetadata, LogSource log) {
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("sso-setup", appVersion));
        facts.add(new Fact("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
                + System.getProperty("os.arch") + ")"));
        facts.add(new Fact("java", Runtime.version() + " (" + System.getProperty("java.vendor") + ")"));
        facts.add(new Fact("javafx", System.getProperty("javafx.runtime.version")));
        facts.add(new Fact("locale", java.util.Locale.getDefault().toLanguageTag()));
        facts.add(new Fact("openmetadata-target", targetOpenMetadata));
        return new Diagnostics(facts, log.location(), log.lastLines(LOG_LINES));
    }

    /** The report as text; every line goes through {@link LogRedaction} once more. */
    public String text() {
        StringBuilder b = new StringBuilder("# sso-setup diagnostics\n");
        for (Fact f : facts) {
            b.append(f.name()).append(": ").append(LogRedaction.redact(f.value())).append('\n');
        }
        b.append("log: ").append(logLocation.isBlank() ? "none" : logLocation).append('\n');
        b.append("\n# log-tail: ").append(logLines.size()).append('\n');
        for (String line : logLines) {
            b.append(LogRedaction.redact(line)).append('\n');
        }
        return b.toString();
    }
}

package dev.ssosetup.core.diagnostics;

import java.util.List;

/** The app's own log, as far as a diagnostics report needs it. Implemented in {@code infra.log}. */
public interface LogSource {
    /** Where the log files are, for the operator to attach them; empty when there is no log file. */
    String location();

    /** The newest {@code count} lines of the log (oldest first), already redacted as they were written. */
    List<String> lastLines(int count);

    /** Turns DEBUG detail on or off for the rest of this run ({@code --verbose}, the preference). */
    void verbose(boolean on);

    /** A log that is not written anywhere (tests, or when the log folder cannot be made). */
    static LogSource none() {
        return new LogSource() {
            @Override
            public String location() {
                return "";
            }

            @Override
            public List<String> lastLines(int count) {
                return List.of();
            }

            @Override
            public void verbose(boolean on) {
            }
        };
    }
}

package dev.ssosetup.app;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The start-up timeline of one process: named marks in milliseconds since the process started, printed by
 * {@link StartupProbe} with the first frame when {@code SSO_SETUP_STARTUP_PROBE} is set (bench/startup).
 *
 * <p>Why a class of its own: {@link Main} marks its entry on the CLI path too, which must not load JavaFX, and
 * {@link StartupProbe} uses JavaFX. Recording a mark costs one {@link Instant#now()} and a list append.
 */
final class StartupTimeline {
    private static final List<String> MARKS = new ArrayList<>();

    private StartupTimeline() {
    }

    /** Records {@code name} at the current time (any thread). */
    static synchronized void mark(String name) {
        MARKS.add(name + "=" + sinceProcessStart().toMillis());
    }

    /** The marks so far, {@code name=ms} separated by blanks, in the order they were recorded. */
    static synchronized String marks() {
        return String.join(" ", MARKS);
    }

    /** Milliseconds from process start to {@link #anchorNanos}; -1 until the first call. */
    private static long anchorMillis = -1;
    private static long anchorNanos;

    /**
     * Time since the process started. On Linux from {@code /proc} (the process start in clock ticks since boot
     * against the fractional uptime, 10 ms resolution): {@link ProcessHandle.Info#startInstant()} adds the boot
     * time, which the kernel gives in whole seconds, so it is off by up to a second. Elsewhere from that instant.
     */
    static synchronized Duration sinceProcessStart() {
        if (anchorMillis < 0) {
            anchorNanos = System.nanoTime();
            anchorMillis = procMillis();
            if (anchorMillis < 0) {
                anchorMillis = ProcessHandle.current().info().startInstant()
                        .map(start -> Duration.between(start, Instant.now()).toMillis()).orElse(0L);
            }
        }
        return Duration.ofMillis(anchorMillis + (System.nanoTime() - anchorNanos) / 1_000_000);
    }

    private static long procMillis() {
        try {
            String uptime = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/uptime")).trim();
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"));
            // fields after the command name "(...)": state is field 3, starttime is field 22
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long startTicks = Long.parseLong(fields[19]);
            double upSeconds = Double.parseDouble(uptime.substring(0, uptime.indexOf(' ')));
            return Math.round(upSeconds * 1000) - startTicks * 10; // USER_HZ is 100 on Linux
        } catch (java.io.IOException | RuntimeException notLinux) {
            return -1;
        }
    }
}

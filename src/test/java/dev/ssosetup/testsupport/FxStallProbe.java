package dev.ssosetup.testsupport;

import javafx.application.Platform;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Measures how long the JavaFX thread is unavailable: every few milliseconds it posts a {@code Platform.runLater}
 * and records the delay until it runs. The worst delay while the probe ran is the worst stall an operator would feel.
 *
 * <p>While the thread is stalled (no probe has run for {@link #SAMPLE_AFTER_MS}), the probe also samples the JavaFX
 * thread's stack, so a failed limit says where the time went ({@link #hotSpots}), not only how much.
 */
public final class FxStallProbe implements AutoCloseable {
    static final long SAMPLE_AFTER_MS = 20;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fx-stall-probe");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong worstNanos = new AtomicLong();
    private final AtomicLong samples = new AtomicLong();
    private final AtomicLong lastRan = new AtomicLong(System.nanoTime());
    private final Map<String, Integer> stallStacks = new ConcurrentHashMap<>();
    private volatile Thread fxThread;

    private FxStallProbe() {
    }

    public static FxStallProbe start() {
        FxStallProbe probe = new FxStallProbe();
        Platform.runLater(() -> probe.fxThread = Thread.currentThread());
        probe.ticker.scheduleAtFixedRate(() -> {
            long posted = System.nanoTime();
            if (posted - probe.lastRan.get() > TimeUnit.MILLISECONDS.toNanos(SAMPLE_AFTER_MS)) {
                probe.sample();
            }
            Platform.runLater(() -> {
                long now = System.nanoTime();
                probe.lastRan.set(now);
                probe.samples.incrementAndGet();
                probe.worstNanos.accumulateAndGet(now - posted, Math::max);
            });
        }, 0, 5, TimeUnit.MILLISECONDS);
        return probe;
    }

    private void sample() {
        Thread fx = fxThread;
        if (fx == null) {
            return;
        }
        String stack = Arrays.stream(fx.getStackTrace()).limit(40)
                .map(StackTraceElement::toString)
                .filter(f -> f.contains("dev.ssosetup") || f.contains("javafx.scene") || f.contains("com.sun.javafx"))
                .limit(12)
                .collect(Collectors.joining("\n      "));
        if (!stack.isEmpty()) {
            stallStacks.merge(stack, 1, Integer::sum);
        }
    }

    public long worstMillis() {
        return TimeUnit.NANOSECONDS.toMillis(worstNanos.get());
    }

    public long samples() {
        return samples.get();
    }

    /** The JavaFX thread's most frequent stacks during stalls, most frequent first, with their sample counts. */
    public String hotSpots(int max) {
        return stallStacks.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                .limit(max)
                .map(e -> "  " + e.getValue() + " x 5 ms:\n      " + e.getKey())
                .collect(Collectors.joining("\n"));
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}

package dev.ssosetup.testsupport;

import javafx.application.Platform;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures how long the JavaFX thread is unavailable: every few milliseconds it posts a {@code Platform.runLater}
 * and records the delay until it runs. The worst delay while the probe ran is the worst stall an operator would feel.
 */
public final class FxStallProbe implements AutoCloseable {
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fx-stall-probe");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong worstNanos = new AtomicLong();
    private final AtomicLong samples = new AtomicLong();

    private FxStallProbe() {
    }

    public static FxStallProbe start() {
        FxStallProbe probe = new FxStallProbe();
        probe.ticker.scheduleAtFixedRate(() -> {
            long posted = System.nanoTime();
            Platform.runLater(() -> {
                long delay = System.nanoTime() - posted;
                probe.samples.incrementAndGet();
                probe.worstNanos.accumulateAndGet(delay, Math::max);
            });
        }, 0, 5, TimeUnit.MILLISECONDS);
        return probe;
    }

    public long worstMillis() {
        return TimeUnit.NANOSECONDS.toMillis(worstNanos.get());
    }

    public long samples() {
        return samples.get();
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}

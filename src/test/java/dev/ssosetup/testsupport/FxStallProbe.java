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
    static final long SAMPLE_AFTER_MS = 15;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fx-stall-probe");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong worstNanos = new AtomicLong();
    /** The most CPU time the JavaFX thread used between two probes (its own work, whatever the machine's load). */
    private final AtomicLong worstCpuNanos = new AtomicLong();
    private final java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    private long lastCpu = -1; // JavaFX thread only
    private long lastCpuAt;
    private volatile long[] worstCpuWindow = {0, 0};
    /** CPU time of the JavaFX thread and of the render thread around the worst stall, nanoseconds. */
    private volatile long[] worstStallCpu = {0, 0};
    private long lastRenderCpu;
    private long firstCpu = -1;
    private volatile long totalCpuNanos;
    private long renderThreadId = -1;
    private final AtomicLong samples = new AtomicLong();
    private final AtomicLong lastRan = new AtomicLong(System.nanoTime());
    private final Map<String, Integer> stallStacks = new ConcurrentHashMap<>();
    private volatile Thread fxThread;
    /** The worst stall, as [posted, ran] in nanoTime, for {@link #worstStallInGcMillis}. */
    private volatile long[] worstStall = {0, 0};
    /** Garbage collections while the probe ran, as [start, end] in nanoTime. */
    private final java.util.List<long[]> collections = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final javax.management.NotificationListener gcListener = (notification, handback) -> {
        if (com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION
                .equals(notification.getType())) {
            var info = com.sun.management.GarbageCollectionNotificationInfo.from(
                    (javax.management.openmbean.CompositeData) notification.getUserData());
            long end = System.nanoTime(); // sent just after the collection: close enough for a pause of many ms
            collections.add(new long[] {end - TimeUnit.MILLISECONDS.toNanos(info.getGcInfo().getDuration()), end});
        }
    };

    private FxStallProbe() {
        for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof javax.management.NotificationEmitter emitter) {
                emitter.addNotificationListener(gcListener, null, null);
            }
        }
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
                long cpu = probe.threads.getCurrentThreadCpuTime();
                long renderCpu = probe.renderCpu();
                if (probe.firstCpu < 0) {
                    probe.firstCpu = cpu;
                }
                probe.totalCpuNanos = cpu - probe.firstCpu;
                if (probe.lastCpu >= 0 && cpu - probe.lastCpu > probe.worstCpuNanos.get()) {
                    probe.worstCpuNanos.set(cpu - probe.lastCpu);
                    probe.worstCpuWindow = new long[] {probe.lastCpuAt, now};
                }
                probe.samples.incrementAndGet();
                if (now - posted > probe.worstNanos.get()) {
                    probe.worstStall = new long[] {posted, now};
                    // what the threads that draw the window did since the probe before (the stall is inside that)
                    probe.worstStallCpu = probe.lastCpu < 0 ? new long[] {0, 0}
                            : new long[] {cpu - probe.lastCpu, renderCpu - probe.lastRenderCpu};
                }
                probe.lastCpu = cpu;
                probe.lastRenderCpu = renderCpu;
                probe.lastCpuAt = now;
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
        StackTraceElement[] frames = fx.getStackTrace();
        Thread subject = fx;
        // waiting for the renderer: the time goes on the render thread, so that is the stack worth seeing
        if (frames.length > 0 && Arrays.stream(frames).limit(4).anyMatch(f -> f.getMethodName()
                .equals("waitForRenderingToComplete"))) {
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t.getName().startsWith("QuantumRenderer")) {
                    subject = t;
                    frames = t.getStackTrace();
                }
            }
        }
        String stack = Arrays.stream(frames).limit(40)
                .map(StackTraceElement::toString)
                .filter(f -> f.contains("dev.ssosetup") || f.contains("javafx") || f.contains("com.sun.prism")
                        || f.contains("com.sun.glass"))
                .limit(14)
                .collect(Collectors.joining("\n      "));
        if (!stack.isEmpty()) {
            stallStacks.merge("[" + subject.getName() + "]\n      " + stack, 1, Integer::sum);
        }
    }

    /**
     * The most CPU time the JavaFX thread spent between two consecutive probes: the longest piece of work it did in
     * one go. Unlike {@link #worstMillis} it does not grow when other processes take the cores (time waiting for a
     * core is not CPU time), so it says what the app itself costs on a loaded machine. Time the JavaFX thread spends
     * waiting for the render thread is not in it either.
     */
    public long worstCpuMillis() {
        return TimeUnit.NANOSECONDS.toMillis(worstCpuNanos.get());
    }

    /**
     * Where the worst stall's time went, in CPU milliseconds of {JavaFX thread, render thread} between the probe before
     * it and the one that ended it. The JavaFX thread waits for the render thread at the end of each pulse; what is
     * left of the stall beyond these two (and GC) is time the threads waited for a core.
     */
    public long[] worstStallCpuMillis() {
        long[] c = worstStallCpu;
        return new long[] {TimeUnit.NANOSECONDS.toMillis(c[0]), TimeUnit.NANOSECONDS.toMillis(c[1])};
    }

    /** All the CPU time the JavaFX thread used while the probe ran (from its first probe to its last). */
    public long totalCpuMillis() {
        return TimeUnit.NANOSECONDS.toMillis(totalCpuNanos);
    }

    /** The render thread's CPU time so far (0 when there is none, e.g. before the first frame). */
    private long renderCpu() {
        if (renderThreadId < 0) {
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t.getName().startsWith("QuantumRenderer")) {
                    renderThreadId = t.threadId();
                }
            }
            if (renderThreadId < 0) {
                return 0;
            }
        }
        return Math.max(0, threads.getThreadCpuTime(renderThreadId));
    }

    public long worstMillis() {
        return TimeUnit.NANOSECONDS.toMillis(worstNanos.get());
    }

    /**
     * How much of the worst stall the JVM spent in garbage collections (which stop every thread, this probe's too):
     * a stall that is mostly GC is the runtime's, not the app's code on the JavaFX thread.
     */
    public long worstStallInGcMillis() {
        long[] w = worstStall;
        long overlap = 0;
        for (long[] c : collections) {
            overlap += Math.max(0, Math.min(w[1], c[1]) - Math.max(w[0], c[0]));
        }
        return TimeUnit.NANOSECONDS.toMillis(overlap);
    }

    /** When the worst stall began and ended, as epoch milliseconds (to find it in a profile of the same run). */
    public long[] worstStallEpochMillis() {
        return epochMillis(worstStall);
    }

    /** Between which two probes (epoch milliseconds) the JavaFX thread did its longest work ({@link #worstCpuMillis}). */
    public long[] worstCpuEpochMillis() {
        return epochMillis(worstCpuWindow);
    }

    private static long[] epochMillis(long[] w) {
        long offset = System.currentTimeMillis() * 1_000_000 - System.nanoTime();
        return new long[] {(w[0] + offset) / 1_000_000, (w[1] + offset) / 1_000_000};
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
        for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof javax.management.NotificationEmitter emitter) {
                try {
                    emitter.removeNotificationListener(gcListener);
                } catch (javax.management.ListenerNotFoundException e) {
                    // not added to this one
                }
            }
        }
    }
}

package dev.ssosetup.bench;

import dev.ssosetup.app.CompositionRoot;
import dev.ssosetup.core.provider.MockIdp;
import dev.ssosetup.testserver.OpenMetadataTestServer;
import dev.ssosetup.testsupport.FxStallProbe;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JavaFX thread during the wizard's background work, with the app's own {@code FxBackgroundRunner}: a
 * {@link FxStallProbe} measures the worst delay of a {@code Platform.runLater} while each phase runs. An idle phase of
 * the same length gives the floor this machine sets (GC, scheduling on shared cores). Writes
 * {@code target/bench/ui-stall.tsv} (phase, worst ms, samples, duration ms) for {@code bench/ui/run.sh}.
 *
 * <p>Run: {@code ./mvnw test -Dtest=UiStallBench -Dsurefire.excludedGroups=keycloak} (tagged {@code bench}, so
 * the default build skips it).
 */
@Tag("bench")
@ExtendWith(ApplicationExtension.class)
class UiStallBench {
    static final long LIMIT_MS = 50;

    static {
        if (Boolean.getBoolean("bench.pulses")) { // -Dbench.pulses=true: JavaFX logs every pulse over 17 ms, by phase
            System.setProperty("javafx.pulseLogger", "true");
        }
    }
    private static final String ADMIN_TOKEN = "bench-admin-token";
    private final MockIdp idp = new MockIdp();
    private final OpenMetadataTestServer om;
    private final Path home;
    private final String realHome = System.getProperty("user.home");

    UiStallBench() throws IOException {
        om = new OpenMetadataTestServer(ADMIN_TOKEN, "bench-bot-token");
        om.store(om.basicConfiguration());
        // the push step writes its backup under ~/.sso-setup-console: keep the operator's real home out of a bench
        home = Files.createTempDirectory("ui-stall-home");
        System.setProperty("user.home", home.toString());
    }
    private CompositionRoot.Gui gui;
    private Path keys;
    private final List<String> rows = new ArrayList<>();

    @Start
    void start(Stage stage) {
        keys = keysFolder();
        gui = CompositionRoot.forGui(url -> { }).keysDialogs(new dev.ssosetup.testing.FolderKeysDialogs(keys));
        stage.setScene(new Scene(gui.wizardView(), 1100, 760));
        stage.show();
    }

    @AfterEach
    void stop() throws IOException {
        gui.close();
        idp.close();
        om.close();
        System.setProperty("user.home", realHome);
        for (Path dir : List.of(keys, home)) { // the walk's key pair and push backup: not left in the temp folder
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        Path out = Path.of("target", "bench", "ui-stall.tsv");
        Files.createDirectories(out.getParent());
        Files.write(out, rows);
    }

    private long phase(String name, Runnable work) {
        long t0 = System.nanoTime();
        long startEpoch = System.currentTimeMillis();
        long[] at;
        long worst;
        long samples;
        long gc;
        long cpu;
        long[] cpuAt;
        long[] stallCpu;
        long total;
        try (FxStallProbe probe = FxStallProbe.start()) {
            work.run();
            worst = probe.worstMillis();
            samples = probe.samples();
            gc = probe.worstStallInGcMillis();
            at = probe.worstStallEpochMillis();
            cpu = probe.worstCpuMillis();
            cpuAt = probe.worstCpuEpochMillis();
            stallCpu = probe.worstStallCpuMillis();
            total = probe.totalCpuMillis();
            if (worst >= LIMIT_MS / 2) {
                System.out.println("BENCH ui-stall " + name + ": " + gc + " ms of the worst stall in GC; where the "
                        + "JavaFX thread was during stalls:\n" + probe.hotSpots(3));
            }
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        rows.add(name + "\t" + worst + "\t" + samples + "\t" + ms + "\t" + gc + "\t" + cpu + "\t" + stallCpu[0] + "\t"
                + stallCpu[1] + "\t" + total);
        System.out.println("BENCH ui-stall " + name + ": worst " + worst + " ms (" + gc + " ms of it GC, JavaFX thread "
                + stallCpu[0] + " ms CPU, render thread " + stallCpu[1] + " ms CPU; in all " + total + " ms CPU, longest "
                + "JavaFX-thread work " + cpu + " ms CPU) over "
                + samples + " samples, " + ms + " ms; phase from " + java.time.Instant.ofEpochMilli(startEpoch)
                + ", worst stall " + java.time.Instant.ofEpochMilli(at[0]) + " to " + java.time.Instant.ofEpochMilli(at[1])
                + ", longest work " + java.time.Instant.ofEpochMilli(cpuAt[0]) + " to "
                + java.time.Instant.ofEpochMilli(cpuAt[1]));
        return worst;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void theFxThreadNeverStallsDuringBackgroundWork(FxRobot robot) {
        WizardWalk walk = new WizardWalk(robot);
        walk.fillProvider(idp.issuer(), "bench-secret", om.baseUrl());
        phase("idle (floor)", () -> sleep(2000));
        List<Long> worst = new ArrayList<>();
        for (int i = 0; i < 5; i++) { // the first check loads classes and warms the HTTP client
            worst.add(phase("discovery check #" + (i + 1), walk::checkProvider));
            if (i < 4) {
                walk.fill("clientId", "openmetadata-" + i); // a changed form needs a new check
            }
        }
        worst.add(phase("to Login test", () -> walk.nextUntil("Login test")));
        worst.add(phase("login test (listener, token exchange, validation)", walk::passLoginTest));
        worst.add(phase("to Keys", () -> walk.nextUntil("Keys")));
        worst.add(phase("key generation", walk::generateKeys));
        worst.add(phase("to Review, first time (render all formats, schema check)", () -> walk.nextUntil("Review")));
        robot.interact(() -> robot.lookup("#backButton").queryButton().fire());
        worst.add(phase("to Review again (warm)", () -> walk.nextUntil("Review")));
        worst.add(phase("to Push", () -> walk.nextUntil("Push")));
        String[] pushed = new String[1];
        worst.add(phase("push (plan: read, diff, validate; apply: backup, PUT, verify)",
                () -> pushed[0] = walk.pushAndApply(om.baseUrl(), ADMIN_TOKEN)));
        assertTrue(pushed[0].startsWith("Applied and verified"), pushed[0]);
        long max = worst.stream().mapToLong(Long::longValue).max().orElse(0);
        assertTrue(max < LIMIT_MS, "worst stall " + max + " ms >= " + LIMIT_MS + " ms: " + rows);
    }

    /** Where the Keys step exports during the walk (Next waits until the keys are on disk). */
    private static java.nio.file.Path keysFolder() {
        try {
            return java.nio.file.Files.createTempDirectory("walk-keys");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

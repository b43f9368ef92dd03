package dev.ssosetup.ui.task;

import dev.ssosetup.core.task.TaskContext;
import javafx.application.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackgroundRunnerTest {
    private FxBackgroundRunner fx;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() {
        if (fx != null) {
            fx.close();
        }
    }

    @Test
    void inlineRunnerDeliversSuccessBeforeReturning() {
        List<String> events = new ArrayList<>();
        TaskHandle handle = new InlineBackgroundRunner().execute(BackgroundTask.of("t", ctx -> {
            ctx.progress(0.5, dev.ssosetup.core.text.Text.of("task.done"));
            return 42;
        }).onSuccess(v -> events.add("ok " + v)).onFailure(e -> events.add("failed")));
        assertEquals(List.of("ok 42"), events);
        assertFalse(handle.runningProperty().get());
        assertEquals(0.5, handle.progressProperty().get());
        assertEquals(dev.ssosetup.core.text.Text.of("task.done"), handle.stepProperty().get());
    }

    @Test
    void inlineRunnerDeliversFailureNotSuccess() {
        List<String> events = new ArrayList<>();
        new InlineBackgroundRunner().execute(BackgroundTask.<Integer>of("t", ctx -> {
            throw new IllegalStateException("boom");
        }).onSuccess(v -> events.add("ok")).onFailure(e -> events.add("failed " + e.getMessage())));
        assertEquals(List.of("failed boom"), events);
    }

    @Test
    void fxRunnerWorksOffTheFxThreadAndDeliversOnIt() throws Exception {
        fx = new FxBackgroundRunner(Executors.newSingleThreadExecutor());
        AtomicBoolean workOnFx = new AtomicBoolean(true);
        AtomicBoolean resultOnFx = new AtomicBoolean(false);
        AtomicReference<String> worker = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> fx.execute(BackgroundTask.of("t", ctx -> {
            workOnFx.set(Platform.isFxApplicationThread());
            worker.set(Thread.currentThread().getName());
            return "v";
        }).onSuccess(v -> {
            resultOnFx.set(Platform.isFxApplicationThread());
            done.countDown();
        })));
        assertTrue(done.await(5, TimeUnit.SECONDS));
        assertFalse(workOnFx.get(), "the work must not run on the JavaFX thread");
        assertTrue(resultOnFx.get(), "the outcome must arrive on the JavaFX thread");
        assertNotEquals("JavaFX Application Thread", worker.get());
    }

    @Test
    void cancelAnswersAtOnceEvenWhileTheWorkIsBlocked() throws Exception {
        fx = new FxBackgroundRunner(Executors.newSingleThreadExecutor());
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch cancelled = new CountDownLatch(1);
        AtomicBoolean succeeded = new AtomicBoolean();
        AtomicBoolean interrupted = new AtomicBoolean();
        AtomicReference<TaskHandle> handle = new AtomicReference<>();
        Platform.runLater(() -> handle.set(fx.execute(BackgroundTask.of("slow", (TaskContext ctx) -> {
            started.countDown();
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                interrupted.set(true);
                throw e;
            }
            return "late";
        }).onSuccess(v -> succeeded.set(true)).onCancelled(cancelled::countDown))));
        assertTrue(started.await(5, TimeUnit.SECONDS));
        long t0 = System.nanoTime();
        Platform.runLater(() -> handle.get().cancel());
        assertTrue(cancelled.await(2, TimeUnit.SECONDS), "cancel must be reported promptly");
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0) < 2000);
        Thread.sleep(100);
        assertTrue(interrupted.get(), "blocking work is interrupted");
        assertFalse(succeeded.get());
        CountDownLatch fxIdle = new CountDownLatch(1);
        Platform.runLater(fxIdle::countDown);
        fxIdle.await(2, TimeUnit.SECONDS);
        assertFalse(handle.get().runningProperty().get());
    }
}

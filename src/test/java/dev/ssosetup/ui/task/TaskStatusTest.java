package dev.ssosetup.ui.task;

import dev.ssosetup.core.task.CancelledException;
import dev.ssosetup.core.text.Messages;
import dev.ssosetup.core.text.Text;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The shared busy state (ADR 0033): one way to end a task, whatever the view model does with its result. */
class TaskStatusTest {
    private final Messages messages = Messages.forLocale(Locale.ENGLISH);
    private final List<String> said = new ArrayList<>();
    private final TaskStatus status = new TaskStatus(new InlineBackgroundRunner(), messages,
            (severity, text) -> said.add(severity + " " + text), "stopped")
            .knownFailures(e -> e instanceof IllegalArgumentException ? Optional.of("known: " + e.getMessage())
                    : Optional.empty());

    @Test
    void aSuccessGoesToTheViewModelWithBusyAlreadyOff() {
        List<String> seen = new ArrayList<>();
        status.task("t", ctx -> {
            ctx.progress(0.5, Text.of("task.keys.readingPrivate"));
            return 7;
        }).saying("starting").onSuccess(v -> seen.add(v + " busy=" + status.isBusy())).start();
        assertEquals(List.of("7 busy=false"), seen);
        assertEquals(List.of(), said, "a success says nothing of its own");
        assertEquals("", status.stepProperty().get());
        assertEquals(0, status.progressProperty().get());
    }

    @Test
    void aKnownFailureIsSaidInTheViewModelsWordsThenItsOwnHandlingRuns() {
        status.<Integer>task("t", ctx -> {
            throw new IllegalArgumentException("bad key");
        }).afterFailure(e -> said.add("after " + e.getMessage())).start();
        assertEquals(List.of("ERROR known: bad key", "after bad key"), said);
        assertFalse(status.isBusy());
    }

    @Test
    void anyOtherFailureIsOneUnexpectedLine() {
        status.<Integer>task("t", ctx -> {
            throw new IllegalStateException();
        }).start();
        assertEquals(List.of("ERROR " + messages.get("wizard.error.unexpected", "IllegalStateException")), said);
    }

    @Test
    void aCancelSaysTheDefaultOrTheTasksOwnText() {
        status.<Integer>task("t", ctx -> {
            throw new CancelledException();
        }).start();
        status.<Integer>task("t", ctx -> {
            throw new CancelledException();
        }).cancelled(TaskStatus.Severity.ERROR, "state unknown").start();
        assertEquals(List.of("WARNING stopped", "ERROR state unknown"), said);
        assertFalse(status.isBusy());
    }
}

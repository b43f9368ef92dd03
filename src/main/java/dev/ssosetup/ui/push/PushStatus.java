package dev.ssosetup.ui.push;

import dev.ssosetup.ui.task.BackgroundRunner;
import dev.ssosetup.ui.task.BackgroundTask;
import dev.ssosetup.ui.task.TaskHandle;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Objects;

/**
 * The Push step's one status line and its one piece of running work (busy, progress, cancel), shared by the plan,
 * apply and restore view models: only one of them runs at a time.
 */
public final class PushStatus {
    /** The severity of the status line: drives its colour. */
    public enum Tone { NONE, INFO, OK, WARNING, ERROR }

    private final BackgroundRunner runner;
    private final StringProperty status = new SimpleStringProperty("");
    private final ObjectProperty<Tone> tone = new SimpleObjectProperty<>(Tone.NONE);
    private final StringProperty progressText = new SimpleStringProperty("");
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private TaskHandle running;

    public PushStatus(BackgroundRunner runner) {
        this.runner = Objects.requireNonNull(runner);
    }

    /** Runs {@code task} in the background, saying {@code text} while it runs. */
    <T> void start(BackgroundTask<T> task, String text) {
        busy.set(true);
        progress.set(-1);
        progressText.set(text);
        say(Tone.INFO, text);
        running = runner.execute(task);
        if (running.runningProperty().get()) {
            progress.bind(running.progressProperty());
            running.runningProperty().addListener((o, was, now) -> {
                if (!now) {
                    finished();
                }
            });
        } else {
            finished();
        }
    }

    private void finished() {
        progress.unbind();
        busy.set(false);
        progressText.set("");
    }

    public void cancel() {
        if (running != null) {
            running.cancel();
        }
    }

    void say(Tone t, String text) {
        tone.set(t);
        status.set(text);
    }

    public boolean isBusy() {
        return busy.get();
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ObjectProperty<Tone> toneProperty() {
        return tone;
    }

    public StringProperty progressTextProperty() {
        return progressText;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}

package dev.ssosetup.app;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;

import java.util.Locale;
import java.util.Optional;

/**
 * Measures, and for the packaging build ends, one start of the wizard.
 *
 * <p>Why: the installer build runs the packaged app once to record the JDK AOT cache, and the startup benchmark
 * wants the time from process start to the first rendered frame. Both need the app to say when its first frame is
 * on screen and, for the training run, to leave by itself. Off unless asked for with the environment variable
 * {@code SSO_SETUP_STARTUP_PROBE} (or the system property {@code sso.setup.startupProbe}):
 * {@code report} prints one line {@code startup-probe first-frame-ms=<n>}; {@code exit} prints it and closes the
 * application normally; the line carries the {@link StartupTimeline} marks too. Call {@link #install(Runnable)} on
 * the JavaFX thread right after {@code stage.show()}.
 */
final class StartupProbe {
    static final String ENV = "SSO_SETUP_STARTUP_PROBE";
    static final String PROPERTY = "sso.setup.startupProbe";
    /** Pulses to wait: the first pulse lays out and renders, the second proves the frame went out. */
    private static final int FRAMES = 2;
    /** The training run's time on screen after the first frame: step views preloaded, tables warmed up. */
    private static final int TRAINING_WALK_SECONDS = 8;

    private StartupProbe() {
    }

    /**
     * Runs {@code afterFirstFrame} once the first frame is out (work the first frame does not need, such as the
     * window icons) and, when the probe is enabled, reports the timeline then.
     */
    static void install(Runnable afterFirstFrame) {
        Optional<String> mode = mode();
        new AnimationTimer() {
            private int frames;

            @Override
            public void handle(long now) {
                if (++frames == 1) {
                    StartupTimeline.mark("first-pulse");
                }
                if (frames < FRAMES) {
                    return;
                }
                stop();
                StartupTimeline.mark("first-frame");
                mode.ifPresent(StartupProbe::report);
                afterFirstFrame.run();
            }
        }.start();
    }

    private static void report(String mode) {
        System.out.println("startup-probe first-frame-ms=" + StartupTimeline.sinceProcessStart().toMillis()
                + " timeline: " + StartupTimeline.marks());
        System.out.flush();
        if (AotTraining.enabled()) {
            // the training run: leave once the other step views are preloaded and the table code warmed
            // (WizardController starts that 0.7 s after the window, one view per 0.3 s)
            javafx.animation.PauseTransition walk = new javafx.animation.PauseTransition(
                    javafx.util.Duration.seconds(TRAINING_WALK_SECONDS));
            walk.setOnFinished(e -> Platform.exit());
            walk.play();
        } else if (mode.equals("exit")) {
            Platform.exit();
        }
    }

    static Optional<String> mode() {
        String value = System.getProperty(PROPERTY, System.getenv(ENV));
        if (value == null) {
            return Optional.empty();
        }
        String mode = value.trim().toLowerCase(Locale.ROOT);
        return mode.equals("report") || mode.equals("exit") ? Optional.of(mode) : Optional.empty();
    }
}

package dev.ssosetup.app;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;

import java.time.Duration;
import java.time.Instant;
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
 * application normally. Call {@link #install()} on the JavaFX thread right after {@code stage.show()}.
 */
final class StartupProbe {
    static final String ENV = "SSO_SETUP_STARTUP_PROBE";
    static final String PROPERTY = "sso.setup.startupProbe";
    /** Pulses to wait: the first pulse lays out and renders, the second proves the frame went out. */
    private static final int FRAMES = 2;

    private StartupProbe() {
    }

    /** Starts watching for the first frame when the probe is enabled; otherwise does nothing. */
    static void install() {
        mode().ifPresent(mode -> new AnimationTimer() {
            private int frames;

            @Override
            public void handle(long now) {
                if (++frames < FRAMES) {
                    return;
                }
                stop();
                System.out.println("startup-probe first-frame-ms=" + sinceProcessStart().toMillis());
                System.out.flush();
                if (mode.equals("exit")) {
                    Platform.exit();
                }
            }
        }.start());
    }

    static Optional<String> mode() {
        String value = System.getProperty(PROPERTY, System.getenv(ENV));
        if (value == null) {
            return Optional.empty();
        }
        String mode = value.trim().toLowerCase(Locale.ROOT);
        return mode.equals("report") || mode.equals("exit") ? Optional.of(mode) : Optional.empty();
    }

    private static Duration sinceProcessStart() {
        return ProcessHandle.current().info().startInstant()
                .map(start -> Duration.between(start, Instant.now()))
                .orElse(Duration.ZERO);
    }
}

package dev.ssosetup.app;

import dev.ssosetup.core.diagnostics.LogSource;
import dev.ssosetup.infra.log.FileLog;
import dev.ssosetup.core.text.Messages;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.io.InputStream;
import java.util.List;
import java.util.Objects;

/** The JavaFX application: builds the wizard through the composition root and shows it. */
public final class WizardApplication extends Application {
    static final List<Integer> ICON_SIZES = List.of(16, 24, 32, 48, 64, 128, 256);
    private CompositionRoot.Gui gui;
    private LogSource log = LogSource.none();
    private Messages messages;

    @Override
    public void init() {
        StartupTimeline.mark("fx-init");
        // on the launcher thread, before the window: failures from here on leave their stack trace in the log
        log = FileLog.install(FileLog.defaultFolder(), Boolean.getBoolean("sso.setup.verbose"));
        messages = CompositionRoot.preferredMessages(); // View → Language, else the system's (ADR 0020)
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> System.getLogger(WizardApplication.class.getName())
                .log(System.Logger.Level.ERROR, "uncaught in thread " + thread.getName(), e));
    }

    @Override
    public void start(Stage stage) {
        StartupTimeline.mark("fx-start");
        gui = CompositionRoot.forGui(getHostServices()::showDocument, log,
                messages == null ? Messages.load() : messages);
        StartupTimeline.mark("root-built");
        Parent root = gui.wizardView();
        StartupTimeline.mark("fxml-loaded");
        Messages messages = gui.messages();
        stage.setTitle(messages.get("app.title"));
        stage.setScene(new Scene(root));
        fitToScreen(stage, root);
        stage.setOnCloseRequest(e -> gui.close());
        StartupTimeline.mark("scene-set");
        stage.show();
        StartupTimeline.mark("shown");
        // seven PNG decodes the first frame does not need: the icons follow it (the window manager takes them then)
        StartupProbe.install(() -> stage.getIcons().addAll(icons()));
    }

    /** Opens no larger than the screen's visual bounds (else the title bar and the buttons are off-screen). */
    private static void fitToScreen(Stage stage, Parent root) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        root.applyCss();
        double prefWidth = root.prefWidth(-1);
        WindowFit fit = WindowFit.of(screen.getWidth(), screen.getHeight(), prefWidth, root.prefHeight(prefWidth));
        stage.setMinWidth(fit.minWidth());
        stage.setMinHeight(fit.minHeight());
        if (fit.clamped()) { // else the scene's preferred size (a window size would shave off the decorations)
            stage.setWidth(fit.width());
            stage.setHeight(fit.height());
            stage.setX(screen.getMinX());
            stage.setY(screen.getMinY());
        }
    }

    @Override
    public void stop() {
        if (gui != null) {
            gui.close();
        }
    }

    static List<Image> icons() {
        return ICON_SIZES.stream().map(size -> {
            try (InputStream in = Objects.requireNonNull(
                    WizardApplication.class.getResourceAsStream("/icons/sso-setup-console-" + size + ".png"),
                    "missing icon " + size)) {
                return new Image(in);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).toList();
    }
}

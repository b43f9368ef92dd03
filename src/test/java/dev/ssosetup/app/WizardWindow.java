package dev.ssosetup.app;

import dev.ssosetup.core.diagnostics.LogSource;
import dev.ssosetup.core.text.Messages;
import dev.ssosetup.ui.task.InlineBackgroundRunner;
import dev.ssosetup.ui.wizard.ProfileDialogs;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The real wizard (composition root, FXML, CSS) in the test's window: the one setup of the whole-wizard UI tests.
 * Register it in a test class that runs with TestFX's {@code ApplicationExtension}:
 * <pre>{@code @RegisterExtension final WizardWindow window = new WizardWindow();}</pre>
 * Before each test it builds the wizard on an inline background runner and shows it in TestFX's primary stage;
 * after each test it ends the composition root's worker pool.
 */
public final class WizardWindow implements BeforeEachCallback, AfterEachCallback {
    /** The window's usual size: fits Monocle's 1280x800 screen. */
    private static final double WIDTH = 1100;
    private static final double HEIGHT = 760;

    private final Supplier<CompositionRoot.Gui> guis;
    private final double width;
    private final double height;
    private CompositionRoot.Gui gui;
    private Parent root;
    private Scene scene;

    /** The wizard in the system's language (English in the build) at 1100 x 760. */
    public WizardWindow() {
        this(() -> CompositionRoot.forGui(url -> { }), WIDTH, HEIGHT);
    }

    private WizardWindow(Supplier<CompositionRoot.Gui> guis, double width, double height) {
        this.guis = guis;
        this.width = width;
        this.height = height;
    }

    /** The wizard in the system's language at {@code width} x {@code height}. */
    public static WizardWindow sized(double width, double height) {
        return new WizardWindow(() -> CompositionRoot.forGui(url -> { }), width, height);
    }

    /** The wizard of the composition root {@code guis} makes (e.g. in another language) at 1100 x 760. */
    public static WizardWindow of(Supplier<CompositionRoot.Gui> guis) {
        return new WizardWindow(guis, WIDTH, HEIGHT);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        FxToolkit.setupStage(stage -> {
            gui = guis.get();
            root = gui.wizardView(new InlineBackgroundRunner());
            scene = new Scene(root, width, height);
            stage.setScene(scene);
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (gui != null) {
            gui.close();
        }
    }

    public CompositionRoot.Gui gui() {
        return gui;
    }

    public Parent root() {
        return root;
    }

    public Scene scene() {
        return scene;
    }

    /** Waits (up to a minute) until the wizard has preloaded all five step views, and returns them. */
    public List<Node> allSteps() throws Exception {
        Parent content = (Parent) scene.lookup(".step-content");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> content.getChildrenUnmodifiable().size() == 5);
        return List.copyOf(content.getChildrenUnmodifiable());
    }

    /** Sets a complete sample configuration (the confidential sample) into the wizard's state; FX thread. */
    public void fillWithSample() {
        var c = dev.ssosetup.core.config.Samples.confidential();
        gui.state().providerProperty().set(c.provider());
        gui.state().keysProperty().set(c.keys());
        gui.state().idpJwksUriProperty().set(c.idpJwksUri());
    }

    /**
     * The Provider step's fields a valid form needs but the principal domain, by field id in form order, for a
     * provider at {@code issuer} with {@code admins} as admin principals.
     */
    public static Map<String, String> providerForm(String issuer, String admins) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("providerName", "Test IdP");
        form.put("issuer", issuer);
        form.put("clientId", "openmetadata");
        form.put("serverUrl", "http://localhost:8585");
        form.put("adminPrincipals", admins);
        return form;
    }

    /** The menu item with {@code id} in the window's menu bar (any depth). */
    public static MenuItem menuItem(Stage stage, String id) {
        MenuBar bar = (MenuBar) stage.getScene().lookup("#menuBar");
        Deque<MenuItem> todo = new ArrayDeque<>(bar.getMenus());
        while (!todo.isEmpty()) {
            MenuItem item = todo.pop();
            if (id.equals(item.getId())) {
                return item;
            }
            if (item instanceof Menu menu) {
                todo.addAll(menu.getItems());
            }
        }
        throw new AssertionError("no menu item " + id);
    }

    /**
     * Wizard windows a test opens one after the other (a start, then the next start), each keeping its session files
     * in the folder given, asking {@code dialogs} for files and saving its draft after 50 ms. After each test every
     * window is hidden and its composition root ended.
     */
    public static final class Sessions implements AfterEachCallback {
        private final ProfileDialogs dialogs;
        private final Consumer<List<Stage>> beforeClose;
        private final List<CompositionRoot.Gui> guis = new ArrayList<>();
        private final List<Stage> stages = new ArrayList<>();

        public Sessions(ProfileDialogs dialogs) {
            this(dialogs, stages -> { });
        }

        /** @param beforeClose what to do on the FX thread, given the windows opened, before they are hidden */
        public Sessions(ProfileDialogs dialogs, Consumer<List<Stage>> beforeClose) {
            this.dialogs = dialogs;
            this.beforeClose = beforeClose;
        }

        /** Opens a new window in the system's language. */
        public Stage open(FxRobot robot, Path sessionFolder) {
            return open(robot, sessionFolder, Messages.load());
        }

        /** Opens a new window in the language of {@code messages}. */
        public Stage open(FxRobot robot, Path sessionFolder, Messages messages) {
            Stage[] made = new Stage[1];
            robot.interact(() -> {
                CompositionRoot.Gui gui = CompositionRoot.forGui(url -> { }, LogSource.none(), messages);
                guis.add(gui);
                Stage stage = new Stage();
                stage.setScene(new Scene(gui.wizardView(new InlineBackgroundRunner(), sessionFolder, dialogs,
                        Duration.millis(50)), WIDTH, HEIGHT));
                stage.show();
                stages.add(stage);
                made[0] = stage;
            });
            WaitForAsyncUtils.waitForFxEvents();
            return made[0];
        }

        /** The windows opened so far. */
        public List<Stage> stages() {
            return List.copyOf(stages);
        }

        @Override
        public void afterEach(ExtensionContext context) throws Exception {
            WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(() -> {
                beforeClose.accept(List.copyOf(stages));
                stages.forEach(Stage::hide);
            }));
            WaitForAsyncUtils.waitForFxEvents();
            guis.forEach(CompositionRoot.Gui::close);
        }
    }
}

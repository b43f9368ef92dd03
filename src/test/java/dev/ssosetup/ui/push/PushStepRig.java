package dev.ssosetup.ui.push;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ssosetup.core.common.Secret;
import dev.ssosetup.core.push.DesiredConfiguration;
import dev.ssosetup.core.push.LockoutEvidence;
import dev.ssosetup.core.text.Messages;
import dev.ssosetup.infra.common.LocalOperatorFiles;
import dev.ssosetup.infra.net.JdkHttpGatewayFactory;
import dev.ssosetup.infra.push.FileBackupStore;
import dev.ssosetup.ui.common.ControllerFactory;
import dev.ssosetup.ui.common.ViewLoader;
import dev.ssosetup.ui.task.InlineBackgroundRunner;
import javafx.beans.value.ObservableValue;
import javafx.scene.Parent;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import org.testfx.api.FxRobot;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import static dev.ssosetup.testserver.PushFixture.CLIENT_SECRET;

/**
 * The Push step as its UI tests build it against the test servers ({@code PushServers}): the real view model on the
 * JDK HTTP client, file backups in a given folder, the system clock and an inline background runner, and its real view
 * (FXML, controller).
 */
final class PushStepRig {
    static final String VIEW = "/dev/ssosetup/ui/push/PushView.fxml";

    private PushStepRig() {
    }

    /** The view model for {@code desired} (see {@link #desired}), backing up into {@code backups}. */
    static PushViewModel viewModel(Path backups, Supplier<Optional<DesiredConfiguration>> desired,
                                   ObservableValue<LockoutEvidence> evidence, Consumer<String> navigator,
                                   Messages messages) {
        return new PushViewModel(new JdkHttpGatewayFactory(), new LocalOperatorFiles(), new FileBackupStore(backups), Clock.systemUTC(), desired,
                evidence, navigator, new InlineBackgroundRunner(), messages);
    }

    /** What the wizard would push: {@code body} (none while it is null) with the fixture's client secret. */
    static Supplier<Optional<DesiredConfiguration>> desired(Supplier<ObjectNode> body) {
        return () -> Optional.ofNullable(body.get()).map(b -> new DesiredConfiguration(b, Secret.of(CLIENT_SECRET)));
    }

    /** The factory that makes the Push step's controller for {@code viewModel}. */
    static ControllerFactory controllers(PushViewModel viewModel, Messages messages) {
        ControllerFactory controllers = new ControllerFactory();
        controllers.register(PushController.class, () -> new PushController(viewModel, messages));
        return controllers;
    }

    /** The Push step's own view over {@code viewModel}. */
    static Parent view(PushViewModel viewModel, Messages messages) {
        return new ViewLoader(messages, controllers(viewModel, messages)).load(VIEW);
    }

    /** Types the server's address and the admin token into the view's connection fields. */
    static void connect(FxRobot robot, String serverUrl, String token) {
        robot.interact(() -> {
            robot.lookup("#pushServerUrl").queryAs(TextField.class).setText(serverUrl);
            robot.lookup("#pushToken").queryAs(PasswordField.class).setText(token);
        });
    }
}

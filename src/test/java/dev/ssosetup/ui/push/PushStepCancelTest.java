package dev.ssosetup.ui.push;

import dev.ssosetup.core.common.Secret;
import dev.ssosetup.core.push.DesiredConfiguration;
import dev.ssosetup.core.push.LockoutEvidence;
import dev.ssosetup.infra.push.FileBackupStore;
import dev.ssosetup.infra.net.JdkHttpGatewayFactory;
import dev.ssosetup.testserver.Fault;
import dev.ssosetup.testserver.OpenMetadataTestServer;
import dev.ssosetup.testserver.PushFixture;
import dev.ssosetup.ui.common.ControllerFactory;
import dev.ssosetup.core.text.Messages;
import dev.ssosetup.infra.common.LocalOperatorFiles;
import dev.ssosetup.ui.common.ViewLoader;
import dev.ssosetup.ui.task.FxBackgroundRunner;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Work runs off the JavaFX thread with progress, and Cancel stops a slow plan at once. */
@ExtendWith(ApplicationExtension.class)
class PushStepCancelTest {
    private PushFixture fx;
    private FxBackgroundRunner runner;
    private PushViewModel viewModel;

    @Start
    void start(Stage stage) throws Exception {
        fx = new PushFixture();
        runner = new FxBackgroundRunner(Executors.newSingleThreadExecutor());
        Messages messages = Messages.load();
        viewModel = new PushViewModel(new JdkHttpGatewayFactory(), new LocalOperatorFiles(),
                new FileBackupStore(Files.createTempDirectory("push-cancel")), Clock.systemUTC(),
                () -> Optional.of(new DesiredConfiguration(fx.confidentialBody(), Secret.of(PushFixture.CLIENT_SECRET))),
                new SimpleObjectProperty<>(LockoutEvidence.none()), id -> { }, runner, messages);
        ControllerFactory controllers = new ControllerFactory();
        controllers.register(PushController.class, () -> new PushController(viewModel, messages));
        stage.setScene(new Scene(new ViewLoader(messages, controllers).load("/dev/ssosetup/ui/push/PushView.fxml"),
                1000, 760));
        stage.show();
    }

    @AfterEach
    void stop() {
        runner.close();
        fx.close();
    }

    @Test
    void aSlowPlanShowsProgressAndCancelStopsIt(FxRobot robot) throws Exception {
        fx.om.fault("GET " + OpenMetadataTestServer.CONFIG, Fault.slow(Duration.ofSeconds(5)));
        robot.interact(() -> {
            robot.lookup("#pushServerUrl").queryAs(TextField.class).setText(fx.om.baseUrl());
            robot.lookup("#pushToken").queryAs(PasswordField.class).setText(PushFixture.ADMIN_TOKEN);
        });
        robot.interact(() -> robot.lookup("#pushPlan").queryButton().fire());
        WaitForAsyncUtils.waitFor(3, TimeUnit.SECONDS, () -> viewModel.status().busyProperty().get());
        assertTrue(robot.lookup("#pushPlan").queryButton().isDisabled(), "no second plan while one runs");
        assertTrue(robot.lookup("#pushCancel").queryButton().isVisible());
        assertTrue(robot.lookup("#pushProgress").query().isVisible());
        robot.interact(() -> robot.lookup("#pushCancel").queryButton().fire());
        WaitForAsyncUtils.waitFor(3, TimeUnit.SECONDS, () -> !viewModel.status().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        String status = robot.lookup("#pushStatus").queryAs(Label.class).getText();
        assertTrue(status.startsWith("Cancelled. Nothing was changed"), status);
        assertFalse(robot.lookup("#pushPlan").queryButton().isDisabled());
        assertFalse(robot.lookup("#pushCancel").queryButton().isVisible());
    }
}

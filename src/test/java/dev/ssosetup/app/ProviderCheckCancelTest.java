package dev.ssosetup.app;

import dev.ssosetup.infra.net.JdkHttpGatewayFactory;
import dev.ssosetup.ui.common.ControllerFactory;
import dev.ssosetup.core.text.Messages;
import dev.ssosetup.infra.common.LocalOperatorFiles;
import dev.ssosetup.ui.common.ViewLoader;
import dev.ssosetup.ui.provider.ProviderController;
import dev.ssosetup.ui.provider.ProviderViewModel;
import dev.ssosetup.ui.task.FxBackgroundRunner;
import dev.ssosetup.ui.wizard.WizardState;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The check really runs in the background (the app's runner): the UI stays live, shows progress and Cancel, and a
 * provider that never answers can be abandoned at once instead of waiting for the 15 s limit.
 */
@ExtendWith(ApplicationExtension.class)
class ProviderCheckCancelTest {
    private final FxBackgroundRunner runner = new FxBackgroundRunner(Executors.newSingleThreadExecutor());
    private final WizardState state = new WizardState();
    private ProviderViewModel vm;
    private ServerSocket silent;

    @Start
    void start(Stage stage) throws IOException {
        silent = new ServerSocket();
        silent.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 50);
        Messages messages = Messages.load();
        vm = new ProviderViewModel(state, runner, new JdkHttpGatewayFactory(), new LocalOperatorFiles(), messages);
        ControllerFactory controllers = new ControllerFactory();
        controllers.register(ProviderController.class, () -> new ProviderController(vm, messages));
        Scene scene = new Scene(new ViewLoader(messages, controllers).load("/dev/ssosetup/ui/provider/ProviderView.fxml"),
                900, 700);
        scene.getStylesheets().add(WizardState.class.getResource("wizard.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() throws IOException {
        runner.close();
        silent.close();
    }

    @Test
    void aHangingProviderCanBeCancelled(FxRobot robot) throws Exception {
        robot.interact(() -> vm.issuerProperty().set("http://127.0.0.1:" + silent.getLocalPort()));
        Node cancel = robot.lookup("#cancelCheckButton").query();
        assertFalse(cancel.isVisible(), "no Cancel while nothing runs");
        robot.interact(() -> robot.lookup("#checkButton").query().requestFocus());
        robot.clickOn("#checkButton");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> vm.checkingProperty().get());
        assertTrue(cancel.isVisible());
        assertTrue(robot.lookup(".progress-bar").query().isVisible());
        assertTrue(robot.lookup("#checkButton").query().isDisabled(), "one check at a time");
        assertTrue(robot.lookup("#checkStatus").queryAs(Label.class).getText().contains("127.0.0.1"));

        robot.interact(cancel::requestFocus);
        Instant start = Instant.now();
        robot.clickOn(cancel);
        WaitForAsyncUtils.waitFor(3, TimeUnit.SECONDS, () -> !vm.checkingProperty().get());
        assertTrue(Duration.between(start, Instant.now()).toSeconds() < 3, "cancel does not wait for the timeout");
        assertEquals("Check cancelled.", robot.lookup("#checkStatus").queryAs(Label.class).getText());
        assertFalse(cancel.isVisible());
        assertFalse(robot.lookup("#checkButton").query().isDisabled());
        assertNull(state.discoveryReportProperty().get(), "a cancelled check leaves no report");
        assertFalse(vm.validProperty().get());
    }

    @Test
    void noFindingsIsNeverSaidWhileTheCheckRuns(FxRobot robot) throws Exception {
        // issue 16: a running check has no answer yet: it says it runs, never "No findings"
        robot.interact(() -> vm.issuerProperty().set("http://127.0.0.1:" + silent.getLocalPort()));
        robot.interact(vm::check);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> vm.checkingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup(".findings-empty").tryQuery().isEmpty(), "no 'No findings' while it runs");
        assertTrue(robot.lookup("#findingsRunning").query().isVisible(), "a running state instead");
        robot.interact(vm::cancelCheck);
        WaitForAsyncUtils.waitFor(3, TimeUnit.SECONDS, () -> !vm.checkingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup(".findings-empty").tryQuery().isEmpty(), "a cancelled check found nothing either");
        assertTrue(robot.lookup("#findingsRunning").tryQuery().isEmpty());
    }
}

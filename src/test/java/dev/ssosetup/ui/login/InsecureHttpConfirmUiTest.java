package dev.ssosetup.ui.login;

import dev.ssosetup.core.login.InsecureHttp;
import dev.ssosetup.core.login.LoginTest;
import dev.ssosetup.core.login.LoginTestResult;
import dev.ssosetup.core.net.HttpFailure;
import dev.ssosetup.infra.login.JdkLoopbackReceiver;
import dev.ssosetup.testing.Settings;
import dev.ssosetup.ui.common.ControllerFactory;
import dev.ssosetup.core.text.Messages;
import dev.ssosetup.infra.common.LocalOperatorFiles;
import dev.ssosetup.ui.common.ViewLoader;
import dev.ssosetup.ui.task.FxBackgroundRunner;
import dev.ssosetup.ui.wizard.WizardState;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Login test step's confirm box for plain http to a provider on another computer, in a real scene: it appears
 * after the refusal, "Keep it refused" sends nothing, "Allow plain http and run again" runs the test again. The
 * gateway refuses every request itself: nothing leaves this computer.
 */
@ExtendWith(ApplicationExtension.class)
class InsecureHttpConfirmUiTest {
    private final WizardState state = new WizardState();
    private final FxBackgroundRunner runner = new FxBackgroundRunner(Executors.newCachedThreadPool());
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private final Messages messages = Messages.load();
    private LoginTestViewModel viewModel;

    @Start
    void start(Stage stage) {
        state.providerProperty().set(Settings.publicClient("http://idp.example.com/realms/main", "om").build());
        LoginTest loginTest = new LoginTest(ca -> request -> {
            asked.add(request.uri().toString());
            throw new HttpFailure(HttpFailure.Kind.UNREACHABLE, request.uri(),
                    dev.ssosetup.testsupport.En.words("not sent (test)"), null);
        }, new JdkLoopbackReceiver(), url -> new dev.ssosetup.core.login.BrowserOpener.NotOpened("test"),
                Clock.systemUTC());
        viewModel = new LoginTestViewModel(state, runner, loginTest, new LocalOperatorFiles(), messages);
        ControllerFactory controllers = new ControllerFactory();
        controllers.register(LoginTestController.class, () -> new LoginTestController(viewModel));
        Parent view = new ViewLoader(messages, controllers).load("/dev/ssosetup/ui/login/LoginTestView.fxml");
        stage.setScene(new Scene(view, 1000, 800));
        stage.show();
    }

    @AfterEach
    void stopRunner() {
        runner.close();
    }

    private void runAndWaitForTheQuestion(FxRobot robot) throws Exception {
        robot.clickOn("#loginStart");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup(messages.get("login.insecureHttp.keep"))
                .tryQuery().isPresent());
    }

    @Test
    void keepRefusedSendsNothingAndAllowRunsAgainWithAWarning(FxRobot robot) throws Exception {
        runAndWaitForTheQuestion(robot);
        robot.clickOn(messages.get("login.insecureHttp.keep"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", viewModel.insecureHttpQuestionProperty().get());
        assertEquals(List.of(), asked, "nothing sent");

        runAndWaitForTheQuestion(robot);
        robot.clickOn(messages.get("login.insecureHttp.allow"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !asked.isEmpty() && !viewModel.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        LoginTestResult r = viewModel.resultProperty().get();
        assertTrue(r.findings().stream().anyMatch(f -> f.id().equals(InsecureHttp.ALLOWED)), r.findings().toString());
        assertEquals(List.of("http://idp.example.com/realms/main/.well-known/openid-configuration"), asked);
    }
}

package dev.ssosetup.ui.login;

import dev.ssosetup.core.login.LoginTest;
import dev.ssosetup.core.login.LoginTestResult;
import dev.ssosetup.infra.login.JdkLoopbackReceiver;
import dev.ssosetup.infra.net.JdkHttpGateway;
import dev.ssosetup.testing.MockProvider;
import dev.ssosetup.testing.Settings;
import dev.ssosetup.testing.TestBrowser;
import dev.ssosetup.ui.common.ControllerFactory;
import dev.ssosetup.core.text.Messages;
import dev.ssosetup.infra.common.LocalOperatorFiles;
import dev.ssosetup.ui.common.ViewLoader;
import dev.ssosetup.ui.task.FxBackgroundRunner;
import dev.ssosetup.ui.wizard.WizardState;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Login test step in a real JavaFX scene with the real background runner, loopback listener and HTTP gateway
 * against mock-oauth2-server; only the system browser is replaced by the scripted test browser.
 */
@ExtendWith(ApplicationExtension.class)
class LoginTestStepTest {
    private static MockProvider provider;
    private final WizardState state = new WizardState();
    private final TestBrowser browser = new TestBrowser();
    private final FxBackgroundRunner runner = new FxBackgroundRunner(Executors.newCachedThreadPool());
    private LoginTestViewModel viewModel;
    private Parent view;

    @BeforeAll
    static void startProvider() {
        provider = MockProvider.start();
    }

    @AfterAll
    static void stopProvider() {
        provider.close();
    }

    @Start
    void start(Stage stage) {
        state.providerProperty().set(Settings.publicClient(provider.issuer("ui"), "om-ui").admins("jane").build());
        Messages messages = Messages.load();
        LoginTest loginTest = new LoginTest(new dev.ssosetup.infra.net.JdkHttpGatewayFactory(), new JdkLoopbackReceiver(), browser,
                java.time.Clock.systemUTC());
        viewModel = new LoginTestViewModel(state, runner, loginTest, new LocalOperatorFiles(), messages);
        ControllerFactory controllers = new ControllerFactory();
        controllers.register(LoginTestController.class, () -> new LoginTestController(viewModel));
        view = new ViewLoader(messages, controllers).load("/dev/ssosetup/ui/login/LoginTestView.fxml");
        Scene scene = new Scene(view, 1000, 900);
        scene.getStylesheets().add(getClass().getResource("/dev/ssosetup/ui/wizard/wizard.css").toExternalForm());
        view.getStyleClass().add("step-area");
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stopRunner() {
        runner.close();
    }

    private void startAndWait(FxRobot robot) throws Exception {
        assertFalse(viewModel.validProperty().get(), "not valid before a login passed");
        robot.clickOn("#loginStart");
        WaitForAsyncUtils.waitFor(40, TimeUnit.SECONDS, () -> !viewModel.runningProperty().get()
                && viewModel.resultProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aPassingLoginShowsVerdictUrlClaimsAndPreviewAndMakesTheStepValid(FxRobot robot) throws Exception {
        provider.server().enqueueCallback(new DefaultOAuth2TokenCallback("ui", "u-42", "JWT", List.of("om-ui"),
                Map.of("email", "jane@acme.example", "name", "Jane Admin", "groups", List.of("ops", "data")),
                3600));
        startAndWait(robot);
        LoginTestResult r = viewModel.resultProperty().get();
        assertTrue(r.passed(), () -> LoginTestResultText.of(r));
        assertTrue(viewModel.validProperty().get(), "valid after a passing login");
        assertEquals(r, state.loginResultProperty().get(), "published for Review and Push");
        String url = robot.lookup("#loginUrl").queryAs(TextField.class).getText();
        assertEquals(browser.openedUrl().toString(), url, "the URL shown is the one opened");
        assertTrue(robot.lookup("#loginVerdict").queryAs(Label.class).getText().contains("passed"));
        // the preview, the notes and the tables follow the verdict a pulse each
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#previewUser").queryAs(Label.class)
                .getText().equals("jane"));
        assertEquals("jane", robot.lookup("#previewUser").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#previewAdmin").queryAs(Label.class).getText().startsWith("Yes"));
        TableView<?> claims = robot.lookup("#loginClaims").queryAs(TableView.class);
        TableView<?> userInfo = robot.lookup("#loginUserInfo").queryAs(TableView.class);
        // the tables fill in the pulses after the verdict (one each)
        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS,
                () -> !claims.getItems().isEmpty() && !userInfo.getItems().isEmpty());
        assertTrue(claims.getItems().stream().map(ClaimRow.class::cast)
                .anyMatch(c -> c.name().equals("exp") && c.value().matches(".*\\d{4}.*\\(\\d+\\)")
                        && c.meaning().equals("Expires at")), "times shown as dates with meaning");
        assertFalse(robot.lookup("#loginUserInfo").queryAs(TableView.class).getItems().isEmpty());
        // issue 16: a selected claim shows in full below the table
        robot.interact(() -> claims.getSelectionModel().select(0));
        ClaimRow first = (ClaimRow) claims.getItems().getFirst();
        String detail = robot.lookup("#loginClaimsDetail").queryAs(javafx.scene.control.Label.class).getText();
        assertTrue(detail.contains(first.name()) && detail.contains(first.value()), detail);
        robot.interact(() -> claims.getSelectionModel().clearSelection());
        snapshot("login-step-passed.png");
        // the preview explains its choice now (issue 16), so the report button may sit below the fold: fire it
        robot.interact(() -> robot.lookup("#loginCopyReport").queryButton().fire());
        String copied = WaitForAsyncUtils.asyncFx(() -> javafx.scene.input.Clipboard.getSystemClipboard()
                .getString()).get();
        assertTrue(copied.contains("Result:         PASSED") && copied.contains("u-42"), copied);
        assertFalse(copied.contains("eyJ"), "no token in the report");
        assertFalse(copied.contains("code="), "no authorization code in the report");

        // changing the client in the Provider step makes the old result prove nothing
        robot.interact(() -> state.providerProperty().set(Settings.publicClient(provider.issuer("ui"), "other")
                .admins("jane").build()));
        assertFalse(viewModel.validProperty().get());
        assertTrue(robot.lookup("#loginVerdict").queryAs(Label.class).getText().contains("changed"));
        // changing only the admins recomputes the preview without a new sign-in
        robot.interact(() -> state.providerProperty().set(Settings.publicClient(provider.issuer("ui"), "om-ui")
                .admins("someone-else").build()));
        assertTrue(viewModel.validProperty().get());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#warning-login-not-admin").tryQuery()
                .isPresent() && robot.lookup("#previewAdmin").queryAs(Label.class).getText().startsWith("NO"));
        assertTrue(robot.lookup("#warning-login-not-admin").queryAs(Label.class).getText().contains("lock you out"));
        assertTrue(robot.lookup("#previewAdmin").queryAs(Label.class).getText().startsWith("NO"));
        snapshot("login-step-not-admin.png");
    }

    @Test
    void theProviderStepsCaBundleIsUsedAndAnUnreadableOneIsNamed(FxRobot robot) throws Exception {
        String missing = "/nonexistent/corporate-ca.pem";
        robot.interact(() -> state.providerCaFileProperty().set(missing));
        assertEquals("TLS to the provider also trusts the CA bundle " + missing + " (set in the Provider step).",
                robot.lookup("#loginCaNote").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#loginCaNote").query().isVisible());
        robot.clickOn("#loginStart");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !viewModel.runningProperty().get()
                && viewModel.statusProperty().get().contains(missing));
        assertEquals("The login test could not start: Cannot read the CA bundle " + missing
                        + " (no such file or folder): check the path and that you may read the file",
                viewModel.statusProperty().get());
        assertFalse(viewModel.statusProperty().get().contains("Exception"), viewModel.statusProperty().get());
        assertFalse(viewModel.validProperty().get());
    }

    @Test
    void aFailedLoginSaysWhyAndKeepsNextClosed(FxRobot robot) throws Exception {
        robot.interact(() -> state.providerProperty().set(Settings.publicClient(provider.issuer("ui"), "om-ui")
                .issuer(provider.issuer("ui") + "-typo").discoveryUrl(provider.issuer("ui")
                        + "/.well-known/openid-configuration").build()));
        startAndWait(robot);
        assertFalse(viewModel.resultProperty().get().passed());
        assertFalse(viewModel.validProperty().get());
        assertTrue(robot.lookup("#loginVerdict").queryAs(Label.class).getText().contains("failed"));
        String detail = robot.lookup("#loginVerdictDetail").queryAs(Label.class).getText();
        assertTrue(detail.contains("Fix:") && detail.contains("Next stays unavailable"), detail);
        snapshot("login-step-failed.png");
    }

    @Test
    void cancelStopsWaitingShowsTheUrlToCopyAndReleasesThePort(FxRobot robot) throws Exception {
        robot.clickOn("#loginOpenBrowser"); // off: the URL is only shown, nobody signs in
        robot.clickOn("#loginStart");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !viewModel.redirectUriProperty().get().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(viewModel.runningProperty().get());
        assertTrue(robot.lookup("#loginUrl").queryAs(TextField.class).getText().startsWith(provider.issuer("ui")));
        assertTrue(robot.lookup("#loginBrowserNote").queryAs(Label.class).getText().contains("Copy the URL"));
        assertFalse(robot.lookup("#loginCancel").queryAs(Button.class).isDisabled());
        int port = java.net.URI.create(viewModel.redirectUriProperty().get()).getPort();
        robot.clickOn("#loginCancel");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !viewModel.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#loginStatus").queryAs(Label.class).getText().contains("cancelled"));
        assertFalse(viewModel.validProperty().get());
        assertTrue(browser.openedUrl() == null, "no browser was opened");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            try (var s = new java.net.ServerSocket()) {
                s.bind(new java.net.InetSocketAddress("127.0.0.1", port));
                return true;
            } catch (java.io.IOException e) {
                return false;
            }
        });
    }

    @Test
    void badOptionsDisableStartWithAMessageAndTabReachesTheControls(FxRobot robot) {
        robot.clickOn("#loginPorts").write("80a");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#loginStart").queryAs(Button.class).isDisabled());
        Label error = robot.lookup(".field-error").queryAs(Label.class);
        assertTrue(error.isVisible() && error.getText().startsWith("Ports:"), error.getText());
        robot.interact(() -> robot.lookup("#loginPorts").queryAs(TextField.class).setText("8000, 18000"));
        assertFalse(robot.lookup("#loginStart").queryAs(Button.class).isDisabled());
        robot.clickOn("#loginPorts");
        robot.type(javafx.scene.input.KeyCode.TAB);
        Node focus = robot.targetWindow().getScene().getFocusOwner();
        assertEquals("loginHost", focus.getId());
    }

    private void snapshot(String name) throws Exception {
        WritableImage[] image = new WritableImage[1];
        WaitForAsyncUtils.asyncFx(() -> image[0] = view.getScene().getRoot().snapshot(null, null)).get();
        Path out = Path.of("target", name);
        Files.createDirectories(out.getParent());
        int w = (int) image[0].getWidth();
        int h = (int) image[0].getHeight();
        var buffered = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        var pixels = image[0].getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                buffered.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        javax.imageio.ImageIO.write(buffered, "png", out.toFile());
    }

    /** Failure text for assertion messages. */
    static final class LoginTestResultText {
        static String of(LoginTestResult r) {
            return r instanceof LoginTestResult.Failed f ? f.stage() + ": " + f.reason() : "passed";
        }
    }
}

package dev.ssosetup.ui.login;

import dev.ssosetup.core.login.LoginAttempt;
import dev.ssosetup.core.login.LoginTest;
import dev.ssosetup.core.login.LoginTestResult;
import dev.ssosetup.core.login.OpenMetadataPreview;
import dev.ssosetup.core.provider.ProviderSettings;
import dev.ssosetup.core.text.Messages;
import dev.ssosetup.infra.common.LocalOperatorFiles;
import dev.ssosetup.infra.login.JdkLoopbackReceiver;
import dev.ssosetup.testing.Settings;
import dev.ssosetup.ui.common.ControllerFactory;
import dev.ssosetup.ui.common.ViewLoader;
import dev.ssosetup.ui.task.InlineBackgroundRunner;
import dev.ssosetup.ui.wizard.WizardState;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 16 in the Login test step's real view: the OpenMetadata preview explains how it named the user, says which
 * claim would have given the missing email, and offers the signed-in user's domain as the principal domain.
 */
@ExtendWith(ApplicationExtension.class)
class PreviewExplainedUiTest {
    private final WizardState state = new WizardState();
    private final Messages messages = Messages.forLocale(Locale.ENGLISH);

    @Start
    void start(Stage stage) {
        // preferred_username comes first and holds no address; the email claim has one; no principal domain yet
        ProviderSettings s = Settings.publicClient("https://idp.example.com", "om")
                .claims(List.of("upn", "preferred_username", "email")).admins("alice").build();
        Map<String, Object> claims = Map.of("sub", "42", "preferred_username", "alice", "email", "alice@example.com");
        state.providerProperty().set(s);
        state.loginResultProperty().set(new LoginTestResult.Passed(new LoginAttempt(Instant.now(), s, s.issuer(),
                "http://127.0.0.1:1/callback", s.scopes(), 0), claims, Map.of(), OpenMetadataPreview.of(s, claims,
                Map.of()), List.of()));
        LoginTest loginTest = new LoginTest(ca -> request -> {
            throw new IllegalStateException("no network in this test");
        }, new JdkLoopbackReceiver(), url -> new dev.ssosetup.core.login.BrowserOpener.NotOpened("test"),
                Clock.systemUTC());
        LoginTestViewModel viewModel = new LoginTestViewModel(state, new InlineBackgroundRunner(), loginTest, new LocalOperatorFiles(), messages);
        ControllerFactory controllers = new ControllerFactory();
        controllers.register(LoginTestController.class, () -> new LoginTestController(viewModel));
        stage.setScene(new Scene(new ViewLoader(messages, controllers).load("/dev/ssosetup/ui/login/LoginTestView.fxml"),
                1000, 900));
        stage.show();
    }

    private static List<String> whyLines(FxRobot robot) {
        return robot.lookup("#previewWhy").queryAs(VBox.class).getChildren().stream()
                .map(n -> ((Label) n).getText()).toList();
    }

    @Test
    void thePreviewSaysWhichClaimsItLookedForAndWhyThereIsNoEmail(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !whyLines(robot).isEmpty());
        List<String> why = whyLines(robot);
        assertTrue(why.getFirst().contains("upn, preferred_username, email"), why::toString);
        assertTrue(why.stream().anyMatch(l -> l.contains("upn: not in the ID token")), why::toString);
        assertTrue(why.stream().anyMatch(l -> l.contains("preferred_username: in the ID token (alice), the first one"
                + " present")), why::toString);
        String email = robot.lookup("#previewEmail").queryAs(Label.class).getText();
        assertTrue(email.startsWith("(none)") && email.contains("email claim (alice@example.com) would provide it"),
                email);
    }

    @Test
    void theSignedInUsersDomainIsOneClickAway(FxRobot robot) throws Exception {
        Button use = robot.lookup("#previewUseDomain").queryAs(Button.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, use::isVisible);
        assertEquals("Use example.com from alice@example.com", use.getText());
        robot.interact(use::fire);
        assertEquals("example.com", state.providerProperty().get().principalDomain());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(use.isVisible(), "the domain is set: nothing left to offer");
        Node email = robot.lookup("#previewEmail").query();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> ((Label) email).getText().equals("alice@example.com"));
    }
}

package dev.ssosetup.ui.login;

import dev.ssosetup.core.login.LoginTest;
import dev.ssosetup.core.text.Messages;
import dev.ssosetup.infra.login.JdkLoopbackReceiver;
import dev.ssosetup.infra.common.LocalOperatorFiles;
import dev.ssosetup.infra.net.JdkHttpGatewayFactory;
import dev.ssosetup.testing.MockProvider;
import dev.ssosetup.testing.Settings;
import dev.ssosetup.testing.TestBrowser;
import dev.ssosetup.ui.task.InlineBackgroundRunner;
import dev.ssosetup.ui.wizard.WizardState;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13: what the login test tells the window while it runs (the sign-in URL, the redirect, whether a browser
 * opened) reaches the view model through the runner seam ({@code TaskContext.publish}), not {@code Platform.runLater}:
 * with the {@link InlineBackgroundRunner} and no JavaFX toolkit at all, a whole attempt fills them.
 */
class LoginPartialResultsTest {

    @Test
    void theSignInUrlRedirectAndBrowserNoteArriveThroughTheRunner() {
        Messages messages = Messages.forLocale(Locale.ENGLISH);
        WizardState state = new WizardState();
        TestBrowser browser = new TestBrowser();
        LoginTestViewModel vm = new LoginTestViewModel(state, new InlineBackgroundRunner(), new LoginTest(
                new JdkHttpGatewayFactory(), new JdkLoopbackReceiver(), browser, Clock.systemUTC()), new LocalOperatorFiles(), messages);
        try (MockProvider provider = MockProvider.start()) {
            state.providerProperty().set(Settings.publicClient(provider.issuer("partial"), "om-ui").admins("jane")
                    .build());
            vm.start(); // inline: returns once the attempt has ended
        }

        assertFalse(vm.runningProperty().get());
        assertTrue(vm.resultProperty().get().passed(), vm.verdictDetailProperty().get());
        assertEquals(browser.openedUrl().toString(), vm.authorizationUrlProperty().get());
        URI redirect = URI.create(vm.redirectUriProperty().get());
        assertEquals("127.0.0.1", redirect.getHost());
        assertTrue(vm.authorizationUrlProperty().get().contains("redirect_uri="), vm.authorizationUrlProperty().get());
        assertEquals(messages.get("login.browser.opened", "test browser"), vm.browserNoteProperty().get());
        assertEquals("", vm.stepProperty().get(), "no stage once the attempt has ended");
        assertEquals("", vm.statusProperty().get(), "a verdict, not a status");
    }
}

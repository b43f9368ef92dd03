package dev.ssosetup.ui.login;

import dev.ssosetup.core.login.InsecureHttp;
import dev.ssosetup.core.login.LoginTest;
import dev.ssosetup.core.login.LoginTestResult;
import dev.ssosetup.core.net.HttpFailure;
import dev.ssosetup.infra.login.JdkLoopbackReceiver;
import dev.ssosetup.testing.Settings;
import dev.ssosetup.core.text.Messages;
import dev.ssosetup.infra.common.LocalOperatorFiles;
import dev.ssosetup.ui.task.InlineBackgroundRunner;
import dev.ssosetup.ui.wizard.WizardState;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Login test step asks before it sends the sign-in over plain http to a provider on another computer: the first
 * run is refused with a question; declining keeps the refusal; confirming runs again with plain http allowed (and a
 * warning), for these provider settings only. The gateway refuses every request itself: nothing leaves the machine.
 */
class LoginInsecureHttpViewModelTest {
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private final WizardState state = new WizardState();
    private final LoginTestViewModel vm = new LoginTestViewModel(state, new InlineBackgroundRunner(),
            new LoginTest(ca -> request -> {
                asked.add(request.uri().toString());
                throw new HttpFailure(HttpFailure.Kind.UNREACHABLE, request.uri(),
                    dev.ssosetup.testsupport.En.words("not sent (test)"), null);
            }, new JdkLoopbackReceiver(), url -> new dev.ssosetup.core.login.BrowserOpener.NotOpened("test"),
                    Clock.systemUTC()), new LocalOperatorFiles(), Messages.load());

    @Test
    void refusedFirstThenAskedThenRunAgainOnlyWhenConfirmed() {
        state.providerProperty().set(Settings.publicClient("http://idp.example.com/realms/main", "om").build());
        vm.start();
        LoginTestResult first = vm.resultProperty().get();
        assertFalse(first.passed());
        assertTrue(first.findings().stream().anyMatch(f -> f.id().equals(InsecureHttp.REFUSED)));
        assertEquals(List.of(), asked, "nothing sent before the operator answers");
        assertTrue(vm.insecureHttpQuestionProperty().get().contains("plain http"),
                vm.insecureHttpQuestionProperty().get());

        vm.declineInsecureHttp();
        assertEquals("", vm.insecureHttpQuestionProperty().get());
        assertEquals(List.of(), asked, "declined: still nothing sent");

        vm.start(); // asked again on the next run
        assertFalse(vm.insecureHttpQuestionProperty().get().isEmpty());
        vm.allowInsecureHttpAndRetry();
        assertEquals(List.of("http://idp.example.com/realms/main/.well-known/openid-configuration"), asked);
        LoginTestResult second = vm.resultProperty().get();
        assertTrue(second.findings().stream().anyMatch(f -> f.id().equals(InsecureHttp.ALLOWED)),
                second.findings().toString());
        assertEquals("", vm.insecureHttpQuestionProperty().get());

        // another provider: asked again, nothing sent
        asked.clear();
        state.providerProperty().set(Settings.publicClient("http://other.example.com/", "om").build());
        vm.start();
        assertEquals(List.of(), asked);
        assertFalse(vm.insecureHttpQuestionProperty().get().isEmpty());
    }
}

package dev.ssosetup.ui.login;

import dev.ssosetup.cli.TestLoginCommand;
import dev.ssosetup.core.common.Severity;
import dev.ssosetup.core.config.StepNote;
import dev.ssosetup.core.login.FailureStage;
import dev.ssosetup.core.login.LoginAttempt;
import dev.ssosetup.core.login.LoginOptions;
import dev.ssosetup.core.login.LoginTest;
import dev.ssosetup.core.login.LoginTestResult;
import dev.ssosetup.core.login.LoginVerdict;
import dev.ssosetup.core.login.OpenMetadataPreview;
import dev.ssosetup.core.login.RedirectHost;
import dev.ssosetup.core.net.HttpFailure;
import dev.ssosetup.core.provider.ProviderSettings;
import dev.ssosetup.core.text.Messages;
import dev.ssosetup.core.text.Text;
import dev.ssosetup.infra.common.LocalOperatorFiles;
import dev.ssosetup.infra.login.JdkLoopbackReceiver;
import dev.ssosetup.testing.Settings;
import dev.ssosetup.testsupport.En;
import dev.ssosetup.ui.task.InlineBackgroundRunner;
import dev.ssosetup.ui.wizard.CrossStepLinks;
import dev.ssosetup.ui.wizard.WizardState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13: rules that were written twice, once in the Login test step and once in the CLI, are one core rule now
 * (ADR 0018). These tests fail when the two paths disagree again: the same input gets the same verdict and the same
 * message key from the view model and from {@code test-login}, and the Login test step and the other steps' notes
 * read one login verdict.
 */
class OneRuleForBothPathsTest {
    private static final Messages EN = Messages.forLocale(Locale.ENGLISH);
    private final WizardState state = new WizardState();
    private final LoginTest nothingSent = new LoginTest(ca -> request -> {
        throw new HttpFailure(HttpFailure.Kind.UNREACHABLE, request.uri(), En.words("not sent (test)"), null);
    }, new JdkLoopbackReceiver(), url -> new dev.ssosetup.core.login.BrowserOpener.NotOpened("test"),
            Clock.systemUTC());
    private final LoginTestViewModel vm = new LoginTestViewModel(state, new InlineBackgroundRunner(), nothingSent, new LocalOperatorFiles(), EN);

    /** The CLI's usage error for these flags (exit 2), or fails when the command accepted them. */
    private String cliRefusal(String... flags) {
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new TestLoginCommand(nothingSent, new LocalOperatorFiles()));
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        String[] args = new String[flags.length + 4];
        args[0] = "--issuer";
        args[1] = "https://idp.example.com/realms/main";
        args[2] = "--client-id";
        args[3] = "om";
        System.arraycopy(flags, 0, args, 4, flags.length);
        assertEquals(2, cl.execute(args), err.toString());
        return err.toString();
    }

    @ParameterizedTest
    @CsvSource({"70000, 180, PORTS", "-1, 180, PORTS", "8000, 4, TIMEOUT", "8000, 3601, TIMEOUT"})
    void theStepAndTestLoginRefuseTheSameOptionsWithTheSameKey(String port, String timeout, String field) {
        LoginOptions.Parsed core = LoginOptions.parse(port, timeout, RedirectHost.IPV4, false, false);
        LoginOptions.Parsed.Invalid invalid = assertInstanceOf(LoginOptions.Parsed.Invalid.class, core);
        assertEquals(LoginOptions.OptionField.valueOf(field), invalid.field());
        assertEquals(field.equals("PORTS") ? "login.options.ports.range" : "login.options.timeout.range",
                invalid.problem().key());

        vm.portsProperty().set(port);
        vm.timeoutSecondsProperty().set(timeout);
        assertEquals(EN.text(invalid.problem()), vm.optionsErrorProperty().get(), "the Login test step");

        String err = cliRefusal("--port=" + port, "--timeout=" + timeout);
        assertTrue(err.contains(Messages.load().text(invalid.problem())), "test-login: " + err);
    }

    @Test
    void theLimitsAreTheSameForTypedTextAndForFlags() {
        for (long seconds : List.of(4L, 5L, 3600L, 3601L)) {
            for (int port : List.of(-1, 0, 1, 65535, 65536)) {
                LoginOptions.Parsed typed = LoginOptions.parse(String.valueOf(port), String.valueOf(seconds),
                        RedirectHost.IPV4, true, false);
                LoginOptions.Parsed flags = LoginOptions.of(List.of(port), seconds, RedirectHost.IPV4, true, false);
                assertEquals(flags, typed, port + " / " + seconds + " s");
            }
        }
        assertInstanceOf(LoginOptions.Parsed.Valid.class, LoginOptions.parse("", "180", RedirectHost.IPV4, true,
                false), "empty: any free port");
        vm.portsProperty().set("0");
        vm.timeoutSecondsProperty().set("5");
        assertEquals("", vm.optionsErrorProperty().get(), "0 is 'any free port' in the step too");
    }

    private static ProviderSettings settings() {
        return Settings.publicClient("https://idp.example.com/realms/main", "om").admins("alice")
                .domain("example.com", false).build();
    }

    private static LoginTestResult.Failed failed(ProviderSettings s) {
        return new LoginTestResult.Failed(new LoginAttempt(Instant.now(), s, s.issuer(), "", s.scopes(), 0),
                FailureStage.AUTHORIZATION, Text.of("login.stop.refused", "access_denied"),
                Text.of("login.providerError.access_denied"), Map.of(), Map.of(), List.of());
    }

    private static LoginTestResult passed(ProviderSettings s) {
        Map<String, Object> claims = Map.of("sub", "1", "email", "alice@example.com");
        return new LoginTestResult.Passed(new LoginAttempt(Instant.now(), s, s.issuer(), "http://127.0.0.1:1/callback",
                s.scopes(), 0), claims, Map.of(), OpenMetadataPreview.of(s, claims, Map.of()), List.of());
    }

    /** The Login test step's verdict line, for the result the wizard holds (the step shows it when built). */
    private String stepVerdict() {
        return new LoginTestViewModel(state, new InlineBackgroundRunner(), nothingSent, new LocalOperatorFiles(), EN).verdictProperty().get();
    }

    private Severity loginNote() {
        return state.stepNotes().stream().filter(n -> n.key().equals("loginVerdict")).map(StepNote::severity)
                .findFirst().orElseThrow();
    }

    @Test
    void theLoginStepAndTheOtherStepsReadOneVerdict() {
        CrossStepLinks.install(state, EN);
        ProviderSettings s = settings();
        ProviderSettings otherIssuer = s.toBuilder().issuer("https://other.example.com").build();
        state.providerProperty().set(s);

        // a failed test made with other settings: both say "stale" (they used to say failed in one, stale in the other)
        state.loginResultProperty().set(failed(otherIssuer));
        assertInstanceOf(LoginVerdict.Stale.class, LoginVerdict.of(state.loginResultProperty().get(), s));
        assertEquals(EN.get("login.verdict.stale"), stepVerdict());
        assertEquals(Severity.WARNING, loginNote());

        state.loginResultProperty().set(failed(s));
        assertInstanceOf(LoginVerdict.Failed.class, LoginVerdict.of(state.loginResultProperty().get(), s));
        assertEquals(EN.text(Text.of("login.verdict.failed", FailureStage.AUTHORIZATION)), stepVerdict());
        assertEquals(Severity.ERROR, loginNote());

        state.loginResultProperty().set(passed(s));
        assertEquals(EN.get("login.verdict.passed"), stepVerdict());
        assertEquals(Severity.INFO, loginNote());

        state.loginResultProperty().set(passed(otherIssuer));
        assertEquals(EN.get("login.verdict.stale"), stepVerdict());
        assertEquals(Severity.WARNING, loginNote());
    }
}

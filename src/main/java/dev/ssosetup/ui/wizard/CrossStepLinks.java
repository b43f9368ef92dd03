package dev.ssosetup.ui.wizard;

import dev.ssosetup.core.common.Severity;
import dev.ssosetup.core.config.StepNote;
import dev.ssosetup.core.login.LoginTestResult;
import dev.ssosetup.core.login.LoginVerdict;
import dev.ssosetup.core.login.OpenMetadataPreview;
import dev.ssosetup.core.provider.ProviderSettings;
import dev.ssosetup.core.push.LockoutEvidence;
import dev.ssosetup.core.push.LoginEvidence;
import dev.ssosetup.core.text.Messages;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;

/**
 * What one step's result means for the others, kept in one place: the login test becomes the Push step's lock-out
 * evidence and the Review step's verdict notes. Both follow the current provider settings, so an edit after the test
 * withdraws the proof at once.
 */
public final class CrossStepLinks {
    static final String LOGIN = "login";

    private CrossStepLinks() {
    }

    public static void install(WizardState state, Messages messages) {
        state.pushLockoutEvidenceProperty().bind(Bindings.createObjectBinding(
                () -> LoginEvidence.from(state.loginResultProperty().get(), state.providerProperty().get()),
                state.loginResultProperty(), state.providerProperty()));
        InvalidationListener notes = o -> refreshLoginNotes(state, messages);
        state.loginResultProperty().addListener(notes);
        state.providerProperty().addListener(notes);
        refreshLoginNotes(state, messages);
    }

    /**
     * The Push step's OpenMetadata URL starts as the Provider step's and follows it while the operator has not typed
     * another one there (issue 16).
     */
    public static void followServerUrl(WizardState state, javafx.beans.property.StringProperty pushUrl) {
        if (pushUrl.get() == null || pushUrl.get().isBlank()) {
            pushUrl.set(state.providerProperty().get().serverUrl());
        }
        state.providerProperty().addListener((o, old, now) -> {
            String typed = pushUrl.get() == null ? "" : pushUrl.get();
            if (typed.isBlank() || (old != null && typed.equals(old.serverUrl()))) {
                pushUrl.set(now.serverUrl());
            }
        });
    }

    private static void refreshLoginNotes(WizardState state, Messages messages) {
        LoginTestResult result = state.loginResultProperty().get();
        ProviderSettings current = state.providerProperty().get();
        state.stepNotes().removeIf(n -> n.stepId().equals(LOGIN));
        // the Login test step's own verdict (one core function), worded for the other steps
        LoginVerdict verdict = LoginVerdict.of(result, current);
        if (verdict instanceof LoginVerdict.None) {
            state.stepNotes().add(new StepNote(LOGIN, "loginVerdict", Severity.WARNING,
                    messages.get("links.login.none")));
            return;
        }
        if (verdict instanceof LoginVerdict.Stale) {
            state.stepNotes().add(new StepNote(LOGIN, "loginVerdict", Severity.WARNING,
                    messages.get("links.login.stale")));
            return;
        }
        if (verdict instanceof LoginVerdict.Failed failed) {
            state.stepNotes().add(new StepNote(LOGIN, "loginVerdict", Severity.ERROR,
                    messages.get("links.login.failed", messages.text(failed.failure().reason()))));
            return;
        }
        OpenMetadataPreview preview = ((LoginVerdict.Passed) verdict).preview();
        LockoutEvidence evidence = LoginEvidence.from(result, current);
        state.stepNotes().add(new StepNote(LOGIN, "loginVerdict", Severity.INFO,
                messages.get("links.login.passed", preview.userName())));
        state.stepNotes().add(new StepNote(LOGIN, "omPreview",
                evidence.provesAdminAccess() ? Severity.INFO : Severity.ERROR,
                evidence.provesAdminAccess() ? messages.get("links.preview.admin", preview.userName())
                        : messages.get("links.preview.notAdmin", preview.userName())));
    }
}

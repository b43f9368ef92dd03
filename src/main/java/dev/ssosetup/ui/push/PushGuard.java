package dev.ssosetup.ui.push;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ssosetup.core.push.LockoutEvidence;
import dev.ssosetup.core.push.LockoutGuard;
import dev.ssosetup.core.push.ServerVerdict;
import dev.ssosetup.core.text.Messages;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;

import java.util.Objects;

/**
 * The lock-out guard as the Push step shows it: this session's login evidence and the phrase the operator types
 * without it. Push and restore ask the same ({@link LockoutGuard}, ADR 0011).
 */
public final class PushGuard {
    private final ObservableValue<LockoutEvidence> evidence;
    private final StringProperty confirmation = new SimpleStringProperty("");
    private final BooleanBinding evidenceProvesAdmin;
    private final StringBinding guardText;

    PushGuard(ObservableValue<LockoutEvidence> evidence, Messages messages) {
        this.evidence = Objects.requireNonNull(evidence);
        evidenceProvesAdmin = Bindings.createBooleanBinding(() -> evidence().provesAdminAccess(), evidence);
        guardText = Bindings.createStringBinding(() -> evidence().provesAdminAccess()
                ? messages.get("push.guard.evidence", evidence().principal().isEmpty() ? "?" : evidence().principal())
                : messages.get("push.guard.noEvidence"), evidence);
    }

    /** The guard's decision for sending {@code body} (masked), with OpenMetadata's own verdict when there is one. */
    LockoutGuard.Decision decide(JsonNode body, ServerVerdict verdict) {
        return verdict == null ? LockoutGuard.check(body, evidence(), confirmation.get())
                : LockoutGuard.check(body, evidence(), verdict, confirmation.get());
    }

    LockoutEvidence evidence() {
        return Objects.requireNonNullElse(evidence.getValue(), LockoutEvidence.none());
    }

    /** What the guard depends on besides the body: a binding over a decision lists these. */
    javafx.beans.Observable[] dependencies() {
        return new javafx.beans.Observable[] {evidence, confirmation};
    }

    ObservableValue<LockoutEvidence> evidenceValue() {
        return evidence;
    }

    /** The phrase to type, for the view's prompt. */
    public String confirmationPhrase() {
        return LockoutGuard.CONFIRMATION_PHRASE;
    }

    public StringProperty confirmationProperty() {
        return confirmation;
    }

    public ObservableBooleanValue evidenceProvesAdminProperty() {
        return evidenceProvesAdmin;
    }

    public ObservableValue<String> guardTextProperty() {
        return guardText;
    }
}

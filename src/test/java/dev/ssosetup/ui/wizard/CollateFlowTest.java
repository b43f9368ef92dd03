package dev.ssosetup.ui.wizard;

import dev.ssosetup.core.provider.Deployment;
import dev.ssosetup.core.provider.ProviderSettings;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 19 C: choosing Collate (hosted) takes Keys and Push out of the wizard's flow, the way the composition root
 * wires it: Next from the Login test goes to Review, which is then the last step (Finish), and an empty Keys step blocks
 * nothing.
 */
class CollateFlowTest {
    private final TextStepViewModel provider = new TextStepViewModel();
    private final TextStepViewModel login = new TextStepViewModel();
    private final TextStepViewModel keys = new TextStepViewModel(); // stays empty, so invalid
    private final TextStepViewModel review = new TextStepViewModel();
    private final TextStepViewModel push = new TextStepViewModel();
    private final ObjectProperty<ProviderSettings> settings = new SimpleObjectProperty<>(ProviderSettings.defaults());

    private WizardViewModel wizard() {
        String fxml = "/dev/ssosetup/ui/wizard/TextStep.fxml";
        WizardViewModel w = new WizardViewModel(List.of(
                new WizardStep("provider", "wizard.step.provider", provider, fxml),
                new WizardStep("login", "wizard.step.login", login, fxml),
                new WizardStep("keys", "wizard.step.keys", keys, fxml),
                new WizardStep("review", "wizard.step.review", review, fxml),
                new WizardStep("push", "wizard.step.push", push, fxml)));
        var collate = Bindings.createBooleanBinding(() -> settings.get().collate(), settings);
        w.skipWhile("keys", collate);
        w.skipWhile("push", collate);
        provider.text.set("x");
        login.text.set("x");
        review.text.set("x");
        return w;
    }

    @Test
    void choosingCollateTakesKeysAndPushOutOfTheFlow() {
        WizardViewModel w = wizard();
        assertEquals(List.of("provider", "login", "keys", "review", "push"), ids(w));
        settings.set(settings.get().toBuilder().deployment(Deployment.COLLATE).build());
        assertEquals(List.of("provider", "login", "review"), ids(w));

        assertTrue(w.next());
        assertEquals("login", w.currentStep().id());
        assertTrue(w.canGoNextProperty().get(), "the empty Keys step is skipped, so it blocks nothing");
        assertTrue(w.next());
        assertEquals("review", w.currentStep().id(), "Next from the Login test goes to Review (the hand-off)");
        assertTrue(w.onLastStep());
        assertFalse(w.canGoNextProperty().get(), "no Push after Review for Collate");
        assertTrue(w.finish());
        assertTrue(w.back());
        assertTrue(w.back());
        assertEquals("login", w.currentStep().id(), "Back passes over Keys too");
        assertFalse(w.goTo(w.indexOf("keys")), "a skipped step cannot be entered");
    }

    @Test
    void selfHostedKeepsEveryStepAndTheEmptyKeysStepBlocksReview() {
        WizardViewModel w = wizard();
        assertTrue(w.next());
        assertTrue(w.next());
        assertEquals("keys", w.currentStep().id());
        assertFalse(w.canGoNextProperty().get());
        assertEquals(w.indexOf("keys"), w.firstIncompleteBefore(w.indexOf("review")));
        assertFalse(w.onLastStep());
    }

    private static List<String> ids(WizardViewModel w) {
        return w.availableSteps().stream().map(WizardStep::id).toList();
    }
}

package dev.ssosetup.ui.wizard;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Steps whose view model is built on first use (issue 20, ADR 0034): built once, when entered, valid only after. */
class LazyStepTest {
    private static final String FXML = "/unused.fxml";

    @Test
    void aLazyStepIsBuiltOnceWhenFirstEnteredAndItsValidityFollowsItFromThen() {
        TextStepViewModel first = new TextStepViewModel();
        TextStepViewModel second = new TextStepViewModel();
        second.text.set("already valid"); // valid from the moment it is built
        AtomicInteger builds = new AtomicInteger();
        WizardStep lazy = WizardStep.lazy("second", "wizard.step.login", () -> {
            builds.incrementAndGet();
            return second;
        }, FXML);
        WizardViewModel wizard = new WizardViewModel(List.of(
                new WizardStep("first", "wizard.step.provider", first, FXML), lazy));

        assertEquals(0, builds.get(), "the wizard alone does not build a later step");
        assertFalse(lazy.built());
        assertFalse(lazy.validProperty().get(), "not valid before it is built");
        assertEquals(0, wizard.firstIncompleteBefore(0));

        first.text.set("x");
        assertTrue(wizard.next());
        assertEquals(1, builds.get(), "entering the step builds it");
        assertSame(second, lazy.viewModel());
        assertEquals(1, second.entered);
        assertTrue(lazy.validProperty().get(), "its validity is the view model's now");
        assertTrue(wizard.currentValidProperty().get());

        second.text.set("");
        assertFalse(lazy.validProperty().get(), "and follows it");
        assertFalse(wizard.currentValidProperty().get());
        lazy.viewModel();
        assertEquals(1, builds.get(), "built once");
    }
}

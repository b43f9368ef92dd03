package dev.ssosetup.ui.wizard;

import java.util.Objects;

/**
 * One step of the wizard: an id, the message key of its title, its view model, and the FXML of its view (a resource
 * path next to the view's controller class).
 */
public record WizardStep(String id, String titleKey, StepViewModel viewModel, String fxml) {
    public WizardStep {
        Objects.requireNonNull(id);
        Objects.requireNonNull(titleKey);
        Objects.requireNonNull(viewModel);
        Objects.requireNonNull(fxml);
    }
}

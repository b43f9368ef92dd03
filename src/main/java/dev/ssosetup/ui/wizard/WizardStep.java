package dev.ssosetup.ui.wizard;

import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableBooleanValue;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * One step of the wizard: an id, the message key of its title, its view model, and the FXML of its view (a resource
 * path next to the view's controller class).
 *
 * <p>The view model may be built on first use ({@link #lazy}, issue 20, ADR 0034): the window's first frame needs
 * only the first step's. Until it is built the step is not valid: every later step starts incomplete anyway (no
 * login test passed, no key pair, Review not entered, nothing pushed), and nothing but its own view model changes
 * that. The shell builds it when the step is entered or its view is loaded (the views are preloaded after the
 * first frame).
 */
public final class WizardStep {
    private final String id;
    private final String titleKey;
    private final String fxml;
    private Supplier<? extends StepViewModel> make;
    private StepViewModel viewModel;
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid", false);

    /** A step whose view model is already built. */
    public WizardStep(String id, String titleKey, StepViewModel viewModel, String fxml) {
        this(id, titleKey, fxml, null);
        use(Objects.requireNonNull(viewModel));
    }

    private WizardStep(String id, String titleKey, String fxml, Supplier<? extends StepViewModel> make) {
        this.id = Objects.requireNonNull(id);
        this.titleKey = Objects.requireNonNull(titleKey);
        this.fxml = Objects.requireNonNull(fxml);
        this.make = make;
    }

    /** A step whose view model {@code make} builds the first time it is needed (once). */
    public static WizardStep lazy(String id, String titleKey, Supplier<? extends StepViewModel> make, String fxml) {
        return new WizardStep(id, titleKey, fxml, Objects.requireNonNull(make));
    }

    public String id() {
        return id;
    }

    public String titleKey() {
        return titleKey;
    }

    public String fxml() {
        return fxml;
    }

    /** The view model, built now if it was not yet. */
    public StepViewModel viewModel() {
        if (viewModel == null) {
            use(Objects.requireNonNull(make.get(), "step " + id + " built no view model"));
            make = null;
        }
        return viewModel;
    }

    /** True once the view model exists. */
    public boolean built() {
        return viewModel != null;
    }

    /** The view model's validity once it is built; false before. */
    public ObservableBooleanValue validProperty() {
        return valid.getReadOnlyProperty();
    }

    private void use(StepViewModel built) {
        viewModel = built;
        valid.bind(built.validProperty());
    }

    @Override
    public String toString() {
        return "WizardStep[" + id + (built() ? "" : ", not built yet") + "]";
    }
}

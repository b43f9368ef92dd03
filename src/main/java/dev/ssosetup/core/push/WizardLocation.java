package dev.ssosetup.core.push;

import java.util.Objects;

/** A wizard step and one of its fields (the ids of {@code ProviderSettings} components), for "go to step" links. */
public record WizardLocation(String stepId, String fieldId) {
    public WizardLocation {
        Objects.requireNonNull(stepId);
        fieldId = Objects.requireNonNullElse(fieldId, "");
    }

    @Override
    public String toString() {
        return fieldId.isEmpty() ? stepId : stepId + "/" + fieldId;
    }
}

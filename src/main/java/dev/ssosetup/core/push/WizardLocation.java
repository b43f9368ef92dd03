package dev.ssosetup.core.push;

import java.util.Objects;

/** A wizard step and one of its fields (the ids of {@code ProviderSettings} components), for "go to step" links. */
public record WizardLocation(String stepId, String fieldId) {
    public WizardLocation {
        Objects.requireNonNull(stepId);
        fieldId = Objects.requireNonNullElse(fieldId, "");
    }

    /** Reads {@link #toString()}'s form back: {@code step} or {@code step/field}. */
    public static WizardLocation parse(String text) {
        String t = Objects.requireNonNullElse(text, "");
        int slash = t.indexOf('/');
        return slash < 0 ? new WizardLocation(t, "") : new WizardLocation(t.substring(0, slash),
                t.substring(slash + 1));
    }

    @Override
    public String toString() {
        return fieldId.isEmpty() ? stepId : stepId + "/" + fieldId;
    }
}

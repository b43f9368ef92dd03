package dev.ssosetup.core.push;

import java.util.Objects;

/** One error OpenMetadata reported for a dotted {@code field} path of the body, and where the wizard asks for it. */
public record FieldIssue(String field, String error, WizardLocation location) {
    public FieldIssue {
        field = Objects.requireNonNullElse(field, "");
        error = Objects.requireNonNullElse(error, "");
        Objects.requireNonNull(location);
    }

    public static FieldIssue of(String field, String error) {
        return new FieldIssue(field, error, FieldLocator.locate(field));
    }
}

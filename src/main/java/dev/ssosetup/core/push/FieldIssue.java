package dev.ssosetup.core.push;

import dev.ssosetup.core.text.Text;

import java.util.Objects;

/** One error OpenMetadata reported for a dotted {@code field} path of the body, and where the wizard asks for it. */
public record FieldIssue(String field, Text error, WizardLocation location) {
    public FieldIssue {
        field = Objects.requireNonNullElse(field, "");
        Objects.requireNonNull(error);
        Objects.requireNonNull(location);
    }

    public static FieldIssue of(String field, Text error) {
        return new FieldIssue(field, error, FieldLocator.locate(field));
    }

    /** An error in OpenMetadata's own words (its validation answer), shown as the server wrote it. */
    public static Text fromServer(String error) {
        return Text.of("push.issue.fromServer", error);
    }

    /** {@code field: error} (or the error alone), as one line. */
    public Text line() {
        return field.isEmpty() ? error : Text.of("push.issue.line", field, error);
    }
}

package dev.ssosetup.core.push;

import dev.ssosetup.core.text.Text;

import dev.ssosetup.core.text.Messages;

import java.util.Objects;

/** What one step of a push did: OK, a warning, failed, or skipped, with a sentence for the operator. */
public record StepReport(PushStep step, Status status, Text detail) {

    /** A step's outcome. */
    public enum Status { OK, WARNING, FAILED, SKIPPED }

    public StepReport {
        Objects.requireNonNull(step);
        Objects.requireNonNull(status);
        Objects.requireNonNull(detail);
    }

    public static StepReport ok(PushStep step, Text detail) {
        return new StepReport(step, Status.OK, detail);
    }

    public static StepReport failed(PushStep step, Text detail) {
        return new StepReport(step, Status.FAILED, detail);
    }

    /** {@code [ OK ] Connect: ...}, in the operator's language. */
    public String line(Messages messages) {
        String tag = switch (status) {
            case OK -> "[ OK ]";
            case WARNING -> "[WARN]";
            case FAILED -> "[FAIL]";
            case SKIPPED -> "[SKIP]";
        };
        return tag + " " + messages.text(Text.of("push.stepLine", step, detail));
    }
}

package dev.ssosetup.core.push;

import java.util.Objects;

/** What one step of a push did: OK, a warning, failed, or skipped, with a sentence for the operator. */
public record StepReport(PushStep step, Status status, String detail) {

    /** A step's outcome. */
    public enum Status { OK, WARNING, FAILED, SKIPPED }

    public StepReport {
        Objects.requireNonNull(step);
        Objects.requireNonNull(status);
        detail = Objects.requireNonNullElse(detail, "");
    }

    public static StepReport ok(PushStep step, String detail) {
        return new StepReport(step, Status.OK, detail);
    }

    public static StepReport failed(PushStep step, String detail) {
        return new StepReport(step, Status.FAILED, detail);
    }

    /** {@code [ OK ] Connect: ...} */
    public String line() {
        String tag = switch (status) {
            case OK -> "[ OK ]";
            case WARNING -> "[WARN]";
            case FAILED -> "[FAIL]";
            case SKIPPED -> "[SKIP]";
        };
        return tag + " " + step.title() + (detail.isEmpty() ? "" : ": " + detail);
    }
}

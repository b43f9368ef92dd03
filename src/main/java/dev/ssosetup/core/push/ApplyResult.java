package dev.ssosetup.core.push;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What an apply did: its outcome, each step, the backup written (if it got that far) and the server's state. */
public record ApplyResult(Outcome outcome, List<StepReport> steps, Optional<BackupStore.Saved> backup,
                          Optional<PushFailure> failure, ServerState serverState, List<ChecklistItem> checklist) {

    public ApplyResult(Outcome outcome, List<StepReport> steps, Optional<BackupStore.Saved> backup,
                       Optional<PushFailure> failure, ServerState serverState) {
        this(outcome, steps, backup, failure, serverState, List.of());
    }

    /** How the apply ended. */
    public enum Outcome {
        /** Applied, and every verification check passed. */
        APPLIED_AND_VERIFIED,
        /** Applied (or probably applied), but a verification check failed. */
        APPLIED_NOT_VERIFIED,
        /** Not applied (refused by the guard, the backup failed, or the server refused or failed). */
        FAILED
    }

    public ApplyResult {
        Objects.requireNonNull(outcome);
        steps = List.copyOf(steps);
        backup = Objects.requireNonNullElse(backup, Optional.empty());
        failure = Objects.requireNonNullElse(failure, Optional.empty());
        Objects.requireNonNull(serverState);
        checklist = List.copyOf(Objects.requireNonNullElse(checklist, List.of()));
    }

    /** The same result with the post-push checklist as checked after the push. */
    public ApplyResult withChecklist(List<ChecklistItem> items) {
        return new ApplyResult(outcome, steps, backup, failure, serverState, items);
    }

    /** The verification checks only. */
    public List<StepReport> verification() {
        return steps.stream().filter(s -> s.step().ordinal() >= PushStep.VERIFY_READ_BACK.ordinal()).toList();
    }
}

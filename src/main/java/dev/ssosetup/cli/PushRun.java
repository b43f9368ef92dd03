package dev.ssosetup.cli;

import dev.ssosetup.core.text.Text;

import dev.ssosetup.core.text.Messages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ssosetup.core.push.SecretFields;
import dev.ssosetup.core.push.ApplyResult;
import dev.ssosetup.core.push.FieldIssue;
import dev.ssosetup.core.push.LockoutEvidence;
import dev.ssosetup.core.push.LockoutGuard;
import dev.ssosetup.core.push.Plan;
import dev.ssosetup.core.push.PushFailure;
import dev.ssosetup.core.push.PushReport;
import dev.ssosetup.core.push.PushService;
import dev.ssosetup.core.push.OpenMetadataClient;
import dev.ssosetup.core.push.StepReport;
import dev.ssosetup.core.task.TaskContext;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import java.util.function.Consumer;

/**
 * The terminal side of plan and apply, shared by {@code push} and {@code restore}: prints each step as it ends, the
 * diff and the validation errors, asks before applying, and turns the outcome into an exit code.
 */
final class PushRun {
    /** Built on first use: a command is constructed for every start of the command line (issue 20). */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
    private final PushEnvironment env;
    private final PrintWriter out;
    private final PrintWriter prompt;
    private final boolean json;
    private final CliMessages messages;

    /** With {@code json} the question goes to {@code err}, so that standard output stays one JSON document. */
    PushRun(PushEnvironment env, PrintWriter out, PrintWriter err, boolean json, CliMessages messages) {
        this.env = env;
        this.out = out;
        this.prompt = json ? err : out;
        this.json = json;
        this.messages = messages;
    }

    /** How the apply is confirmed: the lock-out guard ({@link #guarded}, for push and restore alike). */
    interface Confirmation {
        /** The guard decision for this plan, given the typed answer (null when {@code --yes}). */
        LockoutGuard.Decision decide(Plan plan, String typed);

        /** The question asked before applying. */
        String question();

        /** The question for this plan (e.g. when the server's own verdict proved admin access). */
        default String question(Plan plan) {
            return question();
        }
    }

    /**
     * The lock-out guard as push and restore both ask it: a passed admin login test of this session (then "yes" is
     * enough), or the typed confirmation phrase ({@code acceptRisk} with {@code --yes}). The guard looks at the body
     * the plan would send.
     */
    static Confirmation guarded(LockoutEvidence evidence, String acceptRisk, String yesQuestion,
                                CliMessages messages) {
        return new Confirmation() {
            @Override
            public LockoutGuard.Decision decide(Plan plan, String typed) {
                com.fasterxml.jackson.databind.JsonNode body = plan.toSendMasked()
                        .orElseGet(Json.MAPPER::createObjectNode);
                if (typed == null) {
                    return LockoutGuard.check(body, evidence, acceptRisk);
                }
                LockoutGuard.Decision d = LockoutGuard.check(body, evidence, typed);
                boolean yesTyped = typed.strip().equalsIgnoreCase("yes");
                if (evidence.provesAdminAccess() && !yesTyped && !LockoutGuard.confirms(typed)) {
                    return new LockoutGuard.Decision(false, Text.of("cli.push.notYes"));
                }
                return d;
            }

            @Override
            public String question() {
                return evidence.provesAdminAccess() ? yesQuestion
                        : messages.get("cli.restore.questionRisky", LockoutGuard.CONFIRMATION_PHRASE);
            }
        };
    }

    int run(OpenMetadataClient client, PushService service, Function<Consumer<StepReport>, Plan> planner,
            boolean dryRun, boolean yes, Confirmation confirmation) {
        Consumer<StepReport> printStep = json ? s -> { } : s -> out.println(s.line(messages.messages()));
        if (!json) {
            out.println(messages.get("cli.push.plan", client.server().toString()));
        }
        Plan plan = planner.apply(printStep);
        if (!json) {
            plan.diff().ifPresent(d -> {
                out.println();
                out.println(messages.get("cli.push.changes"));
                d.lines().forEach(l -> out.println("  " + SecretFields.showHidden(messages.render(l),
                        messages.get("push.diff.hidden"))));
            });
            if (!plan.findings().isEmpty()) {
                out.println();
                out.println(messages.get("cli.push.findings"));
                plan.findings().forEach(f -> {
                    String hint = messages.render(f.hint());
                    out.println("  [" + f.severity().name() + "] " + f.id() + ": " + messages.render(f.message())
                            + (hint.isEmpty() ? "" : "  (" + hint + ")"));
                });
            }
            plan.serverVerdict().ifPresentOrElse(v -> {
                out.println();
                out.println(messages.get("cli.push.serverVerdict", messages.render(v.summary())));
            }, () -> {
                plan.serverVerdictNote().ifPresent(note -> {
                    out.println();
                    out.println(messages.get("cli.push.noServerVerdict", messages.text(note)));
                });
            });
            plan.validation().filter(v -> !v.passed()).ifPresent(v -> {
                out.println();
                out.println(messages.get("cli.push.refused"));
                v.issues().forEach(i -> out.println("  " + describe(i)));
            });
        }
        if (!plan.readyToApply()) {
            return finish(plan, null, "failed", ExitCodes.FAILED);
        }
        if (dryRun) {
            if (!json) {
                out.println();
                out.println(messages.get("cli.push.dryRun"));
            }
            return finish(plan, null, "planned", ExitCodes.OK);
        }
        String typed = null;
        if (!yes) {
            prompt.println();
            prompt.println(confirmation.question(plan));
            prompt.print("> ");
            prompt.flush();
            typed = readLine();
            if (typed == null) {
                prompt.println();
                prompt.println(messages.get("cli.push.noAnswer"));
                prompt.flush();
                return finish(plan, null, "failed", ExitCodes.FAILED);
            }
        }
        LockoutGuard.Decision decision = confirmation.decide(plan, typed);
        if (!json) {
            out.println();
            out.println(messages.get("cli.push.apply"));
        }
        ApplyResult result = service.apply(client, plan, decision, TaskContext.none(), printStep);
        int code = switch (result.outcome()) {
            case APPLIED_AND_VERIFIED -> ExitCodes.OK;
            case APPLIED_NOT_VERIFIED -> ExitCodes.APPLIED_NOT_VERIFIED;
            case FAILED -> ExitCodes.FAILED;
        };
        String word = switch (result.outcome()) {
            case APPLIED_AND_VERIFIED -> "applied-and-verified";
            case APPLIED_NOT_VERIFIED -> "applied-not-verified";
            case FAILED -> "failed";
        };
        return finish(plan, result, word, code);
    }

    private int finish(Plan plan, ApplyResult result, String word, int code) {
        if (json) {
            try {
                out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(PushReport.of(plan, result, word, messages.messages())));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("push report as JSON", e); // an ObjectMapper over maps does not fail
            }
            out.flush();
            return code;
        }
        out.println();
        PushFailure failure = result != null && result.failure().isPresent() ? result.failure().get()
                : plan.failure().orElse(null);
        if (failure != null) {
            out.println(messages.get("cli.push.failedAt", messages.text(Text.of("enum.PushStep." + failure.step().name())),
                    messages.render(failure.text())));
        } else if (result == null && !plan.readyToApply()) {
            out.println(messages.get("cli.push.notApplied"));
        }
        if (result == null) {
            printChecklist(plan.checklist());
        }
        if (result != null) {
            result.backup().ifPresent(b -> {
                out.println(messages.get("cli.push.backup", String.valueOf(b.backupFile())));
                out.println(messages.get("cli.push.recovery", String.valueOf(b.recoveryFile())));
            });
            printChecklist(result.checklist());
            switch (result.outcome()) {
                case APPLIED_AND_VERIFIED -> out.println(messages.get("cli.push.appliedVerified",
                        messages.render(result.serverState().sentence())));
                case APPLIED_NOT_VERIFIED -> out.println(messages.get("cli.push.appliedNotVerified"));
                case FAILED -> { }
            }
        }
        out.flush();
        return code;
    }

    private void printChecklist(java.util.List<dev.ssosetup.core.push.ChecklistItem> items) {
        if (items.isEmpty()) {
            return;
        }
        out.println(messages.get("cli.push.checklist"));
        items.forEach(i -> out.println("  " + i.line(messages.messages()) + "  {" + i.id() + "}"));
    }

    private String readLine() {
        try {
            return new BufferedReader(new InputStreamReader(env.stdin(), StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            return null;
        }
    }

    String describe(FieldIssue i) {
        String where = i.location().fieldId().isEmpty()
                ? messages.get("cli.push.fixInStep", i.location().stepId())
                : messages.get("cli.push.fixInField", i.location().stepId(), i.location().fieldId());
        return messages.text(i.line()) + "  (" + where + ")";
    }
}

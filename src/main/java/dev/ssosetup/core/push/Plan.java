package dev.ssosetup.core.push;

import dev.ssosetup.core.text.Text;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ssosetup.core.common.Finding;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of connect, read, diff and validate: what the server has, what would be sent, the difference and
 * OpenMetadata's verdict. Holds the body to send (with the client secret), so {@link #toString()} shows none of it.
 * A plan that failed carries the failure and whatever steps succeeded before it.
 */
public final class Plan {
    private final ServerAddress server;
    private final ServerVersion version;
    private final ObjectNode live;
    private final ObjectNode toSend;
    private final ConfigDiff diff;
    private final ValidationReport validation;
    private final List<StepReport> steps;
    private final PushFailure failure;
    private final List<Finding> findings;
    private final ServerVerdict serverVerdict;
    private final Text serverVerdictNote;
    private final List<ChecklistItem> checklist;
    private final VerdictRequest context;

    Plan(ServerAddress server, ServerVersion version, ObjectNode live, ObjectNode toSend, ConfigDiff diff,
         ValidationReport validation, List<StepReport> steps, PushFailure failure) {
        this(server, version, live, toSend, diff, validation, steps, failure, List.of(), null, null, List.of(),
                VerdictRequest.none());
    }

    private Plan(ServerAddress server, ServerVersion version, ObjectNode live, ObjectNode toSend, ConfigDiff diff,
                 ValidationReport validation, List<StepReport> steps, PushFailure failure, List<Finding> findings,
                 ServerVerdict serverVerdict, Text serverVerdictNote, List<ChecklistItem> checklist,
                 VerdictRequest context) {
        this.checklist = List.copyOf(checklist);
        this.context = context;
        this.findings = List.copyOf(findings);
        this.serverVerdict = serverVerdict;
        this.serverVerdictNote = serverVerdictNote;
        this.server = Objects.requireNonNull(server);
        this.version = version;
        this.live = live == null ? null : live.deepCopy();
        this.toSend = toSend == null ? null : toSend.deepCopy();
        this.diff = diff;
        this.validation = validation;
        this.steps = List.copyOf(steps);
        this.failure = failure;
    }

    public ServerAddress server() {
        return server;
    }

    public Optional<ServerVersion> version() {
        return Optional.ofNullable(version);
    }

    /** The live configuration as read (secrets masked by the server). */
    public Optional<ObjectNode> live() {
        return Optional.ofNullable(live).map(ObjectNode::deepCopy);
    }

    /** The body that would be sent, with the real client secret. Only the apply step should touch it. */
    ObjectNode toSend() {
        return toSend.deepCopy();
    }

    /** True when the plan has a body to send (it got as far as the diff). */
    boolean sendsBody() {
        return toSend != null;
    }

    /** The body that would be sent, secrets hidden: safe to show. */
    public Optional<com.fasterxml.jackson.databind.JsonNode> toSendMasked() {
        return Optional.ofNullable(toSend).map(SecretFields::masked);
    }

    public Optional<ConfigDiff> diff() {
        return Optional.ofNullable(diff);
    }

    public Optional<ValidationReport> validation() {
        return Optional.ofNullable(validation);
    }

    public List<StepReport> steps() {
        return steps;
    }

    public Optional<PushFailure> failure() {
        return Optional.ofNullable(failure);
    }

    /**
     * What the plan found beyond the steps (issue 18): the target version against the server's, and the server's own
     * verdict against the login test's. An error finding stops the apply.
     */
    public List<Finding> findings() {
        return findings;
    }

    /** OpenMetadata's own verdict on the login test's token (2.0 on), when it was asked. */
    public Optional<ServerVerdict> serverVerdict() {
        return Optional.ofNullable(serverVerdict);
    }

    /** Why there is no server verdict (e.g. the server is older than 2.0); empty when there is one. */
    public Optional<Text> serverVerdictNote() {
        return Optional.ofNullable(serverVerdictNote);
    }

    /** The same plan with more findings and the server's verdict (or the note why there is none). */
    Plan withFindings(List<Finding> more, ServerVerdict verdict, Text note) {
        List<Finding> all = new java.util.ArrayList<>(findings);
        all.addAll(more);
        return new Plan(server, version, live, toSend, diff, validation, steps, failure, all, verdict, note,
                checklist, context);
    }

    /** The same plan with the post-push checklist as it stands before the push, and what it was built from. */
    Plan withChecklist(List<ChecklistItem> items, VerdictRequest from) {
        return new Plan(server, version, live, toSend, diff, validation, steps, failure, findings, serverVerdict,
                serverVerdictNote, items, from);
    }

    /** The operator's checklist (OpenMetadata's production notes) as it stands before the push. */
    public List<ChecklistItem> checklist() {
        return checklist;
    }

    /** What the other steps told the plan (key id, redirect URI; the ID token stays inside). */
    VerdictRequest context() {
        return context;
    }

    /** The same plan with more steps (reported after the plan was first built). */
    Plan withSteps(List<StepReport> more) {
        List<StepReport> all = new java.util.ArrayList<>(steps);
        all.addAll(more);
        return new Plan(server, version, live, toSend, diff, validation, all, failure, findings, serverVerdict,
                serverVerdictNote, checklist, context);
    }

    /** True when every plan step passed, OpenMetadata accepted the configuration and no finding is an error. */
    public boolean readyToApply() {
        return failure == null && validation != null && validation.passed() && toSend != null && live != null
                && findings.stream().noneMatch(Finding::isError);
    }

    @Override
    public String toString() {
        return "Plan[" + server + ", ready=" + readyToApply() + "]";
    }
}

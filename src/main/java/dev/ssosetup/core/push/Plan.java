package dev.ssosetup.core.push;

import com.fasterxml.jackson.databind.node.ObjectNode;

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

    Plan(ServerAddress server, ServerVersion version, ObjectNode live, ObjectNode toSend, ConfigDiff diff,
         ValidationReport validation, List<StepReport> steps, PushFailure failure) {
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

    /** True when every plan step passed and OpenMetadata accepted the configuration: apply may follow. */
    public boolean readyToApply() {
        return failure == null && validation != null && validation.passed() && toSend != null && live != null;
    }

    @Override
    public String toString() {
        return "Plan[" + server + ", ready=" + readyToApply() + "]";
    }
}

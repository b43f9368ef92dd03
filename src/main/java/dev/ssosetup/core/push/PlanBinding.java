package dev.ssosetup.core.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * What a plan was made for: a SHA-256 digest of exactly the body it will send (client secret included, keys in a
 * fixed order) and the login evidence the lock-out guard checks it with. A plan may be applied only while the wizard
 * still asks for the same body and this session's evidence is the same; any change in between means a new plan.
 * {@link #toString()} shows neither the digest nor the body.
 */
public record PlanBinding(String bodyDigest, LockoutEvidence evidence) {
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    public PlanBinding {
        Objects.requireNonNull(bodyDigest);
        evidence = Objects.requireNonNullElse(evidence, LockoutEvidence.none());
    }

    /** The binding of a plan for {@code desired}, guarded with {@code evidence}. */
    public static PlanBinding of(DesiredConfiguration desired, LockoutEvidence evidence) {
        return new PlanBinding(digest(SecretFields.withClientSecret(desired.body(), desired.clientSecret())),
                evidence);
    }

    /** True when {@code plan} sends exactly the body this binding was made for. */
    public boolean boundTo(Plan plan) {
        return plan != null && plan.sendsBody() && bodyDigest.equals(digest(plan.toSend()));
    }

    static String digest(JsonNode body) {
        try {
            Object plain = CANONICAL.convertValue(body, Object.class); // maps, so that keys are written sorted
            byte[] bytes = CANONICAL.writeValueAsBytes(plain);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.io.IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot digest the configuration", e);
        }
    }

    @Override
    public String toString() {
        return "PlanBinding[" + evidence + "]";
    }
}

package dev.ssosetup.core.push;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ssosetup.core.common.Secret;

import java.util.Objects;

/**
 * What the operator wants on the server: the {@code SecurityConfiguration} body ({@code {authenticationConfiguration,
 * authorizerConfiguration}}) as the Review step renders it, plus the client secret kept apart as a {@link Secret}.
 * The body's own {@code oidcConfiguration.secret}, if any, is replaced by {@code clientSecret} when it is sent.
 */
public record DesiredConfiguration(ObjectNode body, Secret clientSecret) {
    public DesiredConfiguration {
        Objects.requireNonNull(body);
        body = body.deepCopy();
        clientSecret = Objects.requireNonNullElse(clientSecret, Secret.empty());
    }

    @Override
    public ObjectNode body() {
        return body.deepCopy();
    }

    @Override
    public String toString() {
        return "DesiredConfiguration[provider=" + body.path("authenticationConfiguration").path("provider").asText("?")
                + ", clientSecret=" + clientSecret + "]";
    }
}

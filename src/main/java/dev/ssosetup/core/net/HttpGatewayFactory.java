package dev.ssosetup.core.net;

import java.util.Optional;

/**
 * Builds an {@link HttpGateway}, optionally trusting the CAs of a PEM bundle in addition to the platform's. Commands
 * and view models that let the operator name a CA file get one of these from the composition root, so that they never
 * depend on the adapter.
 */
@FunctionalInterface
public interface HttpGatewayFactory {

    /**
     * @throws IllegalArgumentException when {@code caPem} holds no certificate, with a message saying so
     */
    HttpGateway create(Optional<byte[]> caPem);
}

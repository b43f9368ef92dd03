package dev.ssosetup.infra.net;

import dev.ssosetup.core.net.HttpGateway;
import dev.ssosetup.core.net.HttpGatewayFactory;

import java.util.Optional;

/** Builds {@link JdkHttpGateway}s: the platform trust store, plus the CAs of a PEM bundle when one is given. */
public final class JdkHttpGatewayFactory implements HttpGatewayFactory {
    @Override
    public HttpGateway create(Optional<byte[]> caPem) {
        return caPem.map(pem -> JdkHttpGateway.create(TlsTrust.withExtraCas(pem)))
                .orElseGet(JdkHttpGateway::create);
    }
}

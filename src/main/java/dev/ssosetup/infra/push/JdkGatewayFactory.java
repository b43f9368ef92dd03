package dev.ssosetup.infra.push;

import dev.ssosetup.core.net.HttpGateway;
import dev.ssosetup.core.push.GatewayFactory;
import dev.ssosetup.infra.net.JdkHttpGateway;
import dev.ssosetup.infra.net.TlsTrust;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@link GatewayFactory} on {@link JdkHttpGateway}: platform CAs, plus a PEM bundle read from a file when given. */
public final class JdkGatewayFactory implements GatewayFactory {
    @Override
    public HttpGateway create(String caBundleFile) {
        if (caBundleFile == null || caBundleFile.isBlank()) {
            return JdkHttpGateway.create();
        }
        Path p = Path.of(caBundleFile.strip());
        byte[] pem;
        try {
            if (Files.size(p) > 1024 * 1024) {
                throw new IllegalArgumentException("CA bundle " + p + " is larger than 1 MiB: not a PEM bundle");
            }
            pem = Files.readAllBytes(p);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the CA bundle " + p + ": "
                    + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()));
        }
        return JdkHttpGateway.create(TlsTrust.withExtraCas(pem));
    }
}

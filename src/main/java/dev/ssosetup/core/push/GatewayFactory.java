package dev.ssosetup.core.push;

import dev.ssosetup.core.net.HttpGateway;

/**
 * Builds the {@link HttpGateway} for one OpenMetadata server: platform trust, plus the CAs of a PEM bundle when the
 * operator names one (a server with a private CA). TLS is always verified.
 */
@FunctionalInterface
public interface GatewayFactory {

    /**
     * @param caBundleFile a PEM file of extra CA certificates, or blank for the platform's CAs only
     * @throws IllegalArgumentException when the bundle cannot be read or holds no certificate (message says which)
     */
    HttpGateway create(String caBundleFile);
}

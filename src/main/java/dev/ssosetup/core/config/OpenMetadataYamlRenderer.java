package dev.ssosetup.core.config;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * An {@code openmetadata.yaml} fragment: {@code authenticationConfiguration}, {@code authorizerConfiguration} and
 * {@code jwtTokenConfiguration}, the same trees as the JSON body. Without the secret, {@code oidcConfiguration.secret}
 * is {@code ${OIDC_CLIENT_SECRET}}, which OpenMetadata fills in from the environment.
 */
public final class OpenMetadataYamlRenderer implements ConfigRenderer {
    /** The environment reference used in place of the secret. */
    public static final String SECRET_REFERENCE = "${OIDC_CLIENT_SECRET}";

    @Override
    public OutputFormat format() {
        return OutputFormat.YAML;
    }

    @Override
    public RenderedOutput render(SsoConfiguration c, RenderOptions options) {
        boolean withSecret = OmDocuments.secretIncluded(c, options);
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.set("authenticationConfiguration",
                OmDocuments.authentication(c, withSecret ? c.provider().clientSecret().reveal() : SECRET_REFERENCE));
        root.set("authorizerConfiguration", OmDocuments.authorizer(c));
        root.set("jwtTokenConfiguration", OmDocuments.jwtTokenConfiguration(c));
        List<String> header = List.of(
                "openmetadata.yaml fragment: replace these three sections in conf/openmetadata.yaml.",
                "Note: from OpenMetadata 1.10 on, the configuration stored in the database wins over this file",
                "once it exists; use the Push step (or the security config API) to change a running server.",
                withSecret ? "This file holds the client secret: keep it private."
                        : c.confidential() ? "The client secret is read from the environment variable OIDC_CLIENT_SECRET."
                        : "Public client: no client secret.",
                "jwtTokenConfiguration: put the new key files from the Keys step at the two paths it names (never the",
                "test key pair shipped in OpenMetadata's image at ./conf/, which must not be used in production).");
        return new RenderedOutput(format(), YamlWriter.write(header, root), withSecret);
    }
}

package dev.ssosetup.core.config;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
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
        List<String> header = new ArrayList<>(options.lines("output.yaml.header"));
        header.addAll(options.lines(withSecret ? "output.yaml.secret.included"
                : c.confidential() ? "output.yaml.secret.fromEnvironment" : "output.yaml.secret.publicClient"));
        header.addAll(options.lines("output.yaml.keys"));
        return new RenderedOutput(format(), YamlWriter.write(header, root), withSecret);
    }
}

package dev.ssosetup.core.config;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A Helm {@code values.yaml} fragment for OpenMetadata's chart: {@code openmetadata.config.*}, the OIDC client id and
 * secret as Kubernetes secret references (never the secret itself), the {@code kubectl create secret} commands as
 * comments, and {@code extraEnvs} for the two settings the chart does not template.
 *
 * <p>The chart is its own contract: its {@code values.schema.json} forbids unknown keys and has its own types
 * ({@code allowedEmailRegistrationDomains}; {@code useNonce} a boolean; {@code tokenValidity} and
 * {@code sessionExpiry} strings), which differ from the server's JSON schema. The known chart versions
 * ({@link HelmChartVersion}) share one SSO values schema, so the version chosen changes only the {@code --version}
 * pin; a chart that changes that schema gets its own branch here. {@code HelmChartRenderTest} renders these values
 * with every known chart through a real Helm engine.
 */
public final class HelmValuesRenderer implements ConfigRenderer {
    public static final String OIDC_SECRET_NAME = "oidc-secrets";
    public static final String CLIENT_ID_KEY = "openmetadata-oidc-client-id";
    public static final String CLIENT_SECRET_KEY = "openmetadata-oidc-client-secret";
    public static final String JWT_SECRET_NAME = "openmetadata-jwt-keys";
    public static final String JWT_MOUNT = "/etc/openmetadata/jwtkeys";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Override
    public OutputFormat format() {
        return OutputFormat.HELM;
    }

    @Override
    public RenderedOutput render(SsoConfiguration c, RenderOptions options) {
        var p = c.provider();
        var z = c.authorizer();

        ObjectNode authorizer = NODES.objectNode();
        authorizer.put("className", AuthorizerSettings.CLASS_NAME);
        authorizer.put("containerRequestFilter", AuthorizerSettings.CONTAINER_REQUEST_FILTER);
        authorizer.set("initialAdmins", OmDocuments.array(z.adminPrincipals()));
        authorizer.set("allowedEmailRegistrationDomains", OmDocuments.array(z.allowedEmailRegistrationDomains()));
        authorizer.set("allowedDomains", OmDocuments.array(z.allowedDomains()));
        authorizer.put("principalDomain", z.principalDomain());
        authorizer.put("enforcePrincipalDomain", z.enforcePrincipalDomain());
        authorizer.put("enableSecureSocketConnection", z.enableSecureSocketConnection());
        authorizer.put("useRolesFromProvider", z.useRolesFromProvider());

        ObjectNode authentication = NODES.objectNode();
        authentication.put("provider", c.omProvider());
        authentication.set("publicKeys", OmDocuments.array(c.publicKeyUrls()));
        authentication.put("authority", c.authority());
        authentication.put("clientId", p.clientId().strip());
        authentication.put("callbackUrl", c.callbackUrl());
        authentication.put("clientType", p.clientType().wire());
        authentication.put("responseType", c.responseType());
        authentication.put("enableSelfSignup", p.selfSignup());
        authentication.set("jwtPrincipalClaims", OmDocuments.array(p.principalClaims()));
        authentication.set("jwtPrincipalClaimsMapping", OmDocuments.array(c.principalClaimsMapping()));
        if (c.confidential()) {
            ObjectNode oidc = NODES.objectNode();
            oidc.put("enabled", true);
            oidc.put("oidcType", c.omProvider());
            oidc.set("clientId", secretRef(CLIENT_ID_KEY));
            oidc.set("clientSecret", secretRef(CLIENT_SECRET_KEY));
            oidc.put("scope", c.scope());
            oidc.put("discoveryUri", p.effectiveDiscoveryUrl());
            oidc.put("useNonce", true); // a boolean in the chart (a string in the server's schema)
            oidc.put("preferredJwsAlgorithm", p.tokenValidationAlgorithm());
            oidc.put("responseType", "code");
            oidc.put("disablePkce", true);
            oidc.put("callbackUrl", c.callbackUrl());
            oidc.put("serverUrl", c.serverUrl());
            oidc.put("clientAuthenticationMethod", p.clientAuthMethod().wire());
            oidc.put("tenant", c.tenant());
            // strings in the chart (integers in the server's schema)
            oidc.put("tokenValidity", Integer.toString(SsoConfiguration.TOKEN_VALIDITY_SECONDS));
            oidc.put("sessionExpiry", Integer.toString(SsoConfiguration.SESSION_EXPIRY_SECONDS));
            authentication.set("oidcConfiguration", oidc);
        }

        ObjectNode jwt = NODES.objectNode();
        jwt.put("enabled", true);
        jwt.put("rsapublicKeyFilePath", JWT_MOUNT + "/" + fileName(c.keys().publicKeyPath(), "public_key.der"));
        jwt.put("rsaprivateKeyFilePath", JWT_MOUNT + "/" + fileName(c.keys().privateKeyPath(), "private_key.der"));
        jwt.put("jwtissuer", c.keys().issuer());
        jwt.put("keyId", c.keys().keyId());

        ObjectNode config = NODES.objectNode();
        config.set("authorizer", authorizer);
        config.set("authentication", authentication);
        config.set("jwtTokenConfiguration", jwt);
        ObjectNode openmetadata = NODES.objectNode();
        openmetadata.set("config", config);

        var envs = NODES.arrayNode();
        // the chart quotes what it templates; these two it does not, so they are written as the server reads them
        envs.add(env("CUSTOM_OIDC_AUTHENTICATION_PROVIDER_NAME", ServerEnvText.scalar(c.providerName())));
        envs.add(env("AUTHENTICATION_TOKEN_VALIDATION_ALGORITHM", ServerEnvText.scalar(p.tokenValidationAlgorithm())));

        var volumes = NODES.arrayNode();
        ObjectNode volume = NODES.objectNode();
        volume.put("name", "jwt-keys");
        volume.set("secret", NODES.objectNode().put("secretName", JWT_SECRET_NAME));
        volumes.add(volume);
        var mounts = NODES.arrayNode();
        mounts.add(NODES.objectNode().put("name", "jwt-keys").put("mountPath", JWT_MOUNT).put("readOnly", true));

        ObjectNode root = NODES.objectNode();
        root.set("openmetadata", openmetadata);
        root.set("extraEnvs", envs);
        root.set("extraVolumes", volumes);
        root.set("extraVolumeMounts", mounts);
        return new RenderedOutput(format(), YamlWriter.write(header(c, options), root), false);
    }

    private static List<String> header(SsoConfiguration c, RenderOptions options) {
        HelmChartVersion chart = options.helmChart();
        List<String> h = new ArrayList<>(options.lines("output.helm.header", chart.text(),
                "helm upgrade --install openmetadata open-metadata/openmetadata --version " + chart.text()
                        + " -f values.yaml"));
        h.addAll(options.lines("output.helm.checked", HelmChartVersion.knownList()));
        h.add("");
        h.addAll(options.lines("output.helm.secrets"));
        if (c.confidential()) {
            h.add("  printf '%s' 'PASTE-CLIENT-SECRET' > client-secret.txt   # " + options.text("output.helm.editor"));
            h.add("  kubectl create secret generic " + OIDC_SECRET_NAME + " \\");
            h.add("    --from-literal=" + CLIENT_ID_KEY + "=" + c.provider().clientId().strip() + " \\");
            h.add("    --from-file=" + CLIENT_SECRET_KEY + "=client-secret.txt");
            h.add("  rm client-secret.txt");
        }
        h.add("  kubectl create secret generic " + JWT_SECRET_NAME
                + " --from-file private_key.der --from-file public_key.der");
        h.addAll(options.lines("output.helm.keys", JWT_MOUNT));
        h.add("");
        h.addAll(options.lines("output.helm.extraEnvs"));
        return h;
    }

    private static ObjectNode secretRef(String key) {
        return NODES.objectNode().put("secretRef", OIDC_SECRET_NAME).put("secretKey", key);
    }

    private static ObjectNode env(String name, String value) {
        return NODES.objectNode().put("name", name).put("value", value);
    }

    private static String fileName(String path, String fallback) {
        String s = path.strip().replace('\\', '/');
        int slash = s.lastIndexOf('/');
        String name = slash >= 0 ? s.substring(slash + 1) : s;
        return name.isEmpty() ? fallback : name;
    }
}

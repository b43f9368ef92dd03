package dev.ssosetup.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.ssosetup.consumers.ServerEnvReading;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** YAML and .env outputs read back say exactly what the model says; .env names are the ones OpenMetadata reads. */
class ParseBackTest {
    private final Renderers renderers = new Renderers();

    @Test
    void yamlReadsBackAsTheModel() throws IOException {
        for (SsoConfiguration c : List.of(Samples.confidential(), Samples.publicClient())) {
            JsonNode yaml = new YAMLMapper().readTree(
                    renderers.render(OutputFormat.YAML, c, RenderOptions.withoutSecret()).text());
            JsonNode json = new ObjectMapper().readTree(
                    renderers.render(OutputFormat.JSON, c, RenderOptions.withoutSecret()).text());
            JsonNode expectedAuth = OmDocuments.authentication(c, OpenMetadataYamlRenderer.SECRET_REFERENCE);
            assertEquals(expectedAuth, yaml.get("authenticationConfiguration"));
            assertEquals(json.get("authorizerConfiguration"), yaml.get("authorizerConfiguration"));
            JsonNode jwt = yaml.get("jwtTokenConfiguration");
            assertEquals(c.keys().issuer(), jwt.get("jwtissuer").asText());
            assertEquals(c.keys().keyId(), jwt.get("keyId").asText());
            assertEquals(c.keys().privateKeyPath(), jwt.get("rsaprivateKeyFilePath").asText());
            assertEquals(c.keys().publicKeyPath(), jwt.get("rsapublicKeyFilePath").asText());
            assertEquals(c.idpJwksUri(), yaml.at("/authenticationConfiguration/publicKeyUrls/0").asText());
        }
        JsonNode yaml = new YAMLMapper().readTree(
                renderers.render(OutputFormat.YAML, Samples.confidential(), RenderOptions.withoutSecret()).text());
        assertTrue(yaml.at("/authenticationConfiguration/oidcConfiguration/useNonce").isTextual(),
                "useNonce must stay a string in YAML");
        assertEquals("", yaml.at("/authenticationConfiguration/oidcConfiguration/tenant").textValue());
    }

    @Test
    void helmReadsBackWithSecretReferencesAndExtraEnvs() throws IOException {
        SsoConfiguration c = Samples.confidential();
        JsonNode helm = new YAMLMapper().readTree(
                renderers.render(OutputFormat.HELM, c, RenderOptions.withSecret()).text());
        JsonNode auth = helm.at("/openmetadata/config/authentication");
        assertEquals(c.publicKeyUrls(), strings(auth.get("publicKeys")));
        assertEquals(c.provider().clientId(), auth.get("clientId").asText());
        assertEquals("oidc-secrets", auth.at("/oidcConfiguration/clientSecret/secretRef").asText());
        assertEquals("openmetadata-oidc-client-secret", auth.at("/oidcConfiguration/clientSecret/secretKey").asText());
        assertEquals(c.provider().adminPrincipals(), strings(helm.at("/openmetadata/config/authorizer/initialAdmins")));
        Map<String, String> envs = new LinkedHashMap<>();
        helm.get("extraEnvs").forEach(e -> envs.put(e.get("name").asText(), e.get("value").asText()));
        assertEquals(Map.of("CUSTOM_OIDC_AUTHENTICATION_PROVIDER_NAME", "Example Keycloak",
                "AUTHENTICATION_TOKEN_VALIDATION_ALGORITHM", "RS256"), envs);
    }

    @Test
    void envReadsBackAsTheModel() {
        SsoConfiguration c = Samples.confidential();
        Map<String, String> env = parseEnv(renderers.render(OutputFormat.ENV, c, RenderOptions.withoutSecret()).text());
        assertEquals(DockerEnvRenderer.variables(c, RenderOptions.withoutSecret()), env);
        // the text is what OpenMetadata substitutes into its YAML: read it the way the server does
        assertEquals(c.publicKeyUrls(), ServerEnvReading.list("keys", env.get("AUTHENTICATION_PUBLIC_KEYS")));
        assertEquals(c.provider().effectiveDiscoveryUrl(), env.get("OIDC_DISCOVERY_URI"));
        assertEquals("openid email profile offline_access", env.get("OIDC_SCOPE"));
        assertEquals(List.of("admin", "alice"), ServerEnvReading.list("admins", env.get("AUTHORIZER_ADMIN_PRINCIPALS")));
        assertEquals(c.keys().keyId(), env.get("JWT_KEY_ID"));
        assertEquals("https://om.example.com/callback", env.get("AUTHENTICATION_CALLBACK_URL"));
        assertFalse(env.containsKey("AUTHENTICATION_DISCOVERY_URI"), "the docs' misnamed variable does not exist");
        Map<String, String> pub = parseEnv(
                renderers.render(OutputFormat.ENV, Samples.publicClient(), RenderOptions.withoutSecret()).text());
        assertTrue(pub.keySet().stream().noneMatch(k -> k.startsWith("OIDC_")), "public clients send no OIDC block");
    }

    @Test
    void awkwardSecretsSurviveComposeQuoting() {
        for (String secret : List.of("a$b{c}", "it's", "x #y", " lead", "both ' and $HOME", "back\\slash\"q")) {
            SsoConfiguration c = Samples.confidential().withClientSecret(dev.ssosetup.core.common.Secret.of(secret));
            Map<String, String> env = parseEnv(
                    renderers.render(OutputFormat.ENV, c, RenderOptions.withSecret()).text());
            assertEquals(secret, ServerEnvReading.string(secret, env.get("OIDC_CLIENT_SECRET")), secret);
        }
    }

    @Test
    void everyEnvVariableIsOneOpenMetadataReads() throws IOException {
        Set<String> known = apiVariableNames();
        assertTrue(known.size() > 40, "parsed the list from API.md: " + known);
        Set<String> used = new TreeSet<>(parseEnv(
                renderers.render(OutputFormat.ENV, Samples.confidential(), RenderOptions.withoutSecret()).text())
                .keySet());
        used.removeAll(known);
        assertEquals(Set.of(), used, "variables not in API.md's list");
    }

    /** The backticked UPPER_CASE names in API.md's env-variable sections. */
    static Set<String> apiVariableNames() throws IOException {
        Path api = Path.of(System.getProperty("sso.setup.sharedDir", "../shared"), "openmetadata", "API.md");
        String text = Files.exists(api) ? Files.readString(api) : Samples.resource("/golden/API-variables.md");
        int start = text.indexOf("## openmetadata.yaml environment variables");
        int end = text.indexOf("\n## ", start + 5);
        String section = text.substring(start, end);
        int jwt = text.indexOf("Env vars:");
        section += text.substring(jwt, text.indexOf('\n', jwt));
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("`([A-Z][A-Z0-9_]+)`").matcher(section);
        while (m.find()) {
            names.add(m.group(1));
        }
        names.remove("AUTHENTICATION_DISCOVERY_URI"); // API.md names it only to say it does not exist
        return names;
    }

    static Map<String, String> parseEnv(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        Arrays.stream(text.split("\n")).filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(l -> {
            int eq = l.indexOf('=');
            String value = l.substring(eq + 1);
            if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
                value = value.substring(1, value.length() - 1); // compose: single quotes are literal
            } else if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                StringBuilder b = new StringBuilder();
                String inner = value.substring(1, value.length() - 1);
                for (int i = 0; i < inner.length(); i++) {
                    char ch = inner.charAt(i);
                    if ((ch == '\\' || ch == '$') && i + 1 < inner.length()) {
                        b.append(inner.charAt(++i)); // \\ \" and $$ escapes
                    } else {
                        b.append(ch);
                    }
                }
                value = b.toString();
            } else {
                assertFalse(value.contains("$") || value.contains("#") || value.contains("'"),
                        "an unquoted value compose would change: " + value);
            }
            out.put(l.substring(0, eq), value);
        });
        return out;
    }

    private static List<String> strings(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}

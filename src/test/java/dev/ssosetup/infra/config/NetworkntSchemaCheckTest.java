package dev.ssosetup.infra.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.ssosetup.core.config.OutputFormat;
import dev.ssosetup.core.config.ReadinessCheck;
import dev.ssosetup.core.config.RenderOptions;
import dev.ssosetup.core.config.Renderers;
import dev.ssosetup.core.config.Samples;
import dev.ssosetup.core.config.SchemaDocument;
import dev.ssosetup.core.config.SchemaViolation;
import dev.ssosetup.core.config.SsoConfiguration;
import dev.ssosetup.core.keys.JwtKeySettings;
import dev.ssosetup.consumers.OddConfigurations;
import dev.ssosetup.consumers.SharedDir;
import dev.ssosetup.core.text.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real validator against OpenMetadata's schemas: the shared examples pass, our outputs pass, broken ones fail. */
class NetworkntSchemaCheckTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final NetworkntSchemaCheck check = new NetworkntSchemaCheck();
    private final Renderers renderers = new Renderers();

    /** {@code <shared>/openmetadata}; the test is skipped, naming what is missing, on a clone without it. */
    static Path shared() {
        SharedDir.require("schema");
        return SharedDir.require("examples").getParent();
    }

    @Test
    void sharedExamplesValidateAgainstBundledAndSharedSchemas() throws Exception {
        NetworkntSchemaCheck sharedCheck = new NetworkntSchemaCheck(shared().resolve("schema").toUri() + "");
        for (String name : List.of("security-config.custom-oidc.confidential.json",
                "security-config.custom-oidc.public.json")) {
            String body = Files.readString(shared().resolve("examples").resolve(name));
            assertEquals(List.of(), check.validate(SchemaDocument.SECURITY_CONFIGURATION, body), name);
            assertEquals(List.of(), sharedCheck.validate(SchemaDocument.SECURITY_CONFIGURATION, body), name);
        }
    }

    @Test
    void everyRenderedJsonValidatesAgainstTheSharedSchema() {
        NetworkntSchemaCheck sharedCheck = new NetworkntSchemaCheck(shared().resolve("schema").toUri() + "");
        for (SsoConfiguration c : List.of(Samples.confidential(), Samples.publicClient())) {
            for (RenderOptions o : List.of(RenderOptions.withoutSecret(), RenderOptions.withSecret())) {
                String body = renderers.render(OutputFormat.JSON, c, o).text();
                assertEquals(List.of(), sharedCheck.validate(SchemaDocument.SECURITY_CONFIGURATION, body));
            }
        }
        assertTrue(new ReadinessCheck(check).evaluate(Samples.confidential()).ready());
        assertTrue(new ReadinessCheck(check).evaluate(Samples.publicClient()).ready());
    }

    static List<SsoConfiguration> yamlConfigurations() {
        List<SsoConfiguration> out = new java.util.ArrayList<>(List.of(Samples.confidential(), Samples.publicClient(),
                OddConfigurations.handWritten()));
        out.addAll(OddConfigurations.random(6, 41));
        return out;
    }

    /** The YAML holds the same objects as the REST JSON: the same schema judges them, bundled and shared. */
    @ParameterizedTest
    @MethodSource("yamlConfigurations")
    void yamlSectionsValidateAgainstTheServersSchemas(SsoConfiguration c) throws Exception {
        NetworkntSchemaCheck sharedCheck = new NetworkntSchemaCheck(shared().resolve("schema").toUri() + "");
        for (RenderOptions o : List.of(RenderOptions.withoutSecret(), RenderOptions.withSecret())) {
            var yaml = new YAMLMapper().readTree(renderers.render(OutputFormat.YAML, c, o).text());
            String body = yamlBody(yaml);
            assertEquals(List.of(), check.validate(SchemaDocument.SECURITY_CONFIGURATION, body));
            assertEquals(List.of(), sharedCheck.validate(SchemaDocument.SECURITY_CONFIGURATION, body));
            String jwt = JSON.writeValueAsString(yaml.get("jwtTokenConfiguration"));
            assertEquals(List.of(), check.validate(SchemaDocument.JWT_TOKEN_CONFIGURATION, jwt));
            assertEquals(List.of(), sharedCheck.validate(SchemaDocument.JWT_TOKEN_CONFIGURATION, jwt));
        }
    }

    @Test
    void aYamlFragmentWithAWrongTypeFailsTheSameSchema() throws Exception {
        String text = renderers.render(OutputFormat.YAML, Samples.confidential(), RenderOptions.withoutSecret())
                .text().replace("useNonce: \"true\"", "useNonce: true");
        var violations = check.validate(SchemaDocument.SECURITY_CONFIGURATION,
                yamlBody(new YAMLMapper().readTree(text)));
        assertTrue(violations.toString().contains("useNonce"), violations.toString());
    }

    /**
     * In German the comment lines change (umlauts, colons, {@code #} in the text) and nothing else: YAML reads the same
     * tree as from the English file, and OpenMetadata's schemas accept it.
     */
    @Test
    void aGermanYamlFragmentReadsAsTheEnglishOneAndValidates() throws Exception {
        NetworkntSchemaCheck sharedCheck = new NetworkntSchemaCheck(shared().resolve("schema").toUri() + "");
        Messages german = Messages.forLocale(Locale.GERMAN);
        for (SsoConfiguration c : List.of(Samples.confidential(), Samples.publicClient(),
                OddConfigurations.handWritten())) {
            for (RenderOptions o : List.of(RenderOptions.withoutSecret(), RenderOptions.withSecret())) {
                String de = renderers.render(OutputFormat.YAML, c, o.withMessages(german)).text();
                String en = renderers.render(OutputFormat.YAML, c, o).text();
                assertTrue(de.startsWith("# " + german.get("output.yaml.header").lines().findFirst().orElseThrow()),
                        de);
                assertTrue(de.lines().takeWhile(l -> l.startsWith("#")).anyMatch(l -> l.matches(".*[äöüÄÖÜß].*")),
                        "the German comments have umlauts: " + de);
                assertNotEquals(en, de, "the comments are German");
                var yaml = new YAMLMapper().readTree(de);
                assertEquals(new YAMLMapper().readTree(en), yaml, "the same values as the English file");
                String body = yamlBody(yaml);
                assertEquals(List.of(), check.validate(SchemaDocument.SECURITY_CONFIGURATION, body));
                assertEquals(List.of(), sharedCheck.validate(SchemaDocument.SECURITY_CONFIGURATION, body));
            }
        }
    }

    private static String yamlBody(com.fasterxml.jackson.databind.JsonNode yaml) throws Exception {
        ObjectNode body = JSON.createObjectNode();
        body.set("authenticationConfiguration", yaml.get("authenticationConfiguration"));
        body.set("authorizerConfiguration", yaml.get("authorizerConfiguration"));
        return JSON.writeValueAsString(body);
    }

    @Test
    void aMissingTenantFailsValidation() throws Exception {
        assertBroken(o -> oidc(o).remove("tenant"), "tenant");
    }

    @Test
    void aBooleanUseNonceFailsValidation() throws Exception {
        assertBroken(o -> oidc(o).put("useNonce", true), "useNonce");
    }

    @Test
    void anUnknownFieldOrAlgorithmOrProviderFailsValidation() throws Exception {
        assertBroken(o -> auth(o).put("surprise", 1), "surprise");
        assertBroken(o -> auth(o).put("tokenValidationAlgorithm", "ES256"), "tokenValidationAlgorithm");
        assertBroken(o -> auth(o).put("provider", "keycloak"), "provider");
        assertBroken(o -> ((ObjectNode) o.get("authorizerConfiguration")).remove("className"), "className");
    }

    @Test
    void aMissingKeyIdFailsTheJwtSchemaAndMakesTheConfigurationNotReady() {
        var c = Samples.confidential();
        var noKeyId = new SsoConfiguration(c.provider(), c.authorizerOptions(),
                new JwtKeySettings("./a.der", "./b.der", "open-metadata.org", ""), c.idpJwksUri());
        assertFalse(new ReadinessCheck(check).evaluate(noKeyId).ready());
        assertFalse(check.validate(SchemaDocument.JWT_TOKEN_CONFIGURATION, "{\"jwtissuer\":\"x\"}").isEmpty());
    }

    @Test
    void aMissingSchemaFolderIsAViolationNotACrash() {
        var broken = new NetworkntSchemaCheck("classpath:no/such/folder/");
        var v = broken.validate(SchemaDocument.SECURITY_CONFIGURATION, "{}");
        assertEquals(1, v.size());
        assertEquals("schema.notLoaded", v.getFirst().message().key(), v.toString());
        assertTrue(Messages.forLocale(Locale.ENGLISH).text(v.getFirst().message()).contains("could not be loaded"),
                v.toString());
    }

    @Test
    void notJsonIsAViolationNotAnException() {
        assertEquals(1, check.validate(SchemaDocument.SECURITY_CONFIGURATION, "{nope").size());
    }

    private void assertBroken(Consumer<ObjectNode> breakIt, String mentioned) throws Exception {
        ObjectNode body = (ObjectNode) JSON.readTree(
                renderers.render(OutputFormat.JSON, Samples.confidential(), RenderOptions.withoutSecret()).text());
        breakIt.accept(body);
        List<SchemaViolation> violations = check.validate(SchemaDocument.SECURITY_CONFIGURATION,
                JSON.writeValueAsString(body));
        assertFalse(violations.isEmpty(), "breaking " + mentioned + " must fail validation");
        assertTrue(violations.toString().contains(mentioned), violations.toString());
    }

    private static ObjectNode auth(ObjectNode body) {
        return (ObjectNode) body.get("authenticationConfiguration");
    }

    private static ObjectNode oidc(ObjectNode body) {
        return (ObjectNode) auth(body).get("oidcConfiguration");
    }
}

package dev.ssosetup.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ssosetup.core.provider.OpenMetadataVersion;
import dev.ssosetup.infra.config.NetworkntSchemaCheck;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every output is rendered for the target version and passes that version's schema set as OpenMetadata ships it
 * (read from ../shared, not from our copy) plus the 2.0.0 rules; a 2.0 body is refused by the 1.10 schemas, so sending
 * it to 1.10 would break the PUT.
 */
class TargetVersionOutputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Renderers renderers = new Renderers();

    private static Path shared() {
        Path p = Path.of(System.getProperty("sso.setup.sharedDir", "../shared"), "openmetadata");
        Assumptions.assumeTrue(Files.isDirectory(p.resolve("schema-2.0")), "no ../shared/openmetadata/schema-2.0");
        return p;
    }

    private final NetworkntSchemaCheck sharedSchemas = sharedCheck();

    private static NetworkntSchemaCheck sharedCheck() {
        Path p = Path.of(System.getProperty("sso.setup.sharedDir", "../shared"), "openmetadata");
        return new NetworkntSchemaCheck(p.resolve("schema").toUri() + "", p.resolve("schema-2.0").toUri() + "");
    }

    static SsoConfiguration forVersion(SsoConfiguration c, OpenMetadataVersion v) {
        return c.withProvider(c.provider().toBuilder().openMetadataVersion(v).build());
    }

    private JsonNode body(SsoConfiguration c) throws Exception {
        return JSON.readTree(renderers.render(OutputFormat.JSON, c, RenderOptions.withoutSecret()).text());
    }

    @Test
    void everyVersionGetsABodyValidForItsOwnSchemaSet() throws Exception {
        shared();
        for (OpenMetadataVersion v : OpenMetadataVersion.values()) {
            for (SsoConfiguration c : List.of(Samples.confidential(), Samples.publicClient())) {
                SsoConfiguration target = forVersion(c, v);
                String text = JSON.writeValueAsString(body(target));
                assertEquals(List.of(), sharedSchemas.validate(v.schemaSet(), SchemaDocument.SECURITY_CONFIGURATION,
                        text), v + " " + c.provider().clientType());
                assertEquals(List.of(), TargetFieldRules.check(v, body(target)), v.label());
                assertTrue(new ReadinessCheck(new NetworkntSchemaCheck()).evaluate(target).ready(), v.label());
            }
        }
    }

    @Test
    void twoPointZeroGetsTheSessionFieldsAndOlderVersionsDoNot() throws Exception {
        SsoConfiguration c = forVersion(Samples.confidential(), OpenMetadataVersion.V2_0);
        c = c.withProvider(c.provider().toBuilder().sessionExpirySeconds(7200).maxActiveSessionsPerUser(3).build());
        JsonNode auth = body(c).path("authenticationConfiguration");
        assertEquals(7200, auth.path("sessionExpiry").intValue());
        assertEquals(3, auth.path("maxActiveSessionsPerUser").intValue());
        assertEquals(7200, auth.path("oidcConfiguration").path("sessionExpiry").intValue());
        for (OpenMetadataVersion v : List.of(OpenMetadataVersion.V1_10, OpenMetadataVersion.V1_11,
                OpenMetadataVersion.V1_12, OpenMetadataVersion.V1_13)) {
            JsonNode older = body(forVersion(Samples.confidential(), v)).path("authenticationConfiguration");
            assertFalse(older.has("sessionExpiry"), v.label());
            assertFalse(older.has("maxActiveSessionsPerUser"), v.label());
        }
    }

    @Test
    void theOnePointThirteenFieldsAreSentOnlyFromOnePointThirteen() throws Exception {
        SsoConfiguration c = Samples.confidential();
        c = c.withProvider(c.provider().toBuilder().teamClaimMapping("department").defaultOAuthRole("DataConsumer")
                .build());
        JsonNode old = body(forVersion(c, OpenMetadataVersion.V1_12));
        assertFalse(old.path("authenticationConfiguration").has("jwtTeamClaimMapping"));
        assertFalse(old.path("authorizerConfiguration").has("defaultOAuthRole"));
        JsonNode v113 = body(forVersion(c, OpenMetadataVersion.V1_13));
        assertEquals("department", v113.path("authenticationConfiguration").path("jwtTeamClaimMapping").asText());
        assertEquals("DataConsumer", v113.path("authorizerConfiguration").path("defaultOAuthRole").asText());
    }

    @Test
    void aTwoPointZeroBodyBreaksTheOnePointTenSchemaThatIsWhyTheTargetMatters() throws Exception {
        shared();
        String twoZero = JSON.writeValueAsString(body(forVersion(Samples.confidential(), OpenMetadataVersion.V2_0)));
        List<SchemaViolation> v = sharedSchemas.validate(OpenMetadataVersion.SchemaSet.V1_10,
                SchemaDocument.SECURITY_CONFIGURATION, twoZero);
        assertFalse(v.isEmpty());
        assertTrue(v.toString().contains("sessionExpiry"), v.toString());
    }

    @Test
    void theTwoPointZeroSchemaSetRefusesBrokenSessionFields() throws Exception {
        shared();
        ObjectNode b = (ObjectNode) body(forVersion(Samples.confidential(), OpenMetadataVersion.V2_0));
        ((ObjectNode) b.get("authenticationConfiguration")).put("sessionExpiry", 100);
        assertTrue(sharedSchemas.validate(OpenMetadataVersion.SchemaSet.V2_0, SchemaDocument.SECURITY_CONFIGURATION,
                JSON.writeValueAsString(b)).toString().contains("sessionExpiry"));
    }

    @Test
    void fieldsAfterTwoPointZeroAndMissingTwoPointZeroRequirementsAreRefusedForTwoPointZero() throws Exception {
        ObjectNode b = (ObjectNode) body(forVersion(Samples.confidential(), OpenMetadataVersion.V2_0));
        ((ObjectNode) b.get("authenticationConfiguration")).put("emailClaim", "email");
        ((ObjectNode) b.get("authenticationConfiguration")).remove("jwtPrincipalClaims");
        ((ObjectNode) b.get("authorizerConfiguration")).putArray("adminEmails").add("a@example.com");
        // the newest schemas accept all of this ...
        shared();
        assertEquals(List.of(), sharedSchemas.validate(OpenMetadataVersion.SchemaSet.V2_0,
                SchemaDocument.SECURITY_CONFIGURATION, JSON.writeValueAsString(b)));
        // ... a 2.0.x server does not
        String v = TargetFieldRules.check(OpenMetadataVersion.V2_0, b).toString();
        assertTrue(v.contains("emailClaim") && v.contains("adminEmails") && v.contains("jwtPrincipalClaims"), v);
        ObjectNode s = (ObjectNode) body(forVersion(Samples.confidential(), OpenMetadataVersion.V2_0));
        assertTrue(TargetFieldRules.check(OpenMetadataVersion.V1_13, s).toString().contains("sessionExpiry"));
        // worded through the bundle, naming the release the server runs and the one that brought the field
        SchemaViolation session = TargetFieldRules.check(OpenMetadataVersion.V1_13, s).stream()
                .filter(x -> x.path().endsWith(".sessionExpiry")).findFirst().orElseThrow();
        assertEquals("OpenMetadata " + OpenMetadataVersion.V1_13.label() + " does not know this field (it came with "
                + OpenMetadataVersion.V2_0.label() + "): a server of this version refuses the whole configuration",
                dev.ssosetup.testsupport.En.text(session.message()));
    }

    @Test
    void esAlgorithmsAreReadyFromOnePointThirteenOnly() {
        SsoConfiguration c = Samples.confidential();
        c = c.withProvider(c.provider().toBuilder().tokenValidationAlgorithm("ES256").build());
        var check = new ReadinessCheck(new NetworkntSchemaCheck());
        Readiness old = check.evaluate(forVersion(c, OpenMetadataVersion.V1_12));
        assertFalse(old.ready());
        assertTrue(old.errors().stream().anyMatch(p -> p.finding().id().equals("algorithm-unsupported")));
        assertTrue(check.evaluate(forVersion(c, OpenMetadataVersion.V1_13)).ready(),
                check.evaluate(forVersion(c, OpenMetadataVersion.V1_13)).errors().toString());
    }

    @Test
    void aShortSessionLifetimeIsAnErrorForTwoPointZeroOnly() {
        SsoConfiguration c = Samples.confidential();
        c = c.withProvider(c.provider().toBuilder().sessionExpirySeconds(60).build());
        var check = new ReadinessCheck(new NetworkntSchemaCheck());
        assertTrue(check.evaluate(forVersion(c, OpenMetadataVersion.V1_10)).ready());
        assertTrue(check.evaluate(forVersion(c, OpenMetadataVersion.V2_0)).errors().stream()
                .anyMatch(p -> p.finding().id().equals("session-expiry-too-short")));
    }
}

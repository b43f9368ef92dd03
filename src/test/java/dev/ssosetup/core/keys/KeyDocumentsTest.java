package dev.ssosetup.core.keys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.ssosetup.core.task.TaskContext;
import dev.ssosetup.core.text.Messages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rendered documents and values of the keys core, checked against OpenMetadata's schema where one exists. */
class KeyDocumentsTest {
    private static RsaKeyPair pair;
    private static final JwtKeySettings SETTINGS = new JwtKeySettings("/etc/openmetadata/jwtkeys/private_key.der",
            "/etc/openmetadata/jwtkeys/public_key.der", "om.example.com", "3f1c5a0e-8d2b-4c1e-9a7f-0b6d2e4c8a11");

    @BeforeAll
    static void generate() {
        pair = new JwtKeyGenerator().generate(KeySize.RSA_2048, TaskContext.none());
    }

    @Test
    void jwtTokenConfigurationYamlIsValidAgainstOpenMetadatasSchema() throws Exception {
        JsonNode yaml = new YAMLMapper().readTree(KeyDocuments.jwtTokenConfigurationYaml(SETTINGS));
        JsonNode config = yaml.get("jwtTokenConfiguration");
        try (InputStream schemaJson = KeyDocumentsTest.class.getResourceAsStream(
                "/openmetadata/schema/configuration/jwtTokenConfiguration.json")) {
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schemaJson);
            Set<ValidationMessage> errors = schema.validate(config);
            assertTrue(errors.isEmpty(), errors.toString());
        }
        assertEquals(SETTINGS.keyId(), config.get("keyId").asText());
        assertEquals(SETTINGS.privateKeyPath(), config.get("rsaprivateKeyFilePath").asText());
        assertEquals(List.of("RSA_PRIVATE_KEY_FILE_PATH=/etc/openmetadata/jwtkeys/private_key.der",
                "RSA_PUBLIC_KEY_FILE_PATH=/etc/openmetadata/jwtkeys/public_key.der", "JWT_ISSUER=om.example.com",
                "JWT_KEY_ID=" + SETTINGS.keyId()), KeyDocuments.environmentVariables(SETTINGS));
    }

    @Test
    void exportFilesAreRenderedInOrderWithSecretsMarkedAndNothingPrintsKeyMaterial() {
        KeyExport export = new KeyExport("/out", pair, SETTINGS, List.of(),
                KeyPassword.of("password-123".toCharArray()));
        List<ExportFile> files = export.files();
        assertEquals(KeyFileNames.all(true), files.stream().map(ExportFile::name).toList());
        assertEquals(List.of("private_key.der", "private_key.pem"),
                files.stream().filter(ExportFile::secret).map(ExportFile::name).toList());
        assertArrayEquals(pair.privateKey().getEncoded(), files.getFirst().content());
        assertFalse(files.getFirst().toString().contains("MII"));
        assertFalse(pair.toString().contains(pair.privateKey().getPrivateExponent().toString(16).substring(0, 16)));
        assertEquals("<password>", export.pemPassword().toString());
    }

    @Test
    void passwordsMustMatchAndAreWiped() {
        char[] a = "same-password".toCharArray();
        char[] b = "same-passw0rd".toCharArray();
        KeyProblem differ = assertThrows(KeyProblem.class, () -> KeyPassword.confirmed(a, b));
        assertTrue(differ.getMessage().startsWith("Password: the two entries differ"), differ.getMessage());
        assertArrayEquals(new char[a.length], a, "typed password wiped");
        KeyProblem tooShort = assertThrows(KeyProblem.class,
                () -> KeyPassword.confirmed("short".toCharArray(), "short".toCharArray()));
        assertTrue(tooShort.getMessage().contains("at least 8"), tooShort.getMessage());
        KeyPassword ok = KeyPassword.confirmed("long-enough".toCharArray(), "long-enough".toCharArray());
        assertEquals("long-enough", new String(ok.reveal()));
        ok.clear();
        assertArrayEquals(new char[11], ok.reveal());
    }

    @Test
    void settingsProblemsNameTheField() {
        assertEquals(List.of(), KeySettingsCheck.problems(SETTINGS));
        List<String> problems = KeySettingsCheck.problems(new JwtKeySettings("", "x", " ", "a b")).stream()
                .map(Messages.forLocale(Locale.ENGLISH)::text).toList();
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("Key id:") && problems.get(1).startsWith("JWT issuer:")
                && problems.get(2).startsWith("Private key path:"), problems.toString());
    }

    @Test
    void selfTestSignsAnOpenMetadataShapedTokenAndFailsWithAForeignJwks() {
        SigningSelfTest test = new SigningSelfTest(Clock.systemUTC());
        String jwks = KeyEncodings.jwksJson(KeyEncodings.jwkSet(new PublicKeyEntry(SETTINGS.keyId(),
                pair.publicKey()), List.of()));
        SelfTestResult passed = test.run(pair, SETTINGS, jwks);
        assertTrue(passed.passed(), passed.toString());
        for (String claim : List.of("\"iss\":\"om.example.com\"", "\"sub\":\"ingestion-bot\"", "\"email\"",
                "\"isBot\":true", "\"tokenType\":\"BOT\"", "\"iat\"", "\"exp\"")) {
            assertTrue(passed.sampleClaims().contains(claim), claim + " in " + passed.sampleClaims());
        }
        assertTrue(passed.sampleHeader().contains("\"kid\":\"" + SETTINGS.keyId() + "\""), passed.sampleHeader());

        RsaKeyPair other = new JwtKeyGenerator().generate(KeySize.RSA_2048, TaskContext.none());
        String foreign = KeyEncodings.jwksJson(KeyEncodings.jwkSet(new PublicKeyEntry(SETTINGS.keyId(),
                other.publicKey()), List.of()));
        SelfTestResult failed = test.run(pair, SETTINGS, foreign);
        assertFalse(failed.passed());
        assertTrue(failed.checks().stream().anyMatch(c -> !c.passed() && c.name().contains("jwks")), failed.toString());
        assertThrows(KeyProblem.class, () -> new RsaKeyPair(other.publicKey(), pair.privateKey()));
    }
}

package dev.ssosetup.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ssosetup.core.provider.CraftedProvider;
import dev.ssosetup.core.provider.MockIdp;
import dev.ssosetup.infra.net.SelfSignedHttps;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code sso-setup discover} as wired by the composition root: exit codes, text and JSON output. */
class DiscoverCliTest {
    private final CraftedProvider idp = new CraftedProvider();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @AfterEach
    void stop() {
        idp.close();
    }

    private int run(String... args) {
        CommandLine cl = CompositionRoot.forCli().commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of("discover"));
        all.addAll(List.of(args));
        return cl.execute(all.toArray(String[]::new));
    }

    @Test
    void aValidProviderExitsZeroAndPrintsTheFindings() {
        try (MockIdp mock = new MockIdp()) {
            assertEquals(0, run("--issuer", mock.issuer()), err::toString);
            String text = out.toString();
            assertTrue(text.contains("Issuer:     " + mock.issuer()), text);
            assertTrue(text.contains("0 errors"), text);
            assertTrue(text.contains("WARNING  insecure-endpoint"), text);
        }
    }

    @Test
    void jsonHasTheDocumentedShape() throws Exception {
        idp.doc.put("issuer", idp.issuer() + "/");
        assertEquals(1, run("--issuer", idp.issuer(), "--json"));
        JsonNode root = new ObjectMapper().readTree(out.toString());
        assertEquals(List.of("issuer", "discoveryUrl", "findings", "metadata"), fieldNames(root));
        assertEquals(idp.issuer(), root.get("issuer").asText());
        assertEquals(idp.issuer() + "/.well-known/openid-configuration", root.get("discoveryUrl").asText());
        JsonNode first = root.get("findings").get(0);
        assertEquals(List.of("id", "severity", "message", "hint"), fieldNames(first));
        assertEquals("issuer-mismatch", first.get("id").asText());
        assertEquals("error", first.get("severity").asText());
        assertEquals(idp.issuer() + "/jwks", root.get("metadata").get("jwks_uri").asText());
        assertTrue(root.get("metadata").get("response_types_supported").isArray());
    }

    @Test
    void flagsReachTheChecks() throws Exception {
        assertEquals(1, run("--issuer", idp.issuer(), "--scopes", "openid groups", "--alg", "PS256",
                "--claims", "email,upn", "--json"));
        JsonNode findings = new ObjectMapper().readTree(out.toString()).get("findings");
        List<String> ids = new ArrayList<>();
        findings.forEach(f -> ids.add(f.get("id").asText()));
        assertTrue(ids.containsAll(List.of("scope-unsupported", "alg-unsupported", "claim-unsupported")), ids::toString);
    }

    @Test
    void anExplicitDiscoveryUrlIsUsed() {
        assertEquals(1, run("--issuer", idp.issuer(), "--discovery-url", idp.base() + "/nowhere"));
        assertTrue(out.toString().contains("HTTP 404"), out::toString);
    }

    @Test
    void badUsageExitsTwoWithOneLine() {
        assertEquals(2, run());
        assertTrue(err.toString().contains("--issuer"), err::toString);
        assertEquals(2, run("--issuer", "idp.example.com"));
        assertTrue(err.toString().contains("not an http(s) URL"), err::toString);
        assertEquals(2, run("--issuer", idp.issuer(), "--scopes", "email profile"));
        assertTrue(err.toString().contains("openid"), err::toString);
        assertEquals(2, run("--issuer", idp.issuer(), "--alg", "HS256"));
        assertFalse(err.toString().contains("Exception"), err::toString);
    }

    @Test
    void aCaFileThatIsNotPemIsBadUsage(@TempDir Path dir) throws Exception {
        Path pem = dir.resolve("ca.pem");
        Files.writeString(pem, "not a certificate");
        assertEquals(2, run("--issuer", idp.issuer(), "--ca-file", pem.toString()));
        assertTrue(err.toString().contains("PEM"), err::toString);
        assertEquals(2, run("--issuer", idp.issuer(), "--ca-file", dir.resolve("missing.pem").toString()));
        assertTrue(err.toString().contains("cannot read"), err::toString);
    }

    @Test
    void aCaFileMakesAPrivateCaTrusted(@TempDir Path dir) throws Exception {
        try (SelfSignedHttps https = new SelfSignedHttps("{\"issuer\":\"{BASE}\"}")) {
            assertEquals(1, run("--issuer", https.base(), "--json"));
            assertTrue(out.toString().contains("\"tls\""), out::toString);
            out.getBuffer().setLength(0);
            Path pem = dir.resolve("ca.pem");
            Files.write(pem, https.caPem());
            assertEquals(1, run("--issuer", https.base(), "--ca-file", pem.toString(), "--json"));
            JsonNode root = new ObjectMapper().readTree(out.toString());
            assertEquals(https.base(), root.get("metadata").get("issuer").asText(), "fetched over verified TLS");
            assertEquals("missing-metadata", root.get("findings").get(0).get("id").asText());
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

package dev.ssosetup.consumers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.ssosetup.core.config.ConfigurationCheck;
import dev.ssosetup.core.config.DockerEnvRenderer;
import dev.ssosetup.core.config.OutputFormat;
import dev.ssosetup.core.config.RenderOptions;
import dev.ssosetup.core.config.Renderers;
import dev.ssosetup.core.config.Samples;
import dev.ssosetup.core.config.SsoConfiguration;
import dev.ssosetup.core.keys.JwtKeySettings;
import dev.ssosetup.core.provider.ProviderSettings;
import dev.ssosetup.core.text.Messages;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The {@code .env}, proven by its consumer: Docker Compose ({@code docker-compose config}, no daemon needed) resolves
 * the test compose file ({@code compose/compose.yml}: every variable as {@code ${VAR:-default}}, like OpenMetadata's
 * quickstart file) with the rendered file, and the server's environment must then hold exactly the model's values,
 * read the way OpenMetadata reads them. {@code scripts/env.sh} installs {@code docker-compose}; without it the test is
 * skipped with a message, and fails when {@code CI} is set.
 */
class ComposeEnvTest {
    private static final YAMLMapper YAML = new YAMLMapper();
    private static Path composeBinary;
    private final Renderers renderers = new Renderers();

    @TempDir
    Path dir;

    @BeforeAll
    static void findCompose() {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            Path p = Path.of(d, "docker-compose");
            if (Files.isExecutable(p)) {
                composeBinary = p;
                return;
            }
        }
        String message = "docker-compose is not installed (apt-get install docker-compose; ./test.sh and .ci/run "
                + "install it as one of SSC_TEST_PACKAGES in scripts/env.sh)";
        if (System.getenv("CI") != null) {
            fail(message);
        }
        Assumptions.abort("skipped: " + message);
    }

    static List<SsoConfiguration> configurations() {
        // docker-compose 1.29 takes about 4 s to start: a few configurations, each full of odd values
        SsoConfiguration base = Samples.confidential();
        SsoConfiguration v20 = base.withProvider(base.provider().toBuilder()
                .openMetadataVersion(dev.ssosetup.core.provider.OpenMetadataVersion.V2_0)
                .sessionExpirySeconds(86400).maxActiveSessionsPerUser(3).build());
        List<SsoConfiguration> out = new ArrayList<>(List.of(base, Samples.publicClient(),
                OddConfigurations.handWritten(), v20));
        out.addAll(OddConfigurations.random(3, 29));
        return out;
    }

    @ParameterizedTest
    @MethodSource("configurations")
    void composeHandsTheServerExactlyTheModel(SsoConfiguration c) throws Exception {
        Map<String, String> resolved = resolve(c, RenderOptions.withSecret());
        Map<String, String> written = DockerEnvRenderer.variables(c, RenderOptions.withSecret());
        assertEquals(new TreeSet<>(written.keySet()), new TreeSet<>(resolvedNamesWritten(resolved, written)),
                "every variable the renderer writes reaches the container");
        written.forEach((name, text) -> assertEquals(text, resolved.get(name), name + " as compose resolves it"));
        ServerExpectations.assertServerReads(resolved, c, "docker-compose");
        var p = c.provider();
        if (p.openMetadataVersion().has20Fields()) { // OpenMetadata 2.0's session settings reach the server as ints
            assertEquals(p.sessionExpirySeconds(), ServerEnvReading.read(
                    resolved.get(DockerEnvRenderer.SESSION_EXPIRY)).asInt(), "session lifetime");
            assertEquals(p.maxActiveSessionsPerUser(), ServerEnvReading.read(
                    resolved.get(DockerEnvRenderer.MAX_SESSIONS)).asInt(), "sessions per user");
        } else { // a release before 2.0 is never handed a variable it does not know
            assertFalse(written.containsKey(DockerEnvRenderer.SESSION_EXPIRY), written.toString());
            assertFalse(written.containsKey(DockerEnvRenderer.MAX_SESSIONS), written.toString());
        }
        if (c.confidential()) {
            assertEquals(c.provider().clientId().strip(), ServerEnvReading.string("OIDC_CLIENT_ID",
                    resolved.get("OIDC_CLIENT_ID")));
            assertEquals(c.provider().clientSecret().reveal(), ServerEnvReading.string("OIDC_CLIENT_SECRET",
                    resolved.get("OIDC_CLIENT_SECRET")));
        }
    }

    @Test
    void aHostileAdminListIsRefusedAndNeverBecomesASecondLine() throws Exception {
        String hostile = "alice\nAUTHORIZER_ADMIN_PRINCIPALS=[mallory";
        SsoConfiguration c = withAdmins(Samples.confidential(), List.of("admin", hostile));
        assertTrue(new ConfigurationCheck().check(c).stream().anyMatch(p -> p.isError()
                && p.finding().id().equals("line-break") && dev.ssosetup.testsupport.En.text(p.finding().message()).startsWith("Admin principals")),
                "the check refuses it, naming the field");
        String env = renderers.render(OutputFormat.ENV, c, RenderOptions.withoutSecret()).text();
        assertEquals(1, env.lines().filter(l -> l.startsWith("AUTHORIZER_ADMIN_PRINCIPALS=")).count(), env);
        assertTrue(env.lines().noneMatch(l -> l.startsWith("[mallory") || l.startsWith("mallory")), env);
        // and what the renderer wrote, compose and the server read as the (refused) value, not as mallory an admin
        Map<String, String> resolved = resolve(c, RenderOptions.withoutSecret());
        assertEquals(List.of("admin", hostile), ServerEnvReading.list("admins",
                resolved.get("AUTHORIZER_ADMIN_PRINCIPALS")));
    }

    @Test
    void theVolumesSnippetMountsTheNewKeysWhereThePathsPoint() throws Exception {
        SsoConfiguration base = Samples.confidential();
        SsoConfiguration c = new SsoConfiguration(base.provider(), base.authorizerOptions(), new JwtKeySettings(
                "/etc/openmetadata/jwtkeys/private_key.der", "/etc/openmetadata/jwtkeys/public_key.der",
                base.keys().issuer(), base.keys().keyId()), base.idpJwksUri());
        String env = renderers.render(OutputFormat.ENV, c, RenderOptions.withoutSecret()).text();
        List<String> snippet = env.lines().filter(l -> l.startsWith("#   volumes:") || l.startsWith("#     - "))
                .map(l -> "  " + l.substring(2)).toList();
        assertEquals(3, snippet.size(), env);
        Path compose = dir.resolve("compose-with-keys.yml");
        Files.writeString(compose, Files.readString(composeFile(), StandardCharsets.UTF_8) + String.join("\n", snippet)
                + "\n", StandardCharsets.UTF_8);
        JsonNode service = config(c, RenderOptions.withoutSecret(), compose);
        Map<String, String> targets = new LinkedHashMap<>();
        for (JsonNode v : service.path("volumes")) {
            if (v.isTextual()) {
                String[] parts = v.asText().split(":");
                targets.put(parts[1], parts[0]);
            } else {
                targets.put(v.path("target").asText(), v.path("source").asText());
            }
        }
        Map<String, String> resolved = environment(service);
        for (String var : List.of("RSA_PRIVATE_KEY_FILE_PATH", "RSA_PUBLIC_KEY_FILE_PATH")) {
            String path = ServerEnvReading.string(var, resolved.get(var));
            assertTrue(targets.containsKey(path), var + " " + path + " is a mount target: " + targets);
            assertTrue(targets.get(path).endsWith("/jwtkeys/" + path.substring(path.lastIndexOf('/') + 1)),
                    targets.toString());
        }
    }

    /**
     * In German the comment lines change (umlauts, colons, {@code ${NAME}} and {@code #} in the text) and nothing
     * else: compose hands the server the model.
     */
    @Test
    void aGermanEnvHandsTheServerTheSameModel() throws Exception {
        Messages german = Messages.forLocale(Locale.GERMAN);
        SsoConfiguration base = Samples.confidential();
        SsoConfiguration v20 = base.withProvider(base.provider().toBuilder()
                .openMetadataVersion(dev.ssosetup.core.provider.OpenMetadataVersion.V2_0).build());
        for (SsoConfiguration c : List.of(v20, Samples.publicClient())) {
            RenderOptions options = RenderOptions.withSecret().withMessages(german);
            String env = renderers.render(OutputFormat.ENV, c, options).text();
            assertTrue(env.lines().filter(l -> l.startsWith("#")).anyMatch(l -> l.matches(".*[äöüÄÖÜß].*")),
                    "the German comments have umlauts: " + env);
            assertTrue(env.contains("# " + german.get("output.env.keys").lines().findFirst().orElseThrow()), env);
            assertEquals(renderers.render(OutputFormat.ENV, c, RenderOptions.withSecret()).text().lines()
                    .filter(l -> !l.startsWith("#")).toList(), env.lines().filter(l -> !l.startsWith("#")).toList(),
                    "only the comments differ");
            Map<String, String> resolved = resolve(c, options);
            DockerEnvRenderer.variables(c, options).forEach((name, text) ->
                    assertEquals(text, resolved.get(name), name + " as compose resolves it"));
            ServerExpectations.assertServerReads(resolved, c, "docker-compose, German comments");
        }
    }

    private static List<String> resolvedNamesWritten(Map<String, String> resolved, Map<String, String> written) {
        return resolved.keySet().stream().filter(written::containsKey).toList();
    }

    private Map<String, String> resolve(SsoConfiguration c, RenderOptions options) throws Exception {
        return environment(config(c, options, composeFile()));
    }

    /** The openmetadata-server service as {@code docker-compose config} resolves it with the rendered .env. */
    private JsonNode config(SsoConfiguration c, RenderOptions options, Path compose) throws Exception {
        Path envFile = dir.resolve("openmetadata-sso.env");
        Files.writeString(envFile, renderers.render(OutputFormat.ENV, c, options).text(), StandardCharsets.UTF_8);
        ProcessBuilder pb = new ProcessBuilder(composeBinary.toString(), "--env-file", envFile.toString(),
                "-f", compose.toString(), "config").directory(dir.toFile());
        // only the .env may feed the interpolation: nothing from the environment Maven runs in
        pb.environment().clear();
        pb.environment().put("PATH", "/usr/local/bin:/usr/bin:/bin");
        pb.environment().put("HOME", dir.toString());
        pb.environment().put("LANG", "C.UTF-8");
        Path out = dir.resolve("config.out");
        Path err = dir.resolve("config.err");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process process = pb.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("docker-compose config did not finish in 120 s");
        }
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), "docker-compose config refused the .env:\n"
                + Files.readString(err, StandardCharsets.UTF_8));
        JsonNode service = YAML.readTree(stdout).path("services").path("openmetadata-server");
        assertFalse(service.isMissingNode(), stdout);
        return service;
    }

    private static Map<String, String> environment(JsonNode service) {
        JsonNode environment = service.path("environment");
        assertFalse(environment.isMissingNode(), service.toString());
        Map<String, String> env = new LinkedHashMap<>();
        // `config` prints a compose file again, where a literal $ is written $$
        environment.properties().forEach(e -> env.put(e.getKey(), e.getValue().asText().replace("$$", "$")));
        return env;
    }

    private static Path composeFile() throws IOException, URISyntaxException {
        var url = ComposeEnvTest.class.getResource("/compose/compose.yml");
        if (url == null) {
            throw new IOException("missing test resource /compose/compose.yml");
        }
        return Path.of(url.toURI());
    }

    private static SsoConfiguration withAdmins(SsoConfiguration c, List<String> admins) {
        ProviderSettings p = c.provider();
        return c.withProvider(p.toBuilder().adminPrincipals(admins).build());
    }
}

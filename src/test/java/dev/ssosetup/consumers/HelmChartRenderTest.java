package dev.ssosetup.consumers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import dev.ssosetup.core.text.Messages;
import dev.ssosetup.core.config.HelmChartVersion;
import dev.ssosetup.core.config.HelmValuesRenderer;
import dev.ssosetup.core.config.OutputFormat;
import dev.ssosetup.core.config.RenderOptions;
import dev.ssosetup.core.config.Renderers;
import dev.ssosetup.core.config.Samples;
import dev.ssosetup.core.config.SsoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The Helm values, proven by their consumer: OpenMetadata's own {@code openmetadata} chart (from {@code ../shared},
 * every known version) rendered by a real Helm engine (helm-java, Helm's native library). The chart's
 * {@code values.schema.json} must accept the values, and the rendered Secrets and Deployment must hand the server every
 * SSO variable with the value the model says, read the way the server reads it ({@link ServerEnvReading}).
 */
class HelmChartRenderTest {
    private static final YAMLMapper YAML = new YAMLMapper();
    private final Renderers renderers = new Renderers();

    @TempDir
    Path dir;

    static Stream<Arguments> samplesByChart() {
        List<Arguments> out = new ArrayList<>();
        for (HelmChartVersion v : HelmChartVersion.values()) {
            out.add(Arguments.of(v, "confidential", Samples.confidential()));
            out.add(Arguments.of(v, "public", Samples.publicClient()));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{1} on chart {0}")
    @MethodSource("samplesByChart")
    void theSampleRendersWithTheRealChart(HelmChartVersion version, String name, SsoConfiguration c)
            throws Exception {
        assertServerGetsTheModel(c, version);
    }

    static Stream<Arguments> oddByChart() {
        List<Arguments> out = new ArrayList<>();
        List<SsoConfiguration> odd = new ArrayList<>(List.of(OddConfigurations.handWritten()));
        odd.addAll(OddConfigurations.random(4, 17));
        for (int i = 0; i < odd.size(); i++) {
            // each variation against one chart in turn (all four charts share the SSO part of their schema)
            HelmChartVersion v = HelmChartVersion.values()[i % HelmChartVersion.values().length];
            out.add(Arguments.of(v, i, odd.get(i)));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "odd values #{1} on chart {0}")
    @MethodSource("oddByChart")
    void oddValuesAndListsReachTheServerUnchanged(HelmChartVersion version, int index, SsoConfiguration c)
            throws Exception {
        assertServerGetsTheModel(c, version);
    }

    @Test
    void theChartRefusesWhatTheOldRendererWrote() throws Exception {
        // the consumer can fail: the keys and types the chart's schema refuses are refused by this engine
        Path chart = chart(HelmChartVersion.newest());
        String values = renderers.render(OutputFormat.HELM, Samples.confidential(), RenderOptions.withoutSecret())
                .text().replace("allowedEmailRegistrationDomains:", "allowedRegistrationDomains:")
                .replace("useNonce: true", "useNonce: \"true\"");
        Path file = dir.resolve("old-values.yaml");
        Files.writeString(file, values, StandardCharsets.UTF_8);
        Exception e = assertThrows(Exception.class,
                () -> new Helm(chart).template().withName("openmetadata").withValuesFile(file).call());
        assertTrue(e.getMessage().contains("allowedRegistrationDomains"), e.getMessage());
        assertTrue(e.getMessage().contains("useNonce"), e.getMessage());
    }

    @Test
    void theHelmTabNamesTheChartVersionItTargetsAndTheOnesItWasCheckedAgainst() {
        String text = renderers.render(OutputFormat.HELM, Samples.confidential(),
                RenderOptions.withoutSecret().withHelmChart(HelmChartVersion.V1_11_13)).text();
        assertTrue(text.contains("--version 1.11.13 -f values.yaml"), text);
        assertTrue(text.contains(HelmChartVersion.knownList()), text);
    }

    /** In German the comment lines change (umlauts, colons) and nothing else: the chart gives the server the model. */
    @Test
    void germanValuesRenderWithTheRealChart() throws Exception {
        Messages german = Messages.forLocale(Locale.GERMAN);
        for (SsoConfiguration c : List.of(Samples.confidential(), Samples.publicClient(),
                OddConfigurations.handWritten())) {
            String values = assertServerGetsTheModel(c, HelmChartVersion.newest(), german);
            assertTrue(values.contains("# " + german.get("output.helm.secrets")), values);
            assertTrue(values.lines().takeWhile(l -> l.startsWith("#")).anyMatch(l -> l.matches(".*[äöüÄÖÜß].*")),
                    "the German comments have umlauts: " + values);
            assertEquals(YAML.readTree(renderers.render(OutputFormat.HELM, c, RenderOptions.withoutSecret()).text()),
                    YAML.readTree(values), "the same values as the English file");
        }
    }

    private void assertServerGetsTheModel(SsoConfiguration c, HelmChartVersion version) throws Exception {
        assertServerGetsTheModel(c, version, Messages.forLocale(Locale.ENGLISH));
    }

    private String assertServerGetsTheModel(SsoConfiguration c, HelmChartVersion version, Messages language)
            throws Exception {
        String values = renderers.render(OutputFormat.HELM, c, RenderOptions.withoutSecret().withHelmChart(version)
                .withMessages(language)).text();
        Path file = dir.resolve("values-" + version.text() + ".yaml");
        Files.writeString(file, values, StandardCharsets.UTF_8);
        String manifests;
        try {
            manifests = new Helm(chart(version)).template().withName("openmetadata").withValuesFile(file).call();
        } catch (IllegalStateException e) {
            fail("helm template with chart " + version.text() + " refused the values:\n" + e.getMessage()
                    + "\n--- values ---\n" + values);
            return values;
        }
        Rendered r = Rendered.of(manifests);
        ServerExpectations.assertServerReads(r.env, c, "chart " + version.text());
        assertString(r.env, "OIDC_OM_REFRESH_TOKEN_VALIDITY", c.confidential() ? "3600" : null);
        if (c.confidential()) {
            // client id and secret come from the Kubernetes secret the header tells the operator to create
            assertEquals(HelmValuesRenderer.OIDC_SECRET_NAME + "/" + HelmValuesRenderer.CLIENT_SECRET_KEY,
                    r.secretRefs.get("OIDC_CLIENT_SECRET"), "OIDC_CLIENT_SECRET comes from the secret");
            assertEquals(HelmValuesRenderer.OIDC_SECRET_NAME + "/" + HelmValuesRenderer.CLIENT_ID_KEY,
                    r.secretRefs.get("OIDC_CLIENT_ID"), "OIDC_CLIENT_ID comes from the secret");
            assertTrue(values.contains("kubectl create secret generic " + HelmValuesRenderer.OIDC_SECRET_NAME),
                    "the header says how to create " + HelmValuesRenderer.OIDC_SECRET_NAME);
            assertTrue(values.contains("--from-file=" + HelmValuesRenderer.CLIENT_SECRET_KEY + "="), values);
            assertFalse(manifests.contains(Samples.SECRET), "the client secret never reaches the values");
        } else {
            assertTrue(r.env.keySet().stream().noneMatch(k -> k.startsWith("OIDC_")), "public: " + r.env.keySet());
        }
        Map<String, String> env = r.env;

        // the new key files: the secret named in the header, mounted where jwtTokenConfiguration points
        String mount = r.mounts.get(r.volumeOfSecret.get(HelmValuesRenderer.JWT_SECRET_NAME));
        assertNotNull(mount, "the Deployment mounts the secret " + HelmValuesRenderer.JWT_SECRET_NAME);
        assertEquals(mount + "/private_key.der", ServerEnvReading.string("RSA_PRIVATE_KEY_FILE_PATH",
                env.get("RSA_PRIVATE_KEY_FILE_PATH")));
        assertEquals(mount + "/public_key.der", ServerEnvReading.string("RSA_PUBLIC_KEY_FILE_PATH",
                env.get("RSA_PUBLIC_KEY_FILE_PATH")));
        assertTrue(values.contains("kubectl create secret generic " + HelmValuesRenderer.JWT_SECRET_NAME), values);
        return values;
    }

    private static void assertString(Map<String, String> env, String name, String expected) {
        if (expected == null) {
            assertFalse(env.containsKey(name), name + " is set");
            return;
        }
        assertTrue(env.containsKey(name), name + " is not set; set: " + env.keySet());
        assertEquals(expected, ServerEnvReading.string(name, env.get(name)), name);
    }

    private static Path chart(HelmChartVersion v) {
        return SharedDir.require("helm/openmetadata-" + v.text());
    }

    /** The server container's environment as the chart renders it: envFrom Secrets (decoded) and env. */
    private record Rendered(Map<String, String> env, Map<String, String> secretRefs, Map<String, String> mounts,
                            Map<String, String> volumeOfSecret) {
        static Rendered of(String manifests) throws Exception {
            Map<String, Map<String, String>> secrets = new HashMap<>();
            JsonNode deployment = null;
            try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(manifests)) {
                while (docs.hasNext()) {
                    JsonNode d = docs.next();
                    if (d == null || !d.has("kind")) {
                        continue;
                    }
                    String kind = d.get("kind").asText();
                    String name = d.path("metadata").path("name").asText();
                    if (kind.equals("Secret")) {
                        Map<String, String> data = new LinkedHashMap<>();
                        d.path("data").properties().forEach(e -> data.put(e.getKey(), new String(
                                Base64.getDecoder().decode(e.getValue().asText()), StandardCharsets.UTF_8)));
                        secrets.put(name, data);
                    } else if (kind.equals("Deployment") && name.equals("openmetadata")) {
                        deployment = d;
                    }
                }
            }
            assertNotNull(deployment, "the chart renders the openmetadata Deployment");
            JsonNode pod = deployment.path("spec").path("template").path("spec");
            JsonNode container = null;
            for (JsonNode ct : pod.path("containers")) {
                if (ct.path("name").asText().equals("openmetadata")) {
                    container = ct;
                }
            }
            assertNotNull(container, "the Deployment has the openmetadata container");
            Map<String, String> env = new LinkedHashMap<>();
            Map<String, String> refs = new LinkedHashMap<>();
            for (JsonNode from : container.path("envFrom")) {
                String secret = from.path("secretRef").path("name").asText();
                env.putAll(secrets.getOrDefault(secret, Map.of()));
            }
            for (JsonNode e : container.path("env")) {
                String name = e.path("name").asText();
                if (e.has("value")) {
                    env.put(name, e.get("value").asText());
                } else if (e.path("valueFrom").has("secretKeyRef")) {
                    JsonNode ref = e.path("valueFrom").path("secretKeyRef");
                    refs.put(name, ref.path("name").asText() + "/" + ref.path("key").asText());
                }
            }
            Map<String, String> mounts = new HashMap<>();
            for (JsonNode m : container.path("volumeMounts")) {
                mounts.put(m.path("name").asText(), m.path("mountPath").asText());
            }
            Map<String, String> volumes = new HashMap<>();
            for (JsonNode v : pod.path("volumes")) {
                if (v.has("secret")) {
                    volumes.put(v.path("secret").path("secretName").asText(), v.path("name").asText());
                }
            }
            return new Rendered(env, refs, mounts, volumes);
        }
    }
}

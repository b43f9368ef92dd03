package dev.ssosetup.core.push;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.ssosetup.core.common.Secret;
import dev.ssosetup.core.net.HttpExchange;
import dev.ssosetup.core.task.TaskContext;
import dev.ssosetup.infra.net.JdkHttpGateway;
import dev.ssosetup.infra.push.FileBackupStore;
import dev.ssosetup.testserver.OpenMetadataTestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import dev.ssosetup.testsupport.En;
import dev.ssosetup.testserver.PushServers;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.ssosetup.testserver.PushFixture.ADMIN_TOKEN;
import static dev.ssosetup.testserver.PushFixture.CLIENT_SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 15 (items 3, 4, 7, 12) in the core flow against the OpenMetadata test server. */
class PushHardeningTest {
    private static final String PUT = "PUT " + OpenMetadataTestServer.CONFIG;
    private static final String LDAP_PASSWORD = "canary-ldap-password-93ad01";
    private static final String LDAP_PATH = "authenticationConfiguration.ldapConfiguration.dnAdminPassword";
    private static final LockoutGuard.Decision ALLOWED = new LockoutGuard.Decision(true, dev.ssosetup.core.text.Text.of("push.guard.confirmed"));
    @RegisterExtension
    static final PushServers fx = new PushServers();
    @TempDir
    Path backups;
    private final List<StepReport> reported = new ArrayList<>();
    private PushService service;
    private OpenMetadataClient client;

    @BeforeEach
    void reset() {
        fx.om.version("1.10.4");
        service = new PushService(new FileBackupStore(backups), Clock.systemUTC());
        client = new OpenMetadataClient(JdkHttpGateway.create(), ServerAddress.parse(fx.om.baseUrl()),
                Secret.of(ADMIN_TOKEN), HttpExchange.Limits.DEFAULT);
    }

    private Plan plan(ObjectNode body) {
        return service.plan(client, new DesiredConfiguration(body, Secret.of(CLIENT_SECRET)), TaskContext.none(),
                reported::add);
    }

    // ---- item 3: a change on the server between plan and apply is never overwritten

    @Test
    void aChangeOnTheServerAfterThePlanStopsTheApplyWithTheNewDiff() throws IOException {
        Plan plan = plan(fx.confidentialBody());
        assertTrue(plan.readyToApply(), () -> plan.steps().toString());
        ObjectNode someoneElse = fx.om.basicConfiguration();
        ((ObjectNode) someoneElse.path("authorizerConfiguration")).putArray("adminPrincipals").add("admin")
                .add("alice");
        fx.om.store(someoneElse);

        ApplyResult result = service.apply(client, plan, ALLOWED, TaskContext.none(), reported::add);

        assertEquals(ApplyResult.Outcome.FAILED, result.outcome());
        PushFailure failure = result.failure().orElseThrow();
        assertEquals(PushException.Kind.CHANGED_SINCE_READ, failure.kind());
        assertEquals(ServerState.UNCHANGED, result.serverState());
        assertTrue(En.text(failure.text()).contains("changed since the plan"), En.text(failure.text()));
        assertTrue(En.text(failure.text()).contains("authorizerConfiguration.adminPrincipals: [\"admin\"] -> "
                + "[\"admin\",\"alice\"]"), En.text(failure.text()));
        assertEquals(0, fx.om.count(PUT), "the other change was not overwritten");
        assertEquals(someoneElse, fx.om.stored());
        try (Stream<Path> files = Files.list(backups)) {
            assertEquals(0, files.count(), "no backup of a configuration the push did not replace");
        }
    }

    @Test
    void theBackupIsTheConfigurationThePutReplaces() throws Exception {
        ObjectNode before = fx.om.basicConfiguration();
        Plan plan = plan(fx.confidentialBody());
        ApplyResult result = service.apply(client, plan, ALLOWED, TaskContext.none(), reported::add);
        assertEquals(ApplyResult.Outcome.APPLIED_AND_VERIFIED, result.outcome(), () -> result.steps().toString());
        assertEquals(3, fx.om.count("GET " + OpenMetadataTestServer.CONFIG),
                "read at plan time, again right before the PUT, and once to verify");
        Backup saved = new FileBackupStore(backups).load(result.backup().orElseThrow().backupFile());
        assertEquals(before, saved.configuration());
    }

    // ---- item 4: no masked secret is ever sent back

    private ObjectNode withLdap(ObjectNode config, String password) {
        ObjectNode ldap = ((ObjectNode) config.path("authenticationConfiguration")).putObject("ldapConfiguration");
        ldap.put("host", "ldap.example.com").put("port", 636).put("dnAdminPrincipal", "cn=admin,dc=example,dc=com")
                .put("dnAdminPassword", password).put("userBaseDN", "ou=people,dc=example,dc=com")
                .put("mailAttributeName", "mail");
        return config;
    }

    @Test
    void aBackupWithAMaskedLdapPasswordIsRefusedNamingTheFieldUnlessTheRealValueIsGiven() throws Exception {
        fx.om.store(withLdap(fx.om.basicConfiguration(), LDAP_PASSWORD));
        ObjectNode live = client.readConfig();
        assertEquals(OpenMetadataTestServer.MASK, live.at("/authenticationConfiguration/ldapConfiguration/"
                + "dnAdminPassword").asText(), "the server masks the LDAP password");
        Backup backup = Backup.of(live, Instant.now(), fx.om.baseUrl(), "1.10.4");
        fx.om.store(fx.om.basicConfiguration());

        Plan refused = service.planRestore(client, backup, Secret.empty(), Map.of(), TaskContext.none(),
                reported::add);
        assertFalse(refused.readyToApply());
        List<FieldIssue> issues = refused.validation().orElseThrow().issues();
        assertEquals(LDAP_PATH, issues.getFirst().field(), issues::toString);
        assertTrue(En.text(issues.getFirst().error()).contains("mask"), issues::toString);
        assertEquals(0, fx.om.count(PUT));
        assertEquals(0, fx.om.count("POST " + OpenMetadataTestServer.VALIDATE), "refused before the server sees it");

        Plan restore = service.planRestore(client, backup, Secret.empty(), Map.of(LDAP_PATH, Secret.of(LDAP_PASSWORD)),
                TaskContext.none(), reported::add);
        assertTrue(restore.readyToApply(), () -> restore.steps().toString());
        assertTrue(restore.diff().orElseThrow().lines().stream().noneMatch(l -> String.valueOf(l).contains(LDAP_PASSWORD)));
        ApplyResult result = service.apply(client, restore, ALLOWED, TaskContext.none(), reported::add);
        assertTrue(result.outcome() != ApplyResult.Outcome.FAILED, () -> result.steps().toString());
        assertEquals(LDAP_PASSWORD, fx.om.stored().at("/authenticationConfiguration/ldapConfiguration/"
                + "dnAdminPassword").asText());
    }

    @Test
    void aPushWithAnyMaskedSecretIsRefusedNamingTheField() {
        ObjectNode body = withLdap(fx.confidentialBody(), "*********");
        Plan plan = plan(body);
        assertFalse(plan.readyToApply());
        assertEquals(LDAP_PATH, plan.validation().orElseThrow().issues().getFirst().field());
    }

    @Test
    void maskedPathsFindEverySecretField() {
        ObjectNode body = withLdap(fx.confidentialBody(), "****");
        ((ObjectNode) body.at("/authenticationConfiguration/oidcConfiguration")).put("secret", "*********");
        ((ObjectNode) body.path("authenticationConfiguration")).putObject("samlConfiguration").putObject("sp")
                .put("spPrivateKey", "*****");
        assertEquals(List.of("authenticationConfiguration.ldapConfiguration.dnAdminPassword",
                "authenticationConfiguration.oidcConfiguration.secret",
                "authenticationConfiguration.samlConfiguration.sp.spPrivateKey"),
                SecretFields.maskedPaths(body).stream().sorted().toList());
    }

    // ---- item 12: a server message that echoes a secret of the body is cleaned

    @Test
    void aServerThatEchoesTheClientSecretOrAnLdapPasswordNeverShowsIt() throws IOException {
        HttpServer echo = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        ObjectMapper json = new ObjectMapper();
        echo.createContext("/", ex -> {
            byte[] in = ex.getRequestBody().readAllBytes();
            String path = ex.getRequestURI().getPath();
            String answer;
            int status = 200;
            if (path.endsWith("/system/version")) {
                answer = "{\"version\":\"1.10.4\"}";
            } else if (path.endsWith("/security/config") && ex.getRequestMethod().equals("GET")) {
                answer = json.writeValueAsString(fx.om.basicConfiguration());
            } else {
                // a careless server: repeats the whole body it got in its error
                String got = new String(in, StandardCharsets.UTF_8);
                status = 400;
                answer = json.writeValueAsString(json.createObjectNode().put("status", "failed")
                        .put("message", "refused " + got).set("errors", json.createArrayNode().add(
                                json.createObjectNode().put("field", "authenticationConfiguration")
                                        .put("error", "bad body " + got))));
            }
            byte[] out = answer.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(status, out.length);
            ex.getResponseBody().write(out);
            ex.close();
        });
        echo.start();
        try {
            OpenMetadataClient careless = new OpenMetadataClient(JdkHttpGateway.create(),
                    ServerAddress.parse("http://127.0.0.1:" + echo.getAddress().getPort()), Secret.of(ADMIN_TOKEN),
                    HttpExchange.Limits.DEFAULT);
            ObjectNode body = withLdap(fx.confidentialBody(), LDAP_PASSWORD);
            Plan plan = service.plan(careless, new DesiredConfiguration(body, Secret.of(CLIENT_SECRET)),
                    TaskContext.none(), reported::add);
            assertFalse(plan.readyToApply());
            StringBuilder all = new StringBuilder();
            plan.steps().forEach(s -> all.append(s.line(En.MESSAGES)).append('\n'));
            plan.validation().ifPresent(v -> v.issues().forEach(i -> all.append(En.text(i.error())).append('\n')));
            assertTrue(all.toString().contains("bad body"), "positive control: the echo arrived\n" + all);
            assertFalse(all.toString().contains(CLIENT_SECRET), all::toString);
            assertFalse(all.toString().contains(LDAP_PASSWORD), all::toString);
            ApplyResult put = service.apply(careless, planReadyFor(careless, body), ALLOWED, TaskContext.none(),
                    reported::add);
            String text = En.text(put.failure().orElseThrow().text()) + put.failure().orElseThrow().issues() + put.steps();
            assertTrue(text.contains("refused"), text);
            assertFalse(text.contains(CLIENT_SECRET), text);
            assertFalse(text.contains(LDAP_PASSWORD), text);
        } finally {
            echo.stop(0);
        }
    }

    /** A plan that passed (built directly: the careless server refuses every validation). */
    private Plan planReadyFor(OpenMetadataClient careless, ObjectNode body) {
        ObjectNode toSend = SecretFields.withClientSecret(body, Secret.of(CLIENT_SECRET));
        ObjectNode live = fx.om.basicConfiguration();
        return new Plan(careless.server(), ServerVersion.parse("1.10.4"), live, toSend, ConfigDiff.between(live,
                toSend), new ValidationReport(true, List.of()), List.of(), null);
    }
}

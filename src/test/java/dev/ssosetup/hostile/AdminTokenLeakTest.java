package dev.ssosetup.hostile;

import dev.ssosetup.app.CompositionRootAccess;
import dev.ssosetup.core.common.Secret;
import dev.ssosetup.core.net.HttpExchange;
import dev.ssosetup.core.net.HttpFailure;
import dev.ssosetup.core.push.AdminToken;
import dev.ssosetup.core.push.OpenMetadataClient;
import dev.ssosetup.core.push.PushException;
import dev.ssosetup.core.push.ServerAddress;
import dev.ssosetup.infra.net.JdkHttpGateway;
import dev.ssosetup.testserver.OpenMetadataTestServer;
import dev.ssosetup.testserver.PushFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.ssosetup.testserver.PushFixture.ADMIN_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15, item 1: a token file with a byte-order mark, a line break, a NUL, a space or a non-ASCII character inside
 * never brings the token into any output or exception text: token files are read strictly (one BOM and one trailing
 * line break removed, anything else not visible ASCII refused with the offset), and the HTTP gateway turns a header
 * the JDK refuses into a message without the value.
 */
class AdminTokenLeakTest {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static PushFixture fx;
    private final Canaries canaries = new Canaries().add("admin token", ADMIN_TOKEN);
    private final Map<String, String> seen = new LinkedHashMap<>();
    private LeakCapture capture;
    @TempDir
    Path dir;

    @BeforeAll
    static void servers() {
        fx = new PushFixture();
    }

    @AfterAll
    static void stopServers() {
        fx.close();
    }

    @BeforeEach
    void start() {
        fx.om.clearFaults();
        fx.om.store(fx.om.basicConfiguration());
        capture = new LeakCapture();
    }

    @AfterEach
    void stop() {
        capture.close();
    }

    /** Token files that are refused: the bad byte's offset, the token itself never shown. */
    static Map<String, byte[]> refusedTokenFiles() {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("carriage return inside", bytes(ADMIN_TOKEN + "\rX"));
        m.put("line break inside", bytes(ADMIN_TOKEN + "\nsecond line\n"));
        m.put("NUL", bytes(ADMIN_TOKEN + "\0"));
        m.put("space inside", bytes(ADMIN_TOKEN + " x"));
        m.put("leading space", bytes(" " + ADMIN_TOKEN));
        m.put("non-ASCII", bytes(ADMIN_TOKEN + "é"));
        m.put("byte-order mark inside", concat(bytes(ADMIN_TOKEN), BOM));
        m.put("two byte-order marks", concat(BOM, concat(BOM, bytes(ADMIN_TOKEN))));
        m.put("two trailing line breaks", bytes(ADMIN_TOKEN + "\n\n"));
        return m;
    }

    private int cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = CompositionRootAccess.cli();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        seen.put("out of " + String.join(" ", args), out.toString());
        seen.put("err of " + String.join(" ", args), err.toString());
        return code;
    }

    private String err(String... args) {
        return seen.get("err of " + String.join(" ", args));
    }

    @Test
    void aTokenFileWithAByteOrderMarkOrATrailingLineBreakWorks() throws Exception {
        Path config = Files.writeString(dir.resolve("config.json"), fx.publicBody().toString());
        for (byte[] content : List.of(concat(BOM, bytes(ADMIN_TOKEN)), concat(BOM, bytes(ADMIN_TOKEN + "\r\n")),
                bytes(ADMIN_TOKEN + "\n"))) {
            Path token = Files.write(dir.resolve("token"), content);
            assertEquals(0, cli("push", "--server", fx.om.baseUrl(), "--token-file", token.toString(), "--config",
                    config.toString(), "--dry-run"), seen::toString);
        }
        assertTrue(fx.om.authorizationHeaders().stream().allMatch(h -> h.equals("Bearer " + ADMIN_TOKEN)),
                "the server got the token without the byte-order mark or line break");
        assertNoLeak();
    }

    @Test
    void pushAndRestoreRefuseABadTokenFileByOffsetWithoutShowingIt() throws Exception {
        Path config = Files.writeString(dir.resolve("config.json"), fx.publicBody().toString());
        Path backup = Files.write(dir.resolve("backup.json"), dev.ssosetup.core.push.Backup.of(fx.publicBody(),
                java.time.Instant.now(), fx.om.baseUrl(), "1.10.4").toJson());
        for (var e : refusedTokenFiles().entrySet()) {
            Path token = Files.write(dir.resolve("token-" + e.getKey().replace(' ', '-')), e.getValue());
            String[] push = {"push", "--server", fx.om.baseUrl(), "--token-file", token.toString(), "--config",
                    config.toString(), "--dry-run"};
            assertEquals(2, cli(push), e.getKey() + ": " + seen);
            assertTrue(err(push).contains("--token-file " + token) && err(push).contains("offset"),
                    e.getKey() + ": " + err(push));
            String[] restore = {"restore", "--server", fx.om.baseUrl(), "--token-file", token.toString(),
                    "--backup", backup.toString(), "--yes"};
            assertEquals(2, cli(restore), e.getKey() + ": " + seen);
            assertTrue(err(restore).contains("--token-file " + token) && err(restore).contains("offset"),
                    e.getKey() + ": " + err(restore));
        }
        assertEquals(0, fx.om.count("GET " + OpenMetadataTestServer.CONFIG), "no request with a refused token");
        assertNoLeak();
    }

    @Test
    void theOffsetAndTheKindOfCharacterAreNamed() {
        var e = assertThrows(AdminToken.InvalidTokenException.class,
                () -> AdminToken.fromBytes(concat(BOM, bytes("abc\0def")), "--token-file t"));
        assertEquals(6, e.offset());
        assertTrue(e.getMessage().startsWith("--token-file t: the byte at offset 6 is a NUL byte"), e.getMessage());
        assertFalse(e.getMessage().contains("abc"), e.getMessage());
        assertEquals("abc", AdminToken.fromBytes(concat(BOM, bytes("abc\r\n")), "t").reveal());
        assertEquals("abc", AdminToken.fromText("  abc\n", "t").reveal());
        assertThrows(AdminToken.InvalidTokenException.class, () -> AdminToken.fromBytes(BOM, "t"));
        assertThrows(AdminToken.InvalidTokenException.class, () -> AdminToken.fromText("a\u00a0b", "t"));
    }

    /** Defence in depth: a header value the JDK refuses never reaches a message, whoever built it. */
    @Test
    void theGatewayTurnsARefusedHeaderIntoAFailureWithoutTheValue() {
        JdkHttpGateway gateway = JdkHttpGateway.create();
        List<String> messages = new ArrayList<>();
        for (String bad : List.of("\uFEFF" + ADMIN_TOKEN, ADMIN_TOKEN + "\r\nX-Injected: 1", ADMIN_TOKEN + "\0",
                ADMIN_TOKEN + "\n")) {
            HttpExchange.Request request = HttpExchange.Request.get(URI.create(fx.om.baseUrl() + "/api/v1/x"))
                    .withHeader("Authorization", "Bearer " + bad);
            HttpFailure f = assertThrows(HttpFailure.class, () -> gateway.send(request));
            assertEquals(HttpFailure.Kind.BAD_REQUEST, f.kind());
            assertTrue(f.getMessage().contains("Authorization"), f.getMessage());
            messages.add(f.getMessage() + " " + f.getCause());
        }
        OpenMetadataClient client = new OpenMetadataClient(gateway, ServerAddress.parse(fx.om.baseUrl()),
                Secret.of("\uFEFF" + ADMIN_TOKEN), HttpExchange.Limits.DEFAULT);
        PushException e = assertThrows(PushException.class, client::readConfig);
        assertEquals(PushException.Kind.REFUSED_LOCALLY, e.kind());
        messages.add(e.getMessage());
        ByteArrayOutputStream trace = new ByteArrayOutputStream();
        e.printStackTrace(new java.io.PrintStream(trace, true, StandardCharsets.UTF_8));
        messages.add(trace.toString(StandardCharsets.UTF_8));
        seen.put("exception texts", String.join("\n", messages));
        assertNoLeak();
    }

    private void assertNoLeak() {
        seen.put("System.out", capture.stdout());
        seen.put("System.err", capture.stderr());
        seen.put("java.util.logging", capture.logs());
        List<String> leaks = new ArrayList<>();
        seen.forEach((where, text) -> leaks.addAll(canaries.find(where, text)));
        assertEquals(List.of(), leaks, "the token leaked");
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}

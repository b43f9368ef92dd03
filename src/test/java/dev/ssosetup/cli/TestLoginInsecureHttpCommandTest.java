package dev.ssosetup.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ssosetup.core.login.InsecureHttp;
import dev.ssosetup.core.login.LoginTest;
import dev.ssosetup.core.net.HttpFailure;
import dev.ssosetup.infra.common.LocalOperatorFiles;
import dev.ssosetup.infra.login.JdkLoopbackReceiver;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code test-login --allow-insecure-http}: without it a plain-http issuer on another computer is refused before any
 * request; with it the test goes on, and the verdict warns. The gateway here refuses every request itself (nothing
 * leaves this computer) and records what was asked.
 */
class TestLoginInsecureHttpCommandTest {
    private final List<String> asked = new CopyOnWriteArrayList<>();

    private String[] run(String... args) {
        LoginTest loginTest = new LoginTest(ca -> request -> {
            asked.add(request.uri().toString());
            throw new HttpFailure(HttpFailure.Kind.UNREACHABLE, request.uri(),
                    dev.ssosetup.testsupport.En.words("not sent (test)"), null);
        }, new JdkLoopbackReceiver(), url -> new dev.ssosetup.core.login.BrowserOpener.NotOpened("test"),
                Clock.systemUTC());
        CommandLine cl = new CommandLine(new SsoSetupCommand()).addSubcommand("test-login",
                new TestLoginCommand(loginTest, new LocalOperatorFiles()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new String[] {String.valueOf(exit), out.toString(), err.toString()};
    }

    @Test
    void aPlainHttpIssuerElsewhereIsRefusedUnlessAllowed() throws Exception {
        String[] refused = run("test-login", "--issuer", "http://idp.example.com/realms/main", "--client-id", "om",
                "--no-browser", "--json");
        assertEquals("1", refused[0], refused[1] + refused[2]);
        JsonNode json = new ObjectMapper().readTree(refused[1]);
        assertEquals("settings", json.get("error").get("stage").asText());
        assertTrue(json.get("error").get("hint").asText().contains("--allow-insecure-http"), refused[1]);
        assertEquals(List.of(), asked, "nothing was requested");

        String[] allowed = run("test-login", "--issuer", "http://idp.example.com/realms/main", "--client-id", "om",
                "--no-browser", "--allow-insecure-http", "--json");
        assertEquals("1", allowed[0]);
        JsonNode after = new ObjectMapper().readTree(allowed[1]);
        assertEquals("discovery", after.get("error").get("stage").asText(), allowed[1]);
        assertEquals(List.of("http://idp.example.com/realms/main/.well-known/openid-configuration"), asked);
        assertTrue(after.get("warnings").toString().contains(InsecureHttp.ALLOWED), allowed[1]);

        String[] text = run("test-login", "--issuer", "http://idp.example.com/realms/main", "--client-id", "om",
                "--no-browser", "--allow-insecure-http");
        assertTrue(text[1].contains("unencrypted"), "the warning is in the printed verdict: " + text[1]);
    }
}

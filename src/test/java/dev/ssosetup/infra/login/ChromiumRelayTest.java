package dev.ssosetup.infra.login;

import dev.ssosetup.core.login.CallbackPage;
import dev.ssosetup.core.login.LoopbackCallback;
import dev.ssosetup.core.login.LoopbackListener;
import dev.ssosetup.core.login.RedirectHost;
import dev.ssosetup.core.task.TaskContext;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import dev.ssosetup.testsupport.En;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The listener's relay page run by a real browser (headless Chromium, Debian package {@code chromium}): its script,
 * under its own Content-Security-Policy, must post the fragment's sign-in response back to the listener once, and
 * show the verdict page the listener answers with. Skips with a message when Chromium is not installed.
 */
class ChromiumRelayTest {
    private static final String STATE = "relay-state-1";

    private static Optional<Path> chromium() {
        for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
            Path p = Path.of(candidate);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Loads {@code url} in headless Chromium and returns the DOM it ended with. */
    private static String chromiumDom(Path binary, Path profile, String url) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + profile, "--virtual-time-budget=10000", "--dump-dom", url)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish");
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    @Test
    void theRealScriptPostsTheFragmentBackOnceAndShowsTheVerdict(@TempDir Path profile) throws Exception {
        Optional<Path> binary = chromium();
        Assumptions.assumeTrue(binary.isPresent(), "chromium not installed (apt-get install chromium): the relay "
                + "page's script is not run by a real browser in this run");
        try (LoopbackListener l = new JdkLoopbackReceiver().open(RedirectHost.IPV4, List.of(), "/callback", STATE)) {
            String url = l.redirectUri() + "#id_token=eyJ.fake.token&state=" + STATE + "&session_state=x%20y";
            Thread answerer = Thread.ofVirtual().start(() -> {
                try {
                    Optional<LoopbackCallback> cb = l.await(Duration.ofSeconds(50), TaskContext.none());
                    cb.ifPresent(c -> {
                        assertEquals("POST", c.method());
                        assertEquals(List.of("eyJ.fake.token"), c.parameters().get("id_token"));
                        assertEquals(List.of(STATE), c.parameters().get("state"));
                        assertEquals(List.of("x y"), c.parameters().get("session_state"));
                        c.answer(new CallbackPage(true, En.words("Login test passed"), En.words("Relayed by the page.")));
                    });
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            String dom = chromiumDom(binary.get(), profile, url);
            answerer.join(Duration.ofSeconds(60));
            assertTrue(dom.contains("Login test passed") && dom.contains("Relayed by the page."),
                    "the browser shows the listener's verdict after the page's script posted the fragment: " + dom);
            assertEquals(0, l.rejectedCallbacks());
        }
    }

    @Test
    void withoutAFragmentTheScriptSaysThereIsNoResponseAndPostsNothing(@TempDir Path profile) throws Exception {
        Optional<Path> binary = chromium();
        Assumptions.assumeTrue(binary.isPresent(), "chromium not installed (apt-get install chromium)");
        try (LoopbackListener l = new JdkLoopbackReceiver().open(RedirectHost.IPV4, List.of(), "/callback", STATE)) {
            String dom = chromiumDom(binary.get(), profile, l.redirectUri().toString());
            assertTrue(dom.matches("(?s).*<div id=\"none\">.*No sign-in response.*"), dom);
            assertTrue(dom.matches("(?s).*<div id=\"wait\" hidden=\"\">.*"), dom);
            assertTrue(l.await(Duration.ofMillis(300), TaskContext.none()).isEmpty(), "nothing was posted");
        }
    }
}

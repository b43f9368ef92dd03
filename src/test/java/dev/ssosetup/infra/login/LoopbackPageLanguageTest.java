package dev.ssosetup.infra.login;

import dev.ssosetup.core.login.LoopbackListener;
import dev.ssosetup.core.login.RedirectHost;
import dev.ssosetup.core.text.Messages;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The browser tab speaks the language chosen when the listener opens, not when the receiver was built: the CLI knows
 * {@code --lang} only after parsing its arguments (ADR 0020).
 */
class LoopbackPageLanguageTest {
    @Test
    void thePagesSpeakTheLanguageOfTheMomentTheListenerOpens() throws Exception {
        AtomicReference<Messages> language = new AtomicReference<>(Messages.forLocale(Locale.ENGLISH));
        JdkLoopbackReceiver receiver = new JdkLoopbackReceiver(language::get);
        language.set(Messages.forLocale(Locale.GERMAN)); // --lang de, parsed after the command line was built
        HttpClient client = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();
        try (LoopbackListener l = receiver.open(RedirectHost.IPV4, List.of(), "/callback", "state-1")) {
            URI other = URI.create("http://127.0.0.1:" + l.redirectUri().getPort() + "/elsewhere");
            HttpResponse<String> page = client.send(HttpRequest.newBuilder(other).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(404, page.statusCode());
            assertTrue(page.body().contains(Messages.forLocale(Locale.GERMAN).get("callback.notFound")), page.body());
            assertFalse(page.body().contains(Messages.forLocale(Locale.ENGLISH).get("callback.notFound.detail")),
                    page.body());
        }
    }
}

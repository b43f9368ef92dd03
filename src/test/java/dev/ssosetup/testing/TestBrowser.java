package dev.ssosetup.testing;

import dev.ssosetup.core.login.BrowserOpener;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A scripted stand-in for the operator's browser: fetches the authorization URL and follows redirects (and
 * auto-submitting {@code form_post} forms, and login forms via a {@link FormFiller}) until a page without a next step,
 * as a real browser would. Keeps cookies per host itself and sends {@code Secure} cookies over plain http too
 * (Keycloak marks its session cookies Secure even over http; {@code java.net.CookieManager} would drop them).
 */
public final class TestBrowser implements BrowserOpener {
    private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTR = Pattern.compile("([a-zA-Z_:-]+)\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern INPUT = Pattern.compile("<input\\b([^>]*)>", Pattern.CASE_INSENSITIVE);

    /** Fills a form found on a page; empty to stop there. {@code fields} are the form's own inputs. */
    @FunctionalInterface
    public interface FormFiller extends BiFunction<Form, URI, Optional<Map<String, String>>> {
    }

    /** A form on a page: its attributes and hidden/visible inputs. */
    public record Form(Map<String, String> attributes, Map<String, String> fields) {
    }

    /** The last page the browser stopped at. */
    public record Page(URI uri, int status, HttpHeaders headers, String body) {
    }

    private final HttpClient client;
    private final Map<String, Map<String, String>> cookies = new ConcurrentHashMap<>();
    private final FormFiller filler;
    private final CompletableFuture<Page> finalPage = new CompletableFuture<>();
    private volatile URI opened;

    public TestBrowser() {
        this((form, uri) -> form.fields().containsKey("state") || form.fields().containsKey("code")
                || form.fields().containsKey("id_token") ? Optional.of(form.fields()) : Optional.empty());
    }

    public TestBrowser(FormFiller filler) {
        this(filler, null);
    }

    /** A browser that also trusts {@code trust} (a context with a private CA), for an HTTPS provider. */
    public TestBrowser(javax.net.ssl.SSLContext trust) {
        this(new TestBrowser().filler, trust);
    }

    private TestBrowser(FormFiller filler, javax.net.ssl.SSLContext trust) {
        this.filler = filler;
        HttpClient.Builder b = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).proxy(HttpClient.Builder.NO_PROXY);
        if (trust != null) {
            b.sslContext(trust);
        }
        this.client = b.build();
    }

    @Override
    public BrowserOutcome open(URI url) {
        opened = url;
        Thread.ofVirtual().name("test-browser").start(() -> browse(url));
        return new Opened("test browser");
    }

    public URI openedUrl() {
        return opened;
    }

    /** Waits for the page the browser ended on (the listener's result page in a normal run). */
    public Page finalPage() {
        try {
            return finalPage.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the test browser did not finish", e);
        }
    }

    /** Visits {@code url} synchronously and returns where it ended (for use without {@link #open}). */
    public Page visit(URI url) {
        browse(url);
        return finalPage();
    }

    private void browse(URI start) {
        try {
            HttpRequest request = get(start);
            for (int hop = 0; hop < 25; hop++) {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                URI uri = request.uri();
                remember(uri, response.headers());
                int status = response.statusCode();
                Optional<String> location = response.headers().firstValue("Location");
                if (status >= 300 && status < 400 && location.isPresent()) {
                    request = get(uri.resolve(location.get()));
                    continue;
                }
                Optional<HttpRequest> next = status == 200 ? formPost(uri, response.body()) : Optional.empty();
                if (next.isEmpty() && status == 200 && fragmentRelay(uri, response)) {
                    next = Optional.of(relay(uri));
                }
                if (next.isPresent()) {
                    request = next.get();
                    continue;
                }
                finalPage.complete(new Page(uri, status, response.headers(), response.body()));
                return;
            }
            finalPage.completeExceptionally(new IOException("too many redirects"));
        } catch (IOException | InterruptedException | RuntimeException e) {
            finalPage.completeExceptionally(e);
        }
    }

    /**
     * The listener's relay page for a response in the fragment, reached with a fragment. A real browser runs the
     * page's script, which posts the fragment's parameters to the same path; this browser does what the script does
     * (ChromiumRelayTest runs the real script).
     */
    private static boolean fragmentRelay(URI uri, HttpResponse<String> response) {
        return uri.getRawFragment() != null && response.headers().firstValue("Content-Security-Policy")
                .orElse("").contains("script-src 'sha256-") && response.body().contains("<script>");
    }

    private HttpRequest relay(URI page) {
        URI action = URI.create(page.getScheme() + "://" + page.getRawAuthority() + page.getRawPath());
        return withCookies(HttpRequest.newBuilder(action), action)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(page.getRawFragment())).build();
    }

    private Optional<HttpRequest> formPost(URI page, String html) {
        Matcher m = FORM.matcher(html);
        while (m.find()) {
            Map<String, String> attrs = attributes(m.group(1));
            Map<String, String> fields = new LinkedHashMap<>();
            Matcher in = INPUT.matcher(m.group(2));
            while (in.find()) {
                Map<String, String> a = attributes(in.group(1));
                if (a.containsKey("name")) {
                    fields.put(a.get("name"), a.getOrDefault("value", ""));
                }
            }
            Form form = new Form(attrs, fields);
            Optional<Map<String, String>> filled = filler.apply(form, page);
            if (filled.isPresent()) {
                URI action = page.resolve(attrs.getOrDefault("action", page.toString()));
                String body = filled.get().entrySet().stream()
                        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                        .collect(Collectors.joining("&"));
                return Optional.of(withCookies(HttpRequest.newBuilder(action), action)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
            }
        }
        return Optional.empty();
    }

    private static Map<String, String> attributes(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher a = ATTR.matcher(text);
        while (a.find()) {
            out.put(a.group(1).toLowerCase(java.util.Locale.ROOT), unescape(a.group(2)));
        }
        return out;
    }

    private HttpRequest get(URI uri) {
        return withCookies(HttpRequest.newBuilder(uri), uri).GET().timeout(Duration.ofSeconds(30)).build();
    }

    private HttpRequest.Builder withCookies(HttpRequest.Builder b, URI uri) {
        Map<String, String> jar = cookies.get(uri.getHost() + ":" + uri.getPort());
        if (jar != null && !jar.isEmpty()) {
            b.header("Cookie", jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        return b.header("User-Agent", "sso-setup-test-browser");
    }

    private void remember(URI uri, HttpHeaders headers) {
        List<String> setCookies = headers.allValues("Set-Cookie");
        for (String c : setCookies) {
            String pair = c.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq > 0) {
                Map<String, String> jar = cookies.computeIfAbsent(uri.getHost() + ":" + uri.getPort(),
                        k -> new ConcurrentHashMap<>());
                String value = pair.substring(eq + 1);
                boolean expired = c.toLowerCase(java.util.Locale.ROOT).contains("max-age=0");
                if (expired) {
                    jar.remove(pair.substring(0, eq).strip());
                } else {
                    jar.put(pair.substring(0, eq).strip(), value);
                }
            }
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String unescape(String s) {
        return s.replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&#x3D;", "=").replace("&#61;", "=");
    }
}

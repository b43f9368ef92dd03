package dev.ssosetup.core.push;

import dev.ssosetup.core.text.Text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.JWKSet;
import dev.ssosetup.core.common.Secret;
import dev.ssosetup.core.net.HttpExchange;
import dev.ssosetup.core.net.HttpFailure;
import dev.ssosetup.core.net.HttpGateway;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * OpenMetadata's security-configuration API (1.10+), built on the {@link HttpGateway} port: requests are built and
 * answers parsed here, the gateway only carries them. The admin token is a {@link Secret}, revealed only into the
 * {@code Authorization} header; no message of this class ever contains it, nor any secret of a body it sent (text
 * from the server is cleaned of the token and of every secret field value of that body).
 */
public final class OpenMetadataClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpGateway gateway;
    private final ServerAddress server;
    private final Secret token;
    private final HttpExchange.Limits limits;
    private final Redactor redactor;

    public OpenMetadataClient(HttpGateway gateway, ServerAddress server, Secret token, HttpExchange.Limits limits) {
        this.gateway = gateway;
        this.server = server;
        this.token = token;
        this.limits = limits;
        this.redactor = new Redactor(List.of(token));
    }

    private static final Text WHAT_READ_VERSION = Text.of("push.what.read.version");
    private static final Text WHAT_VERSION = Text.of("push.what.version");
    private static final Text WHAT_READ_CONFIG = Text.of("push.what.read.config");
    private static final Text WHAT_CONFIG = Text.of("push.what.config");
    private static final Text WHAT_VALIDATE = Text.of("push.what.validate");
    private static final Text WHAT_VALIDATION_ANSWER = Text.of("push.what.validation.answer");
    private static final Text WHAT_APPLY = Text.of("push.what.apply");
    private static final Text WHAT_VERDICT = Text.of("push.what.verdict");
    private static final Text WHAT_VERDICT_ANSWER = Text.of("push.what.verdict.answer");
    private static final Text WHAT_READ_AUTH = Text.of("push.what.read.auth");
    private static final Text WHAT_AUTH = Text.of("push.what.auth");
    private static final Text WHAT_PUT_ANSWER = Text.of("push.what.put.answer");

    public ServerAddress server() {
        return server;
    }

    /** {@code GET /api/v1/system/version} (no token needed). */
    public ServerVersion version() throws PushException {
        HttpExchange.Response r = send(request("GET", "/v1/system/version", null, false), WHAT_READ_VERSION);
        if (r.status() == 404) {
            throw new PushException(PushException.Kind.BAD_ANSWER, 404, Text.of("push.error.notOpenMetadata",
                    server.toString()), List.of());
        }
        expectOk(r, WHAT_READ_VERSION);
        JsonNode body = json(r, WHAT_VERSION);
        String raw = body.path("version").asText("");
        if (raw.isEmpty()) {
            throw new PushException(PushException.Kind.BAD_ANSWER, r.status(), Text.of("push.error.noVersion",
                    server.toString()), List.of());
        }
        return ServerVersion.parse(raw);
    }

    /** {@code GET /api/v1/system/security/config}: the live configuration (secrets masked by the server). */
    public ObjectNode readConfig() throws PushException {
        HttpExchange.Response r = send(request("GET", "/v1/system/security/config", null, true),
                WHAT_READ_CONFIG);
        expectOk(r, WHAT_READ_CONFIG);
        return object(json(r, WHAT_CONFIG), WHAT_CONFIG);
    }

    /** {@code POST /api/v1/system/security/validate}: a dry run; nothing is saved. */
    public ValidationReport validate(ObjectNode body) throws PushException {
        Redactor clean = redactorFor(body);
        HttpExchange.Response r = send(request("POST", "/v1/system/security/validate", body, true),
                WHAT_VALIDATE, clean);
        if (r.status() == 400 || r.isSuccess()) {
            JsonNode answer = json(r, WHAT_VALIDATION_ANSWER);
            if (answer.has("status")) {
                return parseValidation(answer, clean);
            }
        }
        expectOk(r, WHAT_VALIDATE, clean);
        throw new PushException(PushException.Kind.BAD_ANSWER, r.status(), Text.of("push.error.noValidationStatus"),
                List.of());
    }

    /** {@code PUT /api/v1/system/security/config} (never PATCH: PATCH drops OIDC fields while the provider is basic). */
    public ObjectNode putConfig(ObjectNode body) throws PushException {
        Redactor clean = redactorFor(body);
        HttpExchange.Response r = send(request("PUT", "/v1/system/security/config", body, true),
                WHAT_APPLY, clean);
        expectOk(r, WHAT_APPLY, clean);
        if (r.body().length == 0) {
            return JSON.createObjectNode();
        }
        return object(json(r, WHAT_PUT_ANSWER), WHAT_PUT_ANSWER);
    }

    /**
     * {@code POST /api/v1/system/security/test-login/validate-token} (2.0 on): the server's own dry run of a login
     * with {@code idToken} under the candidate configuration {@code body}. Changes nothing on the server. The ID token
     * is revealed only into the request body; no message of this method contains it.
     */
    public ServerVerdict validateToken(ObjectNode body, Secret idToken) throws PushException {
        ObjectNode request = JSON.createObjectNode();
        request.set("securityConfiguration", body);
        request.put("idToken", idToken.reveal());
        Redactor both = new Redactor(List.of(token, idToken));
        HttpExchange.Response r;
        try {
            r = gateway.send(request("POST", "/v1/system/security/test-login/validate-token", request, true));
        } catch (HttpFailure f) {
            PushException e = fromFailure(f, WHAT_VERDICT);
            throw new PushException(e.kind(), 0, both.clean(e.text()), List.of());
        }
        if (r.status() == 404) {
            throw new PushException(PushException.Kind.BAD_ANSWER, 404, Text.of("push.error.noValidateToken"),
                    List.of());
        }
        try {
            expectOk(r, WHAT_VERDICT);
        } catch (PushException e) {
            throw new PushException(e.kind(), e.status(), both.clean(e.text()), e.issues());
        }
        JsonNode answer = json(r, WHAT_VERDICT_ANSWER);
        String status = answer.path("status").asText("");
        if (!status.equals("success") && !status.equals("failed")) {
            throw new PushException(PushException.Kind.BAD_ANSWER, r.status(), Text.of("push.error.noTestLoginStatus"),
                    List.of());
        }
        List<String> admins = new ArrayList<>();
        body.path("authorizerConfiguration").path("adminPrincipals").forEach(n -> admins.add(n.asText()));
        String principal = both.clean(answer.path("resolvedPrincipal").asText(""));
        JsonNode d = answer.path("domainCheck");
        ServerVerdict.DomainCheck domain = d.isObject() ? new ServerVerdict.DomainCheck(d.path("enforced")
                .asBoolean(false), both.clean(d.path("principalDomain").asText("")),
                both.clean(d.path("resolvedDomain").asText("")), d.path("passed").asBoolean(false)) : null;
        boolean success = status.equals("success");
        return new ServerVerdict(success, answer.path("stage").asText(""), principal,
                both.clean(answer.path("resolvedEmail").asText("")), texts(answer.path("mappedRoles"), both),
                texts(answer.path("mappedTeams"), both), domain, texts(answer.path("errors"), both),
                success && !principal.isEmpty() && admins.contains(principal));
    }

    private static List<String> texts(JsonNode array, Redactor redactor) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(redactor.clean(n.asText())));
        return out;
    }

    /** {@code GET /api/v1/system/config/auth}: what the web UI reads, the live provider. */
    public JsonNode authConfig() throws PushException {
        HttpExchange.Response r = send(request("GET", "/v1/system/config/auth", null, false),
                WHAT_READ_AUTH);
        expectOk(r, WHAT_READ_AUTH);
        return json(r, WHAT_AUTH);
    }

    /** The key ids ({@code kid}) a JWKS URL serves, in order; keys without one are left out. */
    public List<String> fetchKeyIds(String url) throws PushException {
        HttpExchange.Response r = fetchKeySet(url);
        try {
            List<String> ids = new ArrayList<>();
            for (var k : JWKSet.parse(r.bodyText()).getKeys()) {
                if (k.getKeyID() != null) {
                    ids.add(k.getKeyID());
                }
            }
            return ids;
        } catch (java.text.ParseException | RuntimeException e) {
            throw new PushException(PushException.Kind.BAD_ANSWER, r.status(), Text.of("push.error.notJwks", url),
                    List.of());
        }
    }

    private HttpExchange.Response fetchKeySet(String url) throws PushException {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new PushException(PushException.Kind.BAD_ANSWER, 0, Text.of("push.error.notUrl", url), List.of());
        }
        HttpExchange.Response r;
        try {
            r = gateway.send(HttpExchange.Request.get(uri).withLimits(limits));
        } catch (HttpFailure f) {
            throw fromFailure(f, Text.of("push.what.fetchKeys", url));
        }
        if (!r.isSuccess()) {
            throw new PushException(PushException.Kind.BAD_ANSWER, r.status(), Text.of("push.error.keysHttp", url,
                    r.status()), List.of());
        }
        return r;
    }

    /** Fetches a public key URL and says how many keys it answers with. */
    public int fetchKeyCount(String url) throws PushException {
        HttpExchange.Response r = fetchKeySet(url);
        try {
            int n = JWKSet.parse(r.bodyText()).getKeys().size();
            if (n == 0) {
                throw new PushException(PushException.Kind.BAD_ANSWER, r.status(), Text.of("push.error.emptyKeys",
                        url), List.of());
            }
            return n;
        } catch (java.text.ParseException | RuntimeException e) { // Nimbus throws NPE for a JSON "null" body
            throw new PushException(PushException.Kind.BAD_ANSWER, r.status(), Text.of("push.error.notJwks", url),
                    List.of());
        }
    }

    private HttpExchange.Request request(String method, String path, ObjectNode body, boolean authorized) {
        byte[] bytes = null;
        if (body != null) {
            try {
                bytes = JSON.writeValueAsBytes(body);
            } catch (IOException e) {
                throw new IllegalStateException("cannot serialise the configuration", e);
            }
        }
        HttpExchange.Request r = new HttpExchange.Request(method, server.api(path),
                Map.of("Accept", "application/json"), bytes, limits);
        if (body != null) {
            r = r.withHeader("Content-Type", "application/json");
        }
        if (authorized) {
            r = r.withHeader("Authorization", "Bearer " + token.reveal());
        }
        return r;
    }

    private HttpExchange.Response send(HttpExchange.Request request, Text what) throws PushException {
        return send(request, what, redactor);
    }

    private HttpExchange.Response send(HttpExchange.Request request, Text what, Redactor clean)
            throws PushException {
        try {
            return gateway.send(request);
        } catch (HttpFailure f) {
            throw fromFailure(f, what, clean);
        }
    }

    /** Cleans the token and every secret of the body sent (client secret, LDAP and SAML passwords and keys). */
    private Redactor redactorFor(ObjectNode body) {
        List<Secret> secrets = new ArrayList<>(SecretFields.secretValues(body));
        secrets.add(token);
        return new Redactor(secrets);
    }

    private PushException fromFailure(HttpFailure f, Text what) {
        return fromFailure(f, what, redactor);
    }

    private PushException fromFailure(HttpFailure f, Text what, Redactor redactor) {
        PushException.Kind kind = switch (f.kind()) {
            case TIMEOUT -> PushException.Kind.TIMEOUT;
            case TLS -> PushException.Kind.TLS;
            case CANCELLED -> PushException.Kind.CANCELLED;
            case TOO_LARGE, BAD_URL -> PushException.Kind.BAD_ANSWER;
            case UNREACHABLE -> PushException.Kind.UNREACHABLE;
            case BAD_REQUEST -> PushException.Kind.REFUSED_LOCALLY;
        };
        return new PushException(kind, 0, Text.of("push.error.couldNot", what, redactor.clean(f.getMessage())),
                List.of());
    }

    private void expectOk(HttpExchange.Response r, Text what) throws PushException {
        expectOk(r, what, redactor);
    }

    private void expectOk(HttpExchange.Response r, Text what, Redactor redactor) throws PushException {
        if (r.isSuccess()) {
            return;
        }
        int s = r.status();
        String detail = serverMessage(r, redactor);
        Text said = detail.isEmpty() ? Text.of("push.error.serverSaid.none")
                : Text.of("push.error.serverSaid", detail);
        throw switch (s) {
            case 401 -> new PushException(PushException.Kind.UNAUTHORIZED, s, Text.of("push.error.401", what),
                    List.of());
            case 403 -> new PushException(PushException.Kind.FORBIDDEN, s, Text.of("push.error.403", what, said),
                    List.of());
            case 400 -> new PushException(PushException.Kind.INVALID, s, Text.of("push.error.400", what, said),
                    issuesOf(r, redactor));
            case 409 -> new PushException(PushException.Kind.MANAGED_ELSEWHERE, s, Text.of("push.error.409", what,
                    said), List.of());
            case 412 -> new PushException(PushException.Kind.CHANGED_SINCE_READ, s, Text.of("push.error.412", what,
                    said), List.of());
            default -> s >= 500
                    ? new PushException(PushException.Kind.SERVER_ERROR, s, Text.of("push.error.5xx", what, s, said),
                    List.of())
                    : s >= 300 && s < 400
                    ? new PushException(PushException.Kind.BAD_ANSWER, s, Text.of("push.error.redirect", what, s,
                    r.header("Location").map(l -> Text.of("push.error.redirectTo", redactor.clean(l)))
                            .orElse(Text.of("push.error.serverSaid.none"))), List.of())
                    : new PushException(PushException.Kind.BAD_ANSWER, s, Text.of("push.error.http", what, s, said),
                    List.of());
        };
    }

    private List<FieldIssue> issuesOf(HttpExchange.Response r, Redactor redactor) {
        try {
            JsonNode node = JSON.readTree(r.body());
            if (node != null && node.has("status")) {
                return parseValidation(node, redactor).issues();
            }
        } catch (IOException e) {
            // not a validation response
        }
        return List.of();
    }

    private ValidationReport parseValidation(JsonNode answer, Redactor redactor) {
        boolean passed = "success".equalsIgnoreCase(answer.path("status").asText());
        List<FieldIssue> issues = new ArrayList<>();
        for (JsonNode e : answer.path("errors")) {
            issues.add(FieldIssue.of(redactor.clean(e.path("field").asText()),
                    FieldIssue.fromServer(redactor.clean(e.path("error").asText()))));
        }
        if (!passed && issues.isEmpty()) {
            String message = answer.path("message").asText("");
            issues.add(FieldIssue.of("", message.isEmpty() ? Text.of("push.issue.refused")
                    : FieldIssue.fromServer(redactor.clean(message))));
        }
        return new ValidationReport(passed && issues.isEmpty(), issues);
    }

    /** The {@code message} of an OpenMetadata error body, shortened and cleaned of secrets; "" if none. */
    private String serverMessage(HttpExchange.Response r, Redactor redactor) {
        try {
            JsonNode node = JSON.readTree(r.body());
            if (node != null && node.path("message").isTextual()) {
                String m = redactor.clean(node.path("message").asText());
                return m.length() > 300 ? m.substring(0, 300) + "…" : m;
            }
        } catch (IOException e) {
            // not JSON
        }
        return "";
    }

    private JsonNode json(HttpExchange.Response r, Text what) throws PushException {
        try {
            JsonNode node = JSON.readTree(new String(r.body(), StandardCharsets.UTF_8));
            if (node == null || node.isMissingNode()) {
                throw new IOException("empty");
            }
            return node;
        } catch (IOException e) {
            throw new PushException(PushException.Kind.BAD_ANSWER, r.status(), Text.of("push.error.notJson",
                    server.toString(), what, r.status(), r.header("Content-Type").orElse("-")), List.of());
        }
    }

    private ObjectNode object(JsonNode node, Text what) throws PushException {
        if (node instanceof ObjectNode o) {
            return o;
        }
        throw new PushException(PushException.Kind.BAD_ANSWER, 200, Text.of("push.error.notObject", what),
                List.of());
    }
}

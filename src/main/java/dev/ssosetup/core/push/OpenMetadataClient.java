package dev.ssosetup.core.push;

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

    public ServerAddress server() {
        return server;
    }

    /** {@code GET /api/v1/system/version} (no token needed). */
    public ServerVersion version() throws PushException {
        HttpExchange.Response r = send(request("GET", "/v1/system/version", null, false), "read the server version");
        if (r.status() == 404) {
            throw new PushException(PushException.Kind.BAD_ANSWER, 404, server + " answered 404 for "
                    + "/api/v1/system/version: this is not OpenMetadata, or the URL has an extra path.", List.of());
        }
        expectOk(r, "read the server version");
        JsonNode body = json(r, "the server version");
        String raw = body.path("version").asText("");
        if (raw.isEmpty()) {
            throw new PushException(PushException.Kind.BAD_ANSWER, r.status(), server + " answered "
                    + "/api/v1/system/version without a \"version\": this does not look like OpenMetadata.", List.of());
        }
        return ServerVersion.parse(raw);
    }

    /** {@code GET /api/v1/system/security/config}: the live configuration (secrets masked by the server). */
    public ObjectNode readConfig() throws PushException {
        HttpExchange.Response r = send(request("GET", "/v1/system/security/config", null, true),
                "read the security configuration");
        expectOk(r, "read the security configuration");
        return object(json(r, "the security configuration"), "the security configuration");
    }

    /** {@code POST /api/v1/system/security/validate}: a dry run; nothing is saved. */
    public ValidationReport validate(ObjectNode body) throws PushException {
        Redactor clean = redactorFor(body);
        HttpExchange.Response r = send(request("POST", "/v1/system/security/validate", body, true),
                "validate the configuration", clean);
        if (r.status() == 400 || r.isSuccess()) {
            JsonNode answer = json(r, "the validation answer");
            if (answer.has("status")) {
                return parseValidation(answer, clean);
            }
        }
        expectOk(r, "validate the configuration", clean);
        throw new PushException(PushException.Kind.BAD_ANSWER, r.status(), "The validation answer has no "
                + "\"status\": this is not a SecurityValidationResponse.", List.of());
    }

    /** {@code PUT /api/v1/system/security/config} (never PATCH: PATCH drops OIDC fields while the provider is basic). */
    public ObjectNode putConfig(ObjectNode body) throws PushException {
        Redactor clean = redactorFor(body);
        HttpExchange.Response r = send(request("PUT", "/v1/system/security/config", body, true),
                "apply the configuration", clean);
        expectOk(r, "apply the configuration", clean);
        if (r.body().length == 0) {
            return JSON.createObjectNode();
        }
        return object(json(r, "the PUT answer"), "the PUT answer");
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
            PushException e = fromFailure(f, "ask the server for its verdict");
            throw new PushException(e.kind(), 0, both.clean(e.getMessage()), List.of());
        }
        if (r.status() == 404) {
            throw new PushException(PushException.Kind.BAD_ANSWER, 404, "The server has no test-login/validate-token "
                    + "endpoint (it came with OpenMetadata 2.0).", List.of());
        }
        try {
            expectOk(r, "ask the server for its verdict");
        } catch (PushException e) {
            throw new PushException(e.kind(), e.status(), both.clean(e.getMessage()), e.issues());
        }
        JsonNode answer = json(r, "the validate-token answer");
        String status = answer.path("status").asText("");
        if (!status.equals("success") && !status.equals("failed")) {
            throw new PushException(PushException.Kind.BAD_ANSWER, r.status(), "The validate-token answer has no "
                    + "status success or failed: this is not a TestLoginResult.", List.of());
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
                "read the public authentication settings");
        expectOk(r, "read the public authentication settings");
        return json(r, "the public authentication settings");
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
            throw new PushException(PushException.Kind.BAD_ANSWER, r.status(), url
                    + " did not answer a JSON Web Key Set {\"keys\":[...]}", List.of());
        }
    }

    private HttpExchange.Response fetchKeySet(String url) throws PushException {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new PushException(PushException.Kind.BAD_ANSWER, "\"" + url + "\" is not a URL");
        }
        HttpExchange.Response r;
        try {
            r = gateway.send(HttpExchange.Request.get(uri).withLimits(limits));
        } catch (HttpFailure f) {
            throw fromFailure(f, "fetch keys from " + url);
        }
        if (!r.isSuccess()) {
            throw new PushException(PushException.Kind.BAD_ANSWER, r.status(), url + " answered HTTP " + r.status()
                    + " instead of a key set", List.of());
        }
        return r;
    }

    /** Fetches a public key URL and says how many keys it answers with. */
    public int fetchKeyCount(String url) throws PushException {
        HttpExchange.Response r = fetchKeySet(url);
        try {
            int n = JWKSet.parse(r.bodyText()).getKeys().size();
            if (n == 0) {
                throw new PushException(PushException.Kind.BAD_ANSWER, r.status(), url
                        + " answered an empty key set: tokens signed by this issuer cannot be checked", List.of());
            }
            return n;
        } catch (java.text.ParseException | RuntimeException e) { // Nimbus throws NPE for a JSON "null" body
            throw new PushException(PushException.Kind.BAD_ANSWER, r.status(), url
                    + " did not answer a JSON Web Key Set {\"keys\":[...]}", List.of());
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

    private HttpExchange.Response send(HttpExchange.Request request, String what) throws PushException {
        return send(request, what, redactor);
    }

    private HttpExchange.Response send(HttpExchange.Request request, String what, Redactor clean)
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

    private PushException fromFailure(HttpFailure f, String what) {
        return fromFailure(f, what, redactor);
    }

    private PushException fromFailure(HttpFailure f, String what, Redactor redactor) {
        PushException.Kind kind = switch (f.kind()) {
            case TIMEOUT -> PushException.Kind.TIMEOUT;
            case TLS -> PushException.Kind.TLS;
            case CANCELLED -> PushException.Kind.CANCELLED;
            case TOO_LARGE, BAD_URL -> PushException.Kind.BAD_ANSWER;
            case UNREACHABLE -> PushException.Kind.UNREACHABLE;
            case BAD_REQUEST -> PushException.Kind.REFUSED_LOCALLY;
        };
        return new PushException(kind, 0, "Could not " + what + ": " + redactor.clean(f.getMessage()), List.of());
    }

    private void expectOk(HttpExchange.Response r, String what) throws PushException {
        expectOk(r, what, redactor);
    }

    private void expectOk(HttpExchange.Response r, String what, Redactor redactor) throws PushException {
        if (r.isSuccess()) {
            return;
        }
        int s = r.status();
        String detail = serverMessage(r, redactor);
        String suffix = detail.isEmpty() ? "" : " Server said: " + detail;
        throw switch (s) {
            case 401 -> new PushException(PushException.Kind.UNAUTHORIZED, s, "Could not " + what + ": the admin "
                    + "token was refused (401): it is invalid or expired. Create a new personal access token of an "
                    + "admin user (OpenMetadata > profile > Access Token).", List.of());
            case 403 -> new PushException(PushException.Kind.FORBIDDEN, s, "Could not " + what + ": the token is "
                    + "valid but its user is not an admin (403). Bot tokens are never admins: use the personal "
                    + "access token of an admin user." + suffix, List.of());
            case 400 -> new PushException(PushException.Kind.INVALID, s, "Could not " + what + ": OpenMetadata "
                    + "refused the configuration (400)." + suffix, issuesOf(r, redactor));
            case 409 -> new PushException(PushException.Kind.MANAGED_ELSEWHERE, s, "Could not " + what + ": the "
                    + "security settings of this server are managed by its environment (409). Change them in "
                    + "openmetadata.yaml, the environment or the Helm values instead." + suffix, List.of());
            case 412 -> new PushException(PushException.Kind.CHANGED_SINCE_READ, s, "Could not " + what + ": the "
                    + "configuration changed on the server since it was read (412). Plan again to see the new "
                    + "state." + suffix, List.of());
            default -> s >= 500
                    ? new PushException(PushException.Kind.SERVER_ERROR, s, "Could not " + what + ": the server "
                    + "failed (HTTP " + s + ")." + suffix, List.of())
                    : s >= 300 && s < 400
                    ? new PushException(PushException.Kind.BAD_ANSWER, s, "Could not " + what + ": the server "
                    + "redirects (HTTP " + s + r.header("Location").map(l -> " to " + redactor.clean(l)).orElse("") + "); "
                    + "redirects are not followed: use the final address as the server URL.", List.of())
                    : new PushException(PushException.Kind.BAD_ANSWER, s, "Could not " + what + ": HTTP " + s
                    + "." + suffix, List.of());
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
                    redactor.clean(e.path("error").asText())));
        }
        if (!passed && issues.isEmpty()) {
            String message = answer.path("message").asText("OpenMetadata refused the configuration");
            issues.add(FieldIssue.of("", redactor.clean(message)));
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

    private JsonNode json(HttpExchange.Response r, String what) throws PushException {
        try {
            JsonNode node = JSON.readTree(new String(r.body(), StandardCharsets.UTF_8));
            if (node == null || node.isMissingNode()) {
                throw new IOException("empty");
            }
            return node;
        } catch (IOException e) {
            throw new PushException(PushException.Kind.BAD_ANSWER, r.status(), server + " did not answer JSON for "
                    + what + " (HTTP " + r.status() + r.header("Content-Type").map(c -> ", " + c).orElse("")
                    + "): is this the OpenMetadata URL?", List.of());
        }
    }

    private ObjectNode object(JsonNode node, String what) throws PushException {
        if (node instanceof ObjectNode o) {
            return o;
        }
        throw new PushException(PushException.Kind.BAD_ANSWER, 200, what + " is not a JSON object", List.of());
    }
}

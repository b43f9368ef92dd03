package dev.ssosetup.core.login;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseMode;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.AuthenticationErrorResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.AuthenticationSuccessResponse;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCResponseTypeValue;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import dev.ssosetup.core.common.Finding;
import dev.ssosetup.core.common.LibraryText;
import dev.ssosetup.core.common.Secret;
import dev.ssosetup.core.net.HttpExchange;
import dev.ssosetup.core.net.HttpFailure;
import dev.ssosetup.core.net.HttpGatewayFactory;
import dev.ssosetup.core.provider.ClientAuthMethod;
import dev.ssosetup.core.provider.ClientType;
import dev.ssosetup.core.provider.DiscoveryChecks;
import dev.ssosetup.core.provider.ProviderSettings;
import dev.ssosetup.core.task.CancelledException;
import dev.ssosetup.core.task.TaskContext;
import dev.ssosetup.core.text.Text;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The login test: one sign-in in the operator's system browser with the flow OpenMetadata will use, ending in a fully
 * validated ID token and the OpenMetadata preview (RFC 8252, RFC 7636, OIDC Core 3.1.3.7 and 3.2.2.11, RFC 9207).
 *
 * <p>The flow is {@link ProviderSettings#effectiveResponseType()}: a public client with {@code id_token} runs the
 * implicit flow ({@code response_type=id_token}, nonce and state, {@code response_mode=form_post} when the provider
 * offers it, else the fragment, which the listener's own page posts back); a public client with {@code code} runs the
 * code flow with PKCE; a confidential client the code flow with its secret, as OpenMetadata's server does.
 *
 * <p>The script: read the discovery document; bind the loopback listener; build the authorization request (fresh
 * state, nonce and, for the code flow, an S256 verifier); only then open the browser; wait for the callback; check
 * {@code state} and {@code iss}; for the code flow exchange the code with the exact redirect URI; validate the ID
 * token against the JWKS; fetch userinfo when offered and an access token came back. One timeout ({@link LoginOptions#timeout()}) bounds the whole attempt: every request after the
 * callback gets only what is left of it. Every way out is a {@link LoginTestResult}; only cancellation throws.
 */
public final class LoginTest {
    private final HttpGatewayFactory gateways;
    private final LoopbackReceiver receiver;
    private final BrowserOpener browser;
    private final Clock clock;

    /** {@code gateways} builds the HTTP gateway of each attempt, with the CA bundle the attempt names. */
    public LoginTest(HttpGatewayFactory gateways, LoopbackReceiver receiver, BrowserOpener browser, Clock clock) {
        this.gateways = gateways;
        this.receiver = receiver;
        this.browser = browser;
        this.clock = clock;
    }

    /** Runs one attempt trusting the platform's CAs only; see {@link #run(ProviderSettings, LoginOptions, Optional, LoginEvents, TaskContext)}. */
    public LoginTestResult run(ProviderSettings settings, LoginOptions options, LoginEvents events,
                               TaskContext context) {
        return run(settings, options, Optional.empty(), events, context);
    }

    /**
     * Runs one attempt. {@code caPem}: a PEM bundle of extra CAs to trust for the provider's TLS (a private CA), or
     * empty. Returns passed or failed; throws {@link CancelledException} when {@code context} is cancelled (the
     * listener is closed either way).
     */
    public LoginTestResult run(ProviderSettings settings, LoginOptions options, Optional<byte[]> caPem,
                               LoginEvents events, TaskContext context) {
        Attempt a = new Attempt(settings, options, clock.instant());
        try {
            a.http = http(caPem);
            return a.run(events, context);
        } catch (LoginStop stop) {
            return a.failed(stop);
        } catch (CancelledException e) {
            throw e;
        } catch (RuntimeException e) {
            // every known way out is a LoginStop; this is the net for a library surprise (an answer a parser did
            // not expect), so the operator gets a verdict that says where, never a crash; the trace goes to the log
            System.getLogger(LoginTest.class.getName()).log(System.Logger.Level.ERROR,
                    "the login test stopped unexpectedly at the " + a.stage + " stage", e);
            return a.failed(new LoginStop(a.stage, Text.of("login.stop.unexpected", a.stage),
                    Text.of("login.stop.unexpected.hint")));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        }
    }

    private OidcHttp http(Optional<byte[]> caPem) throws LoginStop {
        try {
            return new OidcHttp(gateways.create(caPem));
        } catch (IllegalArgumentException e) {
            throw new LoginStop(FailureStage.SETTINGS, e.getMessage() == null ? Text.of("login.stop.caBundle")
                    : Text.of("login.stop.caBundle.detail", LibraryText.plain(e.getMessage())),
                    Text.of("login.stop.caBundle.hint"));
        }
    }

    /** The mutable state of one attempt; lives only inside {@link #run}. */
    private final class Attempt {
        private OidcHttp http;
        /** The stage the attempt is in, for a failure that does not say its own. */
        private FailureStage stage = FailureStage.SETTINGS;
        private final ProviderSettings settings;
        private final LoginOptions options;
        private final Instant startedAt;
        private final List<Finding> findings = new ArrayList<>();
        private String issuer = "";
        private String redirectUri = "";
        private int rejected;
        private List<String> scopes = List.of();
        private Map<String, Object> userInfo = Map.of();

        Attempt(ProviderSettings settings, LoginOptions options, Instant startedAt) {
            this.settings = settings;
            this.options = options;
            this.startedAt = startedAt;
        }

        LoginTestResult run(LoginEvents events, TaskContext ctx) throws LoginStop, InterruptedException {
            checkSettings();
            ctx.progress(0.05, Text.of("task.login.discovery"));
            stage = FailureStage.DISCOVERY;
            OIDCProviderMetadata metadata = discover();
            checkHttp(FailureStage.DISCOVERY, Text.of("login.endpoint.authorization"),
                    metadata.getAuthorizationEndpointURI(), Text.of("login.endpoint.token"),
                    metadata.getTokenEndpointURI(), Text.of("login.endpoint.jwks"), metadata.getJWKSetURI(),
                    Text.of("login.endpoint.userinfo"), metadata.getUserInfoEndpointURI());
            ctx.checkCancelled();
            State state = new State();
            Nonce nonce = new Nonce();
            CodeVerifier verifier = new CodeVerifier();
            ctx.progress(0.1, Text.of("task.login.listener"));
            stage = FailureStage.LISTENER;
            try (LoopbackListener listener = openListener(state)) {
                URI redirect = listener.redirectUri();
                redirectUri = redirect.toString();
                AuthenticationRequest.Builder request = new AuthenticationRequest.Builder(implicit()
                        ? new ResponseType(OIDCResponseTypeValue.ID_TOKEN) : ResponseType.CODE,
                        new Scope(scopes.toArray(String[]::new)), new ClientID(settings.clientId().strip()), redirect)
                        .endpointURI(metadata.getAuthorizationEndpointURI())
                        .state(state)
                        .nonce(nonce);
                if (!implicit()) {
                    request.codeChallenge(verifier, CodeChallengeMethod.S256);
                } else if (metadata.getResponseModes() != null
                        && metadata.getResponseModes().contains(ResponseMode.FORM_POST)) {
                    request.responseMode(ResponseMode.FORM_POST);
                }
                URI url = request.build().toURI();
                events.waitingForBrowser(url, redirect);
                if (options.openBrowser()) {
                    events.browser(browser.open(url));
                }
                ctx.progress(-1, Text.of("task.login.waiting", options.timeout().toSeconds()));
                stage = FailureStage.TIMEOUT;
                Duration left = options.timeout().minus(Duration.between(startedAt, clock.instant()));
                Optional<LoopbackCallback> received = listener.await(left.isNegative() ? Duration.ZERO : left, ctx);
                rejected = listener.rejectedCallbacks();
                if (received.isEmpty()) {
                    throw new LoginStop(FailureStage.TIMEOUT, Text.of("login.stop.noResponse",
                            options.timeout().toSeconds()), Text.of("login.stop.noResponse.hint",
                            ProviderErrorHints.redirectHint(redirectUri, anyPort(), settings.callbackUrl())));
                }
                LoopbackCallback callback = received.get();
                try {
                    LoginTestResult result = afterCallback(callback, metadata, state, nonce, verifier, redirect, ctx);
                    callback.answer(result instanceof LoginTestResult.Passed p
                            ? new CallbackPage(true, Text.of("callback.passed"), Text.of("callback.passed.detail",
                            p.preview().userName().isEmpty() ? JsonValues.text(p.claims().get("sub"))
                            : p.preview().userName()))
                            : new CallbackPage(false, Text.of("callback.failed"),
                            ((LoginTestResult.Failed) result).reason()));
                    return result;
                } catch (LoginStop stop) {
                    callback.answer(new CallbackPage(false, Text.of("callback.failed"),
                            Text.of("callback.failed.detail", stop.reason())));
                    throw stop;
                } finally {
                    callback.answer(new CallbackPage(false, Text.of("callback.stopped"),
                            Text.of("callback.stopped.detail")));
                }
            }
        }

        private LoginTestResult afterCallback(LoopbackCallback callback, OIDCProviderMetadata metadata, State state,
                                              Nonce nonce, CodeVerifier verifier, URI redirect, TaskContext ctx)
                throws LoginStop {
            ctx.progress(0.6, Text.of("task.login.response"));
            stage = FailureStage.AUTHORIZATION;
            AuthenticationSuccessResponse success = checkCallback(callback, metadata, state);
            JWT idToken;
            AccessToken accessToken;
            if (implicit()) {
                idToken = implicitIdToken(success);
                accessToken = success.getAccessToken(); // none for response_type=id_token: no at_hash, no userinfo
            } else {
                AuthorizationCode code = success.getAuthorizationCode();
                if (code == null) {
                    throw new LoginStop(FailureStage.AUTHORIZATION, Text.of("login.stop.noCode"),
                            Text.of("login.stop.noCode.hint"));
                }
                ctx.checkCancelled();
                ctx.progress(0.7, Text.of("task.login.exchange"));
                stage = FailureStage.TOKEN;
                OIDCTokens tokens = exchange(metadata, code, redirect, verifier);
                idToken = tokens.getIDToken();
                accessToken = tokens.getAccessToken();
            }
            ctx.checkCancelled();
            ctx.progress(0.8, Text.of("task.login.idToken"));
            stage = FailureStage.ID_TOKEN;
            JWKSet jwks = fetchJwks(metadata);
            IDTokenClaimsSet idClaims = IdTokenCheck.validate(idToken, accessToken, issuer,
                    settings.clientId().strip(), settings.tokenValidationAlgorithm(), nonce, jwks,
                    metadata.getJWKSetURI().toString());
            Map<String, Object> claims;
            try {
                claims = JsonValues.freeze(idClaims.toJWTClaimsSet().toJSONObject());
            } catch (com.nimbusds.oauth2.sdk.ParseException e) {
                throw new LoginStop(FailureStage.ID_TOKEN, Text.of("login.stop.claimsUnreadable",
                        LibraryText.plain(e.getMessage())), Finding.NO_HINT);
            }
            ctx.checkCancelled();
            ctx.progress(0.9, Text.of("task.login.userinfo"));
            stage = FailureStage.USERINFO;
            fetchUserInfo(metadata, accessToken, idClaims.getSubject().getValue(), claims);
            OpenMetadataPreview preview = OpenMetadataPreview.of(settings, claims, userInfo);
            findings.addAll(preview.warnings());
            ctx.progress(1, Text.of("task.done"));
            return new LoginTestResult.Passed(attempt(), claims, userInfo, preview, findings,
                    Secret.of(idToken.serialize()));
        }

        private void checkSettings() throws LoginStop {
            if (settings.effectiveDiscoveryUrl().isBlank()) {
                throw new LoginStop(FailureStage.SETTINGS, Text.of("login.stop.noIssuer"),
                        Text.of("login.stop.noIssuer.hint"));
            }
            if (settings.clientId().isBlank()) {
                throw new LoginStop(FailureStage.SETTINGS, Text.of("login.stop.noClientId"),
                        Text.of("login.stop.noClientId.hint"));
            }
            if (settings.clientType() == ClientType.CONFIDENTIAL && settings.clientSecret().isEmpty()) {
                throw new LoginStop(FailureStage.SETTINGS, Text.of("login.stop.noSecret"),
                        Text.of("login.stop.noSecret.hint"));
            }
            List<String> s = new ArrayList<>(settings.scopes().stream().map(String::strip)
                    .filter(x -> !x.isEmpty()).distinct().toList());
            if (!s.contains("openid")) {
                s.addFirst("openid");
                findings.add(Finding.warning("login-scope-openid-added", Text.of("finding.login-scope-openid-added"),
                        Text.of("finding.login-scope-openid-added.hint")));
            }
            scopes = List.copyOf(s);
            checkHttp(FailureStage.SETTINGS, Text.of("login.endpoint.issuer"), uriOrNull(settings.issuer().strip()),
                    Text.of("login.endpoint.discovery"), uriOrNull(settings.effectiveDiscoveryUrl()));
        }

        /**
         * Plain http to another computer is refused before anything is sent there, unless the operator allowed it;
         * then the verdict carries a warning ({@link InsecureHttp}).
         */
        private void checkHttp(FailureStage at, Object... nameThenUri) throws LoginStop {
            List<Text> insecure = InsecureHttp.insecure(nameThenUri);
            if (insecure.isEmpty()) {
                return;
            }
            if (!options.allowInsecureHttp()) {
                throw InsecureHttp.refusal(at, insecure, findings);
            }
            findings.add(InsecureHttp.allowed(insecure));
        }

        private OIDCProviderMetadata discover() throws LoginStop {
            String url = settings.effectiveDiscoveryUrl();
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                throw new LoginStop(FailureStage.DISCOVERY, Text.of("login.stop.discoveryUrl", url),
                        Text.of("login.stop.discoveryUrl.hint"));
            }
            HttpExchange.Response response;
            try {
                response = http.get(uri, limits(FailureStage.DISCOVERY, READING_DISCOVERY));
            } catch (HttpFailure f) {
                ranOut(f, FailureStage.DISCOVERY, READING_DISCOVERY);
                throw stop(FailureStage.DISCOVERY, DiscoveryChecks.transport(f, DiscoveryChecks.Fetched.DISCOVERY));
            }
            // the Provider step's checks, so that both steps give one verdict on the same document
            Optional<Finding> status = DiscoveryChecks.status(response, DiscoveryChecks.Fetched.DISCOVERY,
                    "unreachable");
            if (status.isPresent()) {
                throw stop(FailureStage.DISCOVERY, status.get());
            }
            Optional<Map<String, Object>> document = DiscoveryChecks.jsonObject(response.bodyText());
            if (document.isEmpty()) {
                throw stop(FailureStage.DISCOVERY, DiscoveryChecks.notJson(response,
                        DiscoveryChecks.Fetched.DISCOVERY));
            }
            Optional<Finding> wrongIssuer = DiscoveryChecks.issuer(settings.issuer().strip(), document.get());
            if (wrongIssuer.isPresent()) {
                throw stop(FailureStage.DISCOVERY, wrongIssuer.get());
            }
            OIDCProviderMetadata metadata;
            try {
                metadata = OIDCProviderMetadata.parse(response.bodyText());
            } catch (ParseException e) {
                throw new LoginStop(FailureStage.DISCOVERY, Text.of("finding.missing-metadata.parse",
                        LibraryText.plain(e.getMessage())), Text.of("finding.missing-metadata.parse.hint"));
            }
            issuer = metadata.getIssuer().getValue();
            if (metadata.getAuthorizationEndpointURI() == null) {
                throw new LoginStop(FailureStage.DISCOVERY, Text.of("login.stop.noAuthorizationEndpoint"),
                        Text.of("login.stop.noAuthorizationEndpoint.hint"));
            }
            if (!implicit() && metadata.getTokenEndpointURI() == null) {
                throw new LoginStop(FailureStage.DISCOVERY, Text.of("login.stop.noTokenEndpoint"),
                        Text.of("login.stop.noTokenEndpoint.hint"));
            }
            if (!implicit() && metadata.getCodeChallengeMethods() != null
                    && !metadata.getCodeChallengeMethods().contains(CodeChallengeMethod.S256)) {
                findings.add(Finding.warning("login-pkce-not-advertised", Text.of("finding.login-pkce-not-advertised"),
                        Text.of("finding.login-pkce-not-advertised.hint")));
            }
            return metadata;
        }

        private LoopbackListener openListener(State state) throws LoginStop {
            try {
                return receiver.open(options.redirectHost(), options.ports(), LoginOptions.CALLBACK_PATH,
                        state.getValue());
            } catch (LoopbackUnavailable e) {
                throw new LoginStop(FailureStage.LISTENER, e.text(), Finding.NO_HINT);
            }
        }

        private AuthenticationSuccessResponse checkCallback(LoopbackCallback callback, OIDCProviderMetadata metadata,
                                                            State state) throws LoginStop {
            AuthenticationResponse response;
            try {
                response = AuthenticationResponseParser.parse(URI.create(redirectUri), callback.parameters());
            } catch (ParseException e) {
                throw new LoginStop(FailureStage.AUTHORIZATION, Text.of("login.stop.responseUnreadable",
                        safe(e.getMessage())), Text.of("login.stop.responseUnreadable.hint"));
            } catch (RuntimeException e) { // Nimbus throws NullPointerException for an ID token header of JSON null
                throw new LoginStop(FailureStage.AUTHORIZATION, Text.of("login.stop.damagedIdToken"),
                        Text.of("login.stop.damagedIdToken.hint"));
            }
            if (!state.equals(response.getState())) {
                throw new LoginStop(FailureStage.AUTHORIZATION, Text.of("login.stop.wrongState"),
                        Text.of("login.stop.wrongState.hint"));
            }
            if (response instanceof AuthenticationErrorResponse error) {
                ErrorObject e = error.getErrorObject();
                String desc = e.getDescription() == null ? "" : e.getDescription();
                throw new LoginStop(FailureStage.AUTHORIZATION, desc.isEmpty()
                        ? Text.of("login.stop.refused", String.valueOf(e.getCode()))
                        : Text.of("login.stop.refused.described", String.valueOf(e.getCode()), desc),
                        hint(e.getCode(), desc));
            }
            String iss = response.getIssuer() == null ? null : response.getIssuer().getValue();
            if (iss != null && !iss.equals(issuer)) {
                throw new LoginStop(FailureStage.AUTHORIZATION, Text.of("login.stop.mixUp", iss, issuer),
                        Text.of("login.stop.mixUp.hint"));
            }
            if (iss == null && metadata.supportsAuthorizationResponseIssuerParam()) {
                throw new LoginStop(FailureStage.AUTHORIZATION, Text.of("login.stop.issMissing"),
                        Text.of("login.stop.issMissing.hint"));
            }
            return (AuthenticationSuccessResponse) response;
        }

        /** The ID token of an implicit response; a response without one says what the provider did instead. */
        private JWT implicitIdToken(AuthenticationSuccessResponse success) throws LoginStop {
            if (success.getIDToken() != null) {
                return success.getIDToken();
            }
            if (success.getAuthorizationCode() != null) {
                throw new LoginStop(FailureStage.AUTHORIZATION, Text.of("login.stop.codeInsteadOfIdToken"),
                        Text.of("login.stop.codeInsteadOfIdToken.hint"));
            }
            throw new LoginStop(FailureStage.AUTHORIZATION, Text.of("login.stop.noIdToken"),
                    Text.of("login.stop.noIdToken.hint"));
        }

        private boolean implicit() {
            return settings.effectiveResponseType() == dev.ssosetup.core.provider.ResponseType.ID_TOKEN;
        }

        private Text hint(String error, String description) {
            return ProviderErrorHints.hint(error, description, redirectUri, anyPort(),
                    settings.effectiveResponseType(), settings.callbackUrl());
        }

        private OIDCTokens exchange(OIDCProviderMetadata metadata, AuthorizationCode code, URI redirect,
                                    CodeVerifier verifier) throws LoginStop {
            AuthorizationCodeGrant grant = new AuthorizationCodeGrant(code, redirect, verifier);
            URI endpoint = metadata.getTokenEndpointURI();
            ClientID clientId = new ClientID(settings.clientId().strip());
            TokenRequest request;
            if (settings.clientType() == ClientType.CONFIDENTIAL) {
                var secret = new com.nimbusds.oauth2.sdk.auth.Secret(settings.clientSecret().reveal());
                ClientAuthentication auth = settings.clientAuthMethod() == ClientAuthMethod.CLIENT_SECRET_BASIC
                        ? new ClientSecretBasic(clientId, secret) : new ClientSecretPost(clientId, secret);
                request = new TokenRequest(endpoint, auth, grant, null);
            } else {
                request = new TokenRequest(endpoint, clientId, grant, null);
            }
            HTTPResponse httpResponse;
            try {
                httpResponse = http.send(request.toHTTPRequest(), limits(FailureStage.TOKEN, EXCHANGING));
            } catch (HttpFailure f) {
                ranOut(f, FailureStage.TOKEN, EXCHANGING);
                throw new LoginStop(FailureStage.TOKEN, Text.of("login.stop.tokenUnreachable", endpoint.toString(),
                        f.text()), Text.of("login.stop.reach.hint", f.host()));
            }
            TokenResponse response;
            try {
                response = OIDCTokenResponseParser.parse(httpResponse);
            } catch (ParseException e) {
                Text hint = httpResponse.getStatusCode() == 401
                        ? hint("invalid_client", "")
                        : Text.of("login.stop.notTokenResponse.hint");
                throw new LoginStop(FailureStage.TOKEN, Text.of("login.stop.notTokenResponse",
                        String.valueOf(httpResponse.getStatusCode())), hint);
            } catch (RuntimeException e) {
                // Nimbus throws NullPointerException for an ID token whose header is the JSON literal null
                throw new LoginStop(FailureStage.TOKEN, Text.of("login.stop.damagedTokenResponse"),
                        Text.of("login.stop.damagedTokenResponse.hint"));
            }
            if (response instanceof TokenErrorResponse error) {
                ErrorObject e = error.getErrorObject();
                String errorCode = e == null || e.getCode() == null ? "" : e.getCode();
                String desc = e == null || e.getDescription() == null ? "" : e.getDescription();
                String what = errorCode.isEmpty() ? "HTTP " + httpResponse.getStatusCode() : errorCode;
                throw new LoginStop(FailureStage.TOKEN, desc.isEmpty() ? Text.of("login.stop.codeRefused", what)
                        : Text.of("login.stop.codeRefused.described", what, desc), hint(errorCode, desc));
            }
            if (!(response instanceof OIDCTokenResponse oidc) || oidc.getOIDCTokens().getIDToken() == null) {
                throw new LoginStop(FailureStage.TOKEN, Text.of("login.stop.tokenNoIdToken"),
                        Text.of("login.stop.tokenNoIdToken.hint"));
            }
            return oidc.getOIDCTokens();
        }

        private JWKSet fetchJwks(OIDCProviderMetadata metadata) throws LoginStop {
            URI uri = metadata.getJWKSetURI();
            if (uri == null) {
                throw new LoginStop(FailureStage.ID_TOKEN, Text.of("login.stop.noJwksUri"),
                        Text.of("login.stop.noJwksUri.hint"));
            }
            try {
                HttpExchange.Response r = http.get(uri, limits(FailureStage.ID_TOKEN, READING_JWKS));
                if (r.status() != 200) {
                    throw new LoginStop(FailureStage.ID_TOKEN, Text.of("login.stop.jwksStatus", uri.toString(),
                            String.valueOf(r.status())), Text.of("login.stop.jwksStatus.hint"));
                }
                return JWKSet.parse(r.bodyText());
            } catch (HttpFailure f) {
                ranOut(f, FailureStage.ID_TOKEN, READING_JWKS);
                throw new LoginStop(FailureStage.ID_TOKEN, Text.of("login.stop.jwksUnreadable", uri.toString(),
                        f.text()), Text.of("login.stop.reach.hint", f.host()));
            } catch (java.text.ParseException e) {
                throw new LoginStop(FailureStage.ID_TOKEN, Text.of("login.stop.jwksInvalid.detail", uri.toString(),
                        LibraryText.plain(e.getMessage())), Text.of("login.stop.jwksInvalid.hint"));
            } catch (RuntimeException e) { // Nimbus throws NullPointerException for the JSON literal null
                throw new LoginStop(FailureStage.ID_TOKEN, Text.of("login.stop.jwksInvalid", uri.toString()),
                        Text.of("login.stop.jwksInvalid.hint"));
            }
        }

        private void fetchUserInfo(OIDCProviderMetadata metadata, AccessToken accessToken, String subject,
                                   Map<String, Object> claims) throws LoginStop {
            URI uri = metadata.getUserInfoEndpointURI();
            if (uri == null || !(accessToken instanceof BearerAccessToken bearer)) {
                return;
            }
            UserInfoResponse response;
            try {
                response = UserInfoResponse.parse(http.send(new UserInfoRequest(uri, bearer).toHTTPRequest(),
                        limits(FailureStage.USERINFO, READING_USERINFO)));
            } catch (HttpFailure | ParseException e) {
                Object why = e instanceof HttpFailure f ? f.text() : safe(e.getMessage());
                findings.add(Finding.warning("login-userinfo-unreadable", Text.of("finding.login-userinfo-unreadable",
                        uri.toString(), why), Text.of("finding.login-userinfo-unreadable.hint")));
                return;
            }
            if (!response.indicatesSuccess()) {
                ErrorObject e = response.toErrorResponse().getErrorObject();
                findings.add(Finding.warning("login-userinfo-error", Text.of("finding.login-userinfo-error",
                        e == null ? "?" : e.getCode() + " (HTTP " + e.getHTTPStatusCode() + ")"),
                        Text.of("finding.login-userinfo-error.hint")));
                return;
            }
            var info = response.toSuccessResponse().getUserInfo();
            if (info == null) {
                findings.add(Finding.info("login-userinfo-jwt", Text.of("finding.login-userinfo-jwt"),
                        Finding.NO_HINT));
                return;
            }
            userInfo = JsonValues.freeze(info.toJSONObject());
            if (info.getSubject() == null || !subject.equals(info.getSubject().getValue())) {
                throw new LoginStop(FailureStage.USERINFO, Text.of("login.stop.userinfoSubject",
                        info.getSubject() == null ? "" : info.getSubject().getValue(), subject),
                        Text.of("login.stop.userinfoSubject.hint"), claims);
            }
        }

        /** What is left of the attempt's one timeout. */
        private Duration left() {
            return options.timeout().minus(Duration.between(startedAt, clock.instant()));
        }

        /** The limits for one request: the usual ones, cut to what is left of the attempt's timeout. */
        private HttpExchange.Limits limits(FailureStage stage, Text during) throws LoginStop {
            Duration left = left();
            if (left.compareTo(Duration.ofMillis(1)) < 0) {
                throw outOfTime(stage, during);
            }
            return HttpExchange.Limits.DEFAULT.within(left);
        }

        /** A request that timed out because the attempt's own time ran out says so (not "the host is slow"). */
        private void ranOut(HttpFailure f, FailureStage stage, Text during) throws LoginStop {
            if (f.kind() == HttpFailure.Kind.TIMEOUT && left().compareTo(Duration.ofMillis(1)) < 0) {
                throw outOfTime(stage, during);
            }
        }

        private LoginStop outOfTime(FailureStage stage, Text during) {
            return new LoginStop(stage, Text.of("login.stop.outOfTime", options.timeout().toSeconds(), during),
                    Text.of("login.stop.outOfTime.hint"));
        }

        private boolean anyPort() {
            return options.ports().isEmpty() || options.ports().equals(List.of(0));
        }

        LoginAttempt attempt() {
            return new LoginAttempt(startedAt, settings, issuer, redirectUri, scopes, rejected);
        }

        LoginTestResult failed(LoginStop stop) {
            List<Finding> all = new ArrayList<>(findings);
            if (!stop.claims().isEmpty() && stop.stage() == FailureStage.ID_TOKEN) {
                all.add(Finding.info("login-claims-unverified", Text.of("finding.login-claims-unverified"),
                        Finding.NO_HINT));
            }
            return new LoginTestResult.Failed(attempt(), stop.stage(), stop.reason(), stop.hint(), stop.claims(),
                    userInfo, all);
        }
    }

    /** A finding of {@link DiscoveryChecks} that ends the attempt, worded as the Provider step words it. */
    private static LoginStop stop(FailureStage stage, Finding finding) {
        return new LoginStop(stage, finding.message(), finding.hint());
    }

    private static final Text READING_DISCOVERY = Text.of("login.during.discovery");
    private static final Text EXCHANGING = Text.of("login.during.exchange");
    private static final Text READING_JWKS = Text.of("login.during.jwks");
    private static final Text READING_USERINFO = Text.of("login.during.userinfo");

    private static URI uriOrNull(String text) {
        try {
            return text.isEmpty() ? null : URI.create(text);
        } catch (IllegalArgumentException e) {
            return null; // the discovery step names the bad URL
        }
    }

    private static String safe(String message) {
        return message == null ? "" : message.length() > 300 ? message.substring(0, 300) + "…" : message;
    }
}

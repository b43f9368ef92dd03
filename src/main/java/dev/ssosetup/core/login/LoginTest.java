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
import dev.ssosetup.core.common.Secret;
import dev.ssosetup.core.net.HttpExchange;
import dev.ssosetup.core.net.HttpFailure;
import dev.ssosetup.core.net.HttpGatewayFactory;
import dev.ssosetup.core.provider.ClientAuthMethod;
import dev.ssosetup.core.provider.ClientType;
import dev.ssosetup.core.provider.ProviderSettings;
import dev.ssosetup.core.task.CancelledException;
import dev.ssosetup.core.task.TaskContext;

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
                    "the login test stopped unexpectedly at the " + a.stage.label() + " stage", e);
            return a.failed(new LoginStop(a.stage, "The login test stopped on something it did not expect, at "
                    + "the " + a.stage.label() + " stage.", "This is a defect in SSO Setup Console or a library it "
                    + "uses, probably set off by an unusual answer: please report it with the login report."));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        }
    }

    private OidcHttp http(Optional<byte[]> caPem) throws LoginStop {
        try {
            return new OidcHttp(gateways.create(caPem));
        } catch (IllegalArgumentException e) {
            throw new LoginStop(FailureStage.SETTINGS, e.getMessage() == null ? "The CA bundle cannot be used."
                    : e.getMessage(), "Name a PEM file of CA certificates (BEGIN CERTIFICATE blocks), or leave the "
                    + "CA bundle empty to trust the system's CAs only.");
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
            ctx.progress(0.05, "Reading the discovery document");
            stage = FailureStage.DISCOVERY;
            OIDCProviderMetadata metadata = discover();
            checkHttp(FailureStage.DISCOVERY, "authorization endpoint", metadata.getAuthorizationEndpointURI(),
                    "token endpoint", metadata.getTokenEndpointURI(), "JWKS", metadata.getJWKSetURI(),
                    "userinfo endpoint", metadata.getUserInfoEndpointURI());
            ctx.checkCancelled();
            State state = new State();
            Nonce nonce = new Nonce();
            CodeVerifier verifier = new CodeVerifier();
            ctx.progress(0.1, "Starting the loopback listener");
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
                ctx.progress(-1, "Waiting for the sign-in in the browser");
                stage = FailureStage.TIMEOUT;
                Duration left = options.timeout().minus(Duration.between(startedAt, clock.instant()));
                Optional<LoopbackCallback> received = listener.await(left.isNegative() ? Duration.ZERO : left, ctx);
                rejected = listener.rejectedCallbacks();
                if (received.isEmpty()) {
                    throw new LoginStop(FailureStage.TIMEOUT, "No sign-in response arrived within "
                            + options.timeout().toSeconds() + " s.",
                            "Sign in in the browser window that opened (or open the URL by hand). If the provider "
                                    + "shows an error page instead of returning here, it probably refused the "
                                    + "redirect URI. " + ProviderErrorHints.redirectHint(redirectUri, anyPort(),
                                    settings.callbackUrl()));
                }
                LoopbackCallback callback = received.get();
                try {
                    LoginTestResult result = afterCallback(callback, metadata, state, nonce, verifier, redirect, ctx);
                    callback.answer(result instanceof LoginTestResult.Passed p
                            ? new CallbackPage(true, "Login test passed", "Signed in as "
                            + (p.preview().userName().isEmpty() ? JsonValues.text(p.claims().get("sub"))
                            : p.preview().userName()) + ". You can close this tab and return to SSO Setup Console.")
                            : new CallbackPage(false, "Login test failed", ((LoginTestResult.Failed) result).reason()));
                    return result;
                } catch (LoginStop stop) {
                    callback.answer(new CallbackPage(false, "Login test failed", stop.getMessage()
                            + " Details are in SSO Setup Console."));
                    throw stop;
                } finally {
                    callback.answer(new CallbackPage(false, "Login test stopped",
                            "The login test was stopped. Return to SSO Setup Console."));
                }
            }
        }

        private LoginTestResult afterCallback(LoopbackCallback callback, OIDCProviderMetadata metadata, State state,
                                              Nonce nonce, CodeVerifier verifier, URI redirect, TaskContext ctx)
                throws LoginStop {
            ctx.progress(0.6, "Checking the sign-in response");
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
                    throw new LoginStop(FailureStage.AUTHORIZATION, "The sign-in response has no authorization "
                            + "code.", "Enable the authorization code flow (response_type=code) for the client.");
                }
                ctx.checkCancelled();
                ctx.progress(0.7, "Exchanging the code for tokens");
                stage = FailureStage.TOKEN;
                OIDCTokens tokens = exchange(metadata, code, redirect, verifier);
                idToken = tokens.getIDToken();
                accessToken = tokens.getAccessToken();
            }
            ctx.checkCancelled();
            ctx.progress(0.8, "Validating the ID token");
            stage = FailureStage.ID_TOKEN;
            JWKSet jwks = fetchJwks(metadata);
            IDTokenClaimsSet idClaims = IdTokenCheck.validate(idToken, accessToken, issuer,
                    settings.clientId().strip(), settings.tokenValidationAlgorithm(), nonce, jwks,
                    metadata.getJWKSetURI().toString());
            Map<String, Object> claims;
            try {
                claims = JsonValues.freeze(idClaims.toJWTClaimsSet().toJSONObject());
            } catch (com.nimbusds.oauth2.sdk.ParseException e) {
                throw new LoginStop(FailureStage.ID_TOKEN, "The ID token's claims cannot be read: "
                        + e.getMessage(), "");
            }
            ctx.checkCancelled();
            ctx.progress(0.9, "Reading userinfo");
            stage = FailureStage.USERINFO;
            fetchUserInfo(metadata, accessToken, idClaims.getSubject().getValue(), claims);
            OpenMetadataPreview preview = OpenMetadataPreview.of(settings, claims, userInfo);
            findings.addAll(preview.warnings());
            ctx.progress(1, "Done");
            return new LoginTestResult.Passed(attempt(), claims, userInfo, preview, findings,
                    Secret.of(idToken.serialize()));
        }

        private void checkSettings() throws LoginStop {
            if (settings.effectiveDiscoveryUrl().isBlank()) {
                throw new LoginStop(FailureStage.SETTINGS, "No issuer URL is set.",
                        "Enter the provider's issuer URL (for example https://idp.example.com/realms/main).");
            }
            if (settings.clientId().isBlank()) {
                throw new LoginStop(FailureStage.SETTINGS, "No client ID is set.",
                        "Enter the client ID registered for OpenMetadata at the provider.");
            }
            if (settings.clientType() == ClientType.CONFIDENTIAL && settings.clientSecret().isEmpty()) {
                throw new LoginStop(FailureStage.SETTINGS, "The client is confidential but no client secret is set.",
                        "Enter the client secret, or choose a public client if the provider registered one.");
            }
            List<String> s = new ArrayList<>(settings.scopes().stream().map(String::strip)
                    .filter(x -> !x.isEmpty()).distinct().toList());
            if (!s.contains("openid")) {
                s.addFirst("openid");
                findings.add(Finding.warning("login-scope-openid-added",
                        "The scopes did not include \"openid\"; it was added for the test.",
                        "Add \"openid\" to the scopes: without it there is no ID token and OpenMetadata cannot sign "
                                + "anybody in."));
            }
            scopes = List.copyOf(s);
            checkHttp(FailureStage.SETTINGS, "issuer", uriOrNull(settings.issuer().strip()), "discovery document",
                    uriOrNull(settings.effectiveDiscoveryUrl()));
        }

        /**
         * Plain http to another computer is refused before anything is sent there, unless the operator allowed it;
         * then the verdict carries a warning ({@link InsecureHttp}).
         */
        private void checkHttp(FailureStage at, Object... nameThenUri) throws LoginStop {
            List<String> insecure = InsecureHttp.insecure(nameThenUri);
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
                throw new LoginStop(FailureStage.DISCOVERY, "The discovery URL \"" + url + "\" is not a valid URL.",
                        "Check the issuer URL.");
            }
            HttpExchange.Response response;
            try {
                response = http.get(uri, limits(FailureStage.DISCOVERY, READING_DISCOVERY));
            } catch (HttpFailure f) {
                ranOut(f, FailureStage.DISCOVERY, READING_DISCOVERY);
                throw new LoginStop(FailureStage.DISCOVERY, "The discovery document at " + url
                        + " could not be read: " + f.getMessage(), "Check the issuer URL and that this computer "
                        + "can reach " + f.host() + " (proxy, firewall, CA certificates).");
            }
            if (response.status() != 200) {
                throw new LoginStop(FailureStage.DISCOVERY, "The discovery document at " + url + " answered HTTP "
                        + response.status() + ".", "Check the issuer URL: the discovery document must be at "
                        + "<issuer>/.well-known/openid-configuration.");
            }
            OIDCProviderMetadata metadata;
            try {
                metadata = OIDCProviderMetadata.parse(response.bodyText());
            } catch (ParseException e) {
                throw new LoginStop(FailureStage.DISCOVERY, "The document at " + url + " is not valid OpenID "
                        + "provider metadata: " + e.getMessage(), "Check the issuer or discovery URL.");
            }
            issuer = metadata.getIssuer().getValue();
            String typed = settings.issuer().strip();
            if (!typed.isEmpty() && !typed.equals(issuer)) {
                if (stripSlash(typed).equals(stripSlash(issuer))) {
                    findings.add(Finding.warning("login-issuer-trailing-slash", "The issuer typed (\"" + typed
                            + "\") differs from the provider's (\"" + issuer + "\") only by a trailing slash.",
                            "Use \"" + issuer + "\" exactly: tokens are compared character by character."));
                } else {
                    throw new LoginStop(FailureStage.DISCOVERY, "The provider's issuer is \"" + issuer
                            + "\", not \"" + typed + "\" as configured.",
                            "Set the issuer to \"" + issuer + "\" exactly.");
                }
            }
            if (metadata.getAuthorizationEndpointURI() == null) {
                throw new LoginStop(FailureStage.DISCOVERY, "The discovery document has no authorization_endpoint.",
                        "This provider does not offer a browser sign-in: check the issuer and discovery URL.");
            }
            if (!implicit() && metadata.getTokenEndpointURI() == null) {
                throw new LoginStop(FailureStage.DISCOVERY, "The discovery document has no token_endpoint.",
                        "This provider does not support the authorization code flow; for a public client choose "
                                + "\"Implicit (id_token)\" if the provider offers it.");
            }
            if (!implicit() && metadata.getCodeChallengeMethods() != null
                    && !metadata.getCodeChallengeMethods().contains(CodeChallengeMethod.S256)) {
                findings.add(Finding.warning("login-pkce-not-advertised", "The provider does not advertise PKCE "
                        + "S256 (code_challenge_methods_supported).", "PKCE is sent anyway; if the sign-in fails "
                        + "with a PKCE error, enable S256 for the client."));
            }
            return metadata;
        }

        private LoopbackListener openListener(State state) throws LoginStop {
            try {
                return receiver.open(options.redirectHost(), options.ports(), LoginOptions.CALLBACK_PATH,
                        state.getValue());
            } catch (LoopbackUnavailable e) {
                throw new LoginStop(FailureStage.LISTENER, e.getMessage(), "");
            }
        }

        private AuthenticationSuccessResponse checkCallback(LoopbackCallback callback, OIDCProviderMetadata metadata,
                                                            State state) throws LoginStop {
            AuthenticationResponse response;
            try {
                response = AuthenticationResponseParser.parse(URI.create(redirectUri), callback.parameters());
            } catch (ParseException e) {
                throw new LoginStop(FailureStage.AUTHORIZATION, "The sign-in response could not be read: "
                        + safe(e.getMessage()), "The provider's answer is not a valid OAuth 2.0 response.");
            } catch (RuntimeException e) { // Nimbus throws NullPointerException for an ID token header of JSON null
                throw new LoginStop(FailureStage.AUTHORIZATION, "The sign-in response holds an ID token that "
                        + "cannot be read (its header or claims are not JSON objects).", "The provider sent a "
                        + "damaged ID token; check the client's token settings at the provider.");
            }
            if (!state.equals(response.getState())) {
                throw new LoginStop(FailureStage.AUTHORIZATION, "The sign-in response carries a wrong state.",
                        "Start the test again and use only the newest browser tab.");
            }
            if (response instanceof AuthenticationErrorResponse error) {
                ErrorObject e = error.getErrorObject();
                String desc = e.getDescription() == null ? "" : e.getDescription();
                throw new LoginStop(FailureStage.AUTHORIZATION, "The provider refused the sign-in: " + e.getCode()
                        + (desc.isEmpty() ? "" : " (" + desc + ")") + ".",
                        hint(e.getCode(), desc));
            }
            String iss = response.getIssuer() == null ? null : response.getIssuer().getValue();
            if (iss != null && !iss.equals(issuer)) {
                throw new LoginStop(FailureStage.AUTHORIZATION, "The sign-in response says it comes from issuer \""
                        + iss + "\", not \"" + issuer + "\" (RFC 9207): a mix-up attack, or the wrong provider.",
                        "Check the issuer URL; do not continue if you did not expect this provider.");
            }
            if (iss == null && metadata.supportsAuthorizationResponseIssuerParam()) {
                throw new LoginStop(FailureStage.AUTHORIZATION, "The provider advertises the iss response "
                        + "parameter (RFC 9207) but the sign-in response has none.",
                        "Something between the provider and this computer altered the response; try again.");
            }
            return (AuthenticationSuccessResponse) response;
        }

        /** The ID token of an implicit response; a response without one says what the provider did instead. */
        private JWT implicitIdToken(AuthenticationSuccessResponse success) throws LoginStop {
            if (success.getIDToken() != null) {
                return success.getIDToken();
            }
            if (success.getAuthorizationCode() != null) {
                throw new LoginStop(FailureStage.AUTHORIZATION, "The provider answered with an authorization code, "
                        + "but an ID token (response_type=id_token, the implicit flow) was asked for.",
                        "Enable the implicit flow for the client at the provider, or choose \"Authorization code "
                                + "with PKCE\" in the Provider step if your OpenMetadata version supports it.");
            }
            throw new LoginStop(FailureStage.AUTHORIZATION, "The sign-in response has no ID token.",
                    "Enable the implicit flow (id_token) for the client at the provider, request the scope "
                            + "\"openid\", or choose \"Authorization code with PKCE\" in the Provider step.");
        }

        private boolean implicit() {
            return settings.effectiveResponseType() == dev.ssosetup.core.provider.ResponseType.ID_TOKEN;
        }

        private String hint(String error, String description) {
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
                throw new LoginStop(FailureStage.TOKEN, "The token endpoint " + endpoint + " could not be reached: "
                        + f.getMessage(), "Check that this computer can reach " + f.host() + ".");
            }
            TokenResponse response;
            try {
                response = OIDCTokenResponseParser.parse(httpResponse);
            } catch (ParseException e) {
                String hint = httpResponse.getStatusCode() == 401
                        ? hint("invalid_client", "")
                        : "The token endpoint did not answer with OAuth 2.0 JSON; check the discovery document.";
                throw new LoginStop(FailureStage.TOKEN, "The token endpoint answered HTTP "
                        + httpResponse.getStatusCode() + " with something that is not a token response.", hint);
            } catch (RuntimeException e) {
                // Nimbus throws NullPointerException for an ID token whose header is the JSON literal null
                throw new LoginStop(FailureStage.TOKEN, "The token response holds an ID token that cannot be read "
                        + "(its header or claims are not JSON objects).", "The provider sent a damaged ID token; "
                        + "check the client's token settings at the provider, or anything between it and this "
                        + "computer that rewrites answers.");
            }
            if (response instanceof TokenErrorResponse error) {
                ErrorObject e = error.getErrorObject();
                String errorCode = e == null || e.getCode() == null ? "" : e.getCode();
                String desc = e == null || e.getDescription() == null ? "" : e.getDescription();
                throw new LoginStop(FailureStage.TOKEN, "The token endpoint refused the code: "
                        + (errorCode.isEmpty() ? "HTTP " + httpResponse.getStatusCode() : errorCode)
                        + (desc.isEmpty() ? "" : " (" + desc + ")") + ".",
                        hint(errorCode, desc));
            }
            if (!(response instanceof OIDCTokenResponse oidc) || oidc.getOIDCTokens().getIDToken() == null) {
                throw new LoginStop(FailureStage.TOKEN, "The token response has no ID token.",
                        "Request the scope \"openid\" and make sure the client is an OpenID Connect client.");
            }
            return oidc.getOIDCTokens();
        }

        private JWKSet fetchJwks(OIDCProviderMetadata metadata) throws LoginStop {
            URI uri = metadata.getJWKSetURI();
            if (uri == null) {
                throw new LoginStop(FailureStage.ID_TOKEN, "The discovery document has no jwks_uri, so the ID token "
                        + "signature cannot be checked.", "The provider must publish its signing keys.");
            }
            try {
                HttpExchange.Response r = http.get(uri, limits(FailureStage.ID_TOKEN, READING_JWKS));
                if (r.status() != 200) {
                    throw new LoginStop(FailureStage.ID_TOKEN, "The JWKS at " + uri + " answered HTTP " + r.status()
                            + ".", "The provider must publish its signing keys at jwks_uri.");
                }
                return JWKSet.parse(r.bodyText());
            } catch (HttpFailure f) {
                ranOut(f, FailureStage.ID_TOKEN, READING_JWKS);
                throw new LoginStop(FailureStage.ID_TOKEN, "The JWKS at " + uri + " could not be read: "
                        + f.getMessage(), "Check that this computer can reach " + f.host() + ".");
            } catch (java.text.ParseException e) {
                throw new LoginStop(FailureStage.ID_TOKEN, "The JWKS at " + uri + " is not a valid key set: "
                        + e.getMessage(), "The provider must publish its signing keys as a JWK set.");
            } catch (RuntimeException e) { // Nimbus throws NullPointerException for the JSON literal null
                throw new LoginStop(FailureStage.ID_TOKEN, "The JWKS at " + uri + " is not a valid key set.",
                        "The provider must publish its signing keys as a JWK set.");
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
                findings.add(Finding.warning("login-userinfo-unreadable", "The userinfo endpoint " + uri
                        + " could not be read: " + safe(e.getMessage()), "OpenMetadata reads the ID token, so "
                        + "this does not stop the login; check the endpoint if other tools need it."));
                return;
            }
            if (!response.indicatesSuccess()) {
                ErrorObject e = response.toErrorResponse().getErrorObject();
                findings.add(Finding.warning("login-userinfo-error", "The userinfo endpoint refused the access token: "
                        + (e == null ? "?" : e.getCode() + " (HTTP " + e.getHTTPStatusCode() + ")"),
                        "OpenMetadata reads the ID token, so this does not stop the login."));
                return;
            }
            var info = response.toSuccessResponse().getUserInfo();
            if (info == null) {
                findings.add(Finding.info("login-userinfo-jwt", "The userinfo endpoint answered with a JWT; its "
                        + "claims are not shown.", ""));
                return;
            }
            userInfo = JsonValues.freeze(info.toJSONObject());
            if (info.getSubject() == null || !subject.equals(info.getSubject().getValue())) {
                throw new LoginStop(FailureStage.USERINFO, "The userinfo subject (sub \""
                        + (info.getSubject() == null ? "" : info.getSubject().getValue())
                        + "\") differs from the ID token's (\"" + subject + "\").",
                        "The provider returned data about another user: do not trust this provider setup; "
                                + "check the userinfo endpoint in the discovery document.", claims);
            }
        }

        /** What is left of the attempt's one timeout. */
        private Duration left() {
            return options.timeout().minus(Duration.between(startedAt, clock.instant()));
        }

        /** The limits for one request: the usual ones, cut to what is left of the attempt's timeout. */
        private HttpExchange.Limits limits(FailureStage stage, String during) throws LoginStop {
            Duration left = left();
            if (left.compareTo(Duration.ofMillis(1)) < 0) {
                throw outOfTime(stage, during);
            }
            return HttpExchange.Limits.DEFAULT.within(left);
        }

        /** A request that timed out because the attempt's own time ran out says so (not "the host is slow"). */
        private void ranOut(HttpFailure f, FailureStage stage, String during) throws LoginStop {
            if (f.kind() == HttpFailure.Kind.TIMEOUT && left().compareTo(Duration.ofMillis(1)) < 0) {
                throw outOfTime(stage, during);
            }
        }

        private LoginStop outOfTime(FailureStage stage, String during) {
            return new LoginStop(stage, "The login test's time limit (" + options.timeout().toSeconds()
                    + " s) ran out " + during + ".", "Start the test again. If the provider is slow to answer, "
                    + "allow more time (the timeout option).");
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
                all.add(Finding.info("login-claims-unverified", "The claims shown come from a token that failed "
                        + "validation: they are not trustworthy.", ""));
            }
            return new LoginTestResult.Failed(attempt(), stop.stage(), stop.getMessage(), stop.hint(), stop.claims(),
                    userInfo, all);
        }
    }

    private static final String READING_DISCOVERY = "while reading the discovery document";
    private static final String EXCHANGING = "during the token exchange";
    private static final String READING_JWKS = "while reading the provider's signing keys (JWKS)";
    private static final String READING_USERINFO = "while reading userinfo";

    private static URI uriOrNull(String text) {
        try {
            return text.isEmpty() ? null : URI.create(text);
        } catch (IllegalArgumentException e) {
            return null; // the discovery step names the bad URL
        }
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static String safe(String message) {
        return message == null ? "" : message.length() > 300 ? message.substring(0, 300) + "…" : message;
    }
}

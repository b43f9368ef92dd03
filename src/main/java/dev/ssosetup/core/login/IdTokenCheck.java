package dev.ssosetup.core.login;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.AccessTokenValidator;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import com.nimbusds.openid.connect.sdk.validators.InvalidHashException;

import java.text.ParseException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Validates an ID token as OpenID Connect Core 3.1.3.7 asks, with Nimbus {@link IDTokenValidator}: signature by the
 * JWKS key named by {@code kid}, the configured algorithm only (never {@code none}, never HMAC), {@code iss},
 * {@code aud}, {@code azp}, {@code exp}/{@code iat} with a 60 s skew, {@code nonce}, and {@code at_hash} when present.
 * A refusal names the claim at fault and how to fix it.
 */
final class IdTokenCheck {
    static final int MAX_CLOCK_SKEW_SECONDS = 60;

    private IdTokenCheck() {
    }

    static IDTokenClaimsSet validate(JWT idToken, AccessToken accessToken, String issuer, String clientId,
                                     String configuredAlg, Nonce nonce, JWKSet jwks, String jwksUri)
            throws LoginStop {
        Map<String, Object> unverified = unverifiedClaims(idToken);
        if (idToken instanceof PlainJWT) {
            throw stop("The ID token is not signed (alg \"none\"), so anybody could have forged it.",
                    "Configure the provider to sign ID tokens with " + configuredAlg + ".", unverified);
        }
        if (idToken instanceof EncryptedJWT) {
            throw stop("The ID token is encrypted; OpenMetadata cannot read encrypted ID tokens.",
                    "Turn ID token encryption off for this client at the provider.", unverified);
        }
        SignedJWT signed = (SignedJWT) idToken;
        JWSAlgorithm alg = signed.getHeader().getAlgorithm();
        if (JWSAlgorithm.Family.HMAC_SHA.contains(alg)) {
            throw stop("The ID token is signed with " + alg + " (a shared-secret HMAC), which OpenMetadata cannot "
                            + "verify with public keys.",
                    "Configure the provider to sign ID tokens with an asymmetric algorithm such as RS256.", unverified);
        }
        JWSAlgorithm expected = JWSAlgorithm.parse(configuredAlg);
        if (!alg.equals(expected)) {
            throw stop("The ID token is signed with " + alg + ", but the configured algorithm "
                            + "(tokenValidationAlgorithm) is " + configuredAlg + ".",
                    "Set the token validation algorithm to " + alg + " in the Provider step, or change the "
                            + "provider's signing algorithm.", unverified);
        }
        String kid = signed.getHeader().getKeyID();
        if (kid != null && jwks.getKeyByKeyId(kid) == null) {
            List<String> known = jwks.getKeys().stream().map(k -> String.valueOf(k.getKeyID())).toList();
            throw stop("The ID token names signing key \"" + kid + "\", which is not in the provider's JWKS at "
                            + jwksUri + " (keys there: " + known + ").",
                    "The token comes from another provider or the keys were rotated: check the issuer and "
                            + "discovery URL, then try again.", unverified);
        }
        IDTokenValidator validator = new IDTokenValidator(new Issuer(issuer), new ClientID(clientId),
                new JWSVerificationKeySelector<SecurityContext>(expected, new ImmutableJWKSet<>(jwks)), null);
        validator.setMaxClockSkew(MAX_CLOCK_SKEW_SECONDS);
        IDTokenClaimsSet claims;
        try {
            claims = validator.validate(idToken, nonce);
        } catch (BadJOSEException | JOSEException e) {
            throw explain(e, unverified, issuer, clientId, nonce);
        }
        if (claims.getAccessTokenHash() != null && accessToken != null) {
            try {
                AccessTokenValidator.validate(accessToken, alg, claims.getAccessTokenHash());
            } catch (InvalidHashException e) {
                throw stop("The ID token's at_hash does not match the access token that came with it.",
                        "The tokens do not belong together: a proxy or the provider mixed responses. Try again; "
                                + "if it repeats, report it to the provider's administrator.", unverified);
            }
        }
        String azp = claims.getStringClaim("azp");
        if (azp == null && claims.getAudience().size() > 1) {
            throw stop("The ID token has several audiences " + claims.getAudience() + " but no authorized party "
                    + "(azp), so it cannot be told apart from a token meant for another client.",
                    "Configure the provider to issue ID tokens for this client only, or to add azp.", unverified);
        }
        if (azp != null && !azp.equals(clientId)) {
            throw stop("The ID token's authorized party (azp) is \"" + azp + "\", not the client ID \"" + clientId
                    + "\".", "Check the client ID in the Provider step.", unverified);
        }
        return claims;
    }

    private static LoginStop explain(Exception e, Map<String, Object> c, String issuer, String clientId,
                                     Nonce nonce) {
        String msg = Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName());
        String lower = msg.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("signature")) {
            return stop("The ID token's signature does not verify with the provider's published key.",
                    "The token was not signed by this provider: check the issuer and discovery URL.", c);
        }
        if (!issuer.equals(c.get("iss"))) {
            return stop("The ID token's issuer (iss) is \"" + JsonValues.text(c.get("iss")) + "\", but the provider's "
                            + "issuer is \"" + issuer + "\".",
                    "Use the issuer URL exactly as the provider reports it (including any trailing slash).", c);
        }
        Object aud = c.get("aud");
        boolean audOk = aud instanceof List<?> l ? l.contains(clientId) : clientId.equals(aud);
        if (!audOk) {
            return stop("The ID token was issued for audience " + JsonValues.text(aud) + ", not for the client ID \""
                    + clientId + "\".", "Check the client ID in the Provider step.", c);
        }
        if (lower.contains("azp") || lower.contains("authorized party")) {
            return stop("The ID token has several audiences but its authorized party (azp) is missing or is not \""
                    + clientId + "\".", "Check the client ID and the audience settings of the client.", c);
        }
        long now = Instant.now().getEpochSecond();
        if (c.get("exp") instanceof Number exp && exp.longValue() + MAX_CLOCK_SKEW_SECONDS < now) {
            return stop("The ID token expired at " + Instant.ofEpochSecond(exp.longValue()) + ".",
                    "Check this computer's clock and the provider's token lifetime, then try again.", c);
        }
        if (c.get("iat") instanceof Number iat && iat.longValue() - MAX_CLOCK_SKEW_SECONDS > now) {
            return stop("The ID token was issued in the future (" + Instant.ofEpochSecond(iat.longValue()) + ").",
                    "This computer's clock or the provider's is wrong by more than a minute: fix the time.", c);
        }
        if (lower.contains("nonce") || !nonce.getValue().equals(c.get("nonce"))) {
            return stop("The ID token's nonce does not match the one sent with this sign-in (a replayed or "
                    + "foreign token).", "Start the test again; if it repeats, the provider does not return the "
                    + "nonce it was given.", c);
        }
        return stop("The ID token was rejected: " + msg + ".", "Compare the claims below with the settings.", c);
    }

    private static LoginStop stop(String reason, String hint, Map<String, Object> claims) {
        return new LoginStop(FailureStage.ID_TOKEN, reason, hint, claims);
    }

    /** The claims as sent, before any check; for showing what was wrong. */
    static Map<String, Object> unverifiedClaims(JWT jwt) {
        try {
            JWTClaimsSet set = jwt.getJWTClaimsSet();
            return set == null ? Map.of() : JsonValues.freeze(set.toJSONObject());
        } catch (ParseException | RuntimeException e) {
            return Map.of();
        }
    }
}

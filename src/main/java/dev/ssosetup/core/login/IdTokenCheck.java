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

import dev.ssosetup.core.common.LibraryText;
import dev.ssosetup.core.text.Text;

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
            throw stop(Text.of("login.idToken.unsigned"), Text.of("login.idToken.unsigned.hint", configuredAlg),
                    unverified);
        }
        if (idToken instanceof EncryptedJWT) {
            throw stop(Text.of("login.idToken.encrypted"), Text.of("login.idToken.encrypted.hint"), unverified);
        }
        SignedJWT signed = (SignedJWT) idToken;
        JWSAlgorithm alg = signed.getHeader().getAlgorithm();
        if (JWSAlgorithm.Family.HMAC_SHA.contains(alg)) {
            throw stop(Text.of("login.idToken.hmac", alg.getName()), Text.of("login.idToken.hmac.hint"), unverified);
        }
        JWSAlgorithm expected = JWSAlgorithm.parse(configuredAlg);
        if (!alg.equals(expected)) {
            throw stop(Text.of("login.idToken.algorithm", alg.getName(), configuredAlg),
                    Text.of("login.idToken.algorithm.hint", alg.getName()), unverified);
        }
        String kid = signed.getHeader().getKeyID();
        if (kid != null && jwks.getKeyByKeyId(kid) == null) {
            List<String> known = jwks.getKeys().stream().map(k -> String.valueOf(k.getKeyID())).toList();
            throw stop(Text.of("login.idToken.unknownKid", kid, jwksUri, known.toString()),
                    Text.of("login.idToken.unknownKid.hint"), unverified);
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
                throw stop(Text.of("login.idToken.atHash"), Text.of("login.idToken.atHash.hint"), unverified);
            }
        }
        String azp = claims.getStringClaim("azp");
        if (azp == null && claims.getAudience().size() > 1) {
            throw stop(Text.of("login.idToken.noAzp", claims.getAudience().toString()),
                    Text.of("login.idToken.noAzp.hint"), unverified);
        }
        if (azp != null && !azp.equals(clientId)) {
            throw stop(Text.of("login.idToken.azp", azp, clientId), Text.of("login.idToken.clientId.hint"),
                    unverified);
        }
        return claims;
    }

    private static LoginStop explain(Exception e, Map<String, Object> c, String issuer, String clientId,
                                     Nonce nonce) {
        String msg = Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName());
        String lower = msg.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("signature")) {
            return stop(Text.of("login.idToken.signature"), Text.of("login.idToken.signature.hint"), c);
        }
        if (!issuer.equals(c.get("iss"))) {
            return stop(Text.of("login.idToken.iss", JsonValues.text(c.get("iss")), issuer),
                    Text.of("login.idToken.iss.hint"), c);
        }
        Object aud = c.get("aud");
        boolean audOk = aud instanceof List<?> l ? l.contains(clientId) : clientId.equals(aud);
        if (!audOk) {
            return stop(Text.of("login.idToken.aud", JsonValues.text(aud), clientId),
                    Text.of("login.idToken.clientId.hint"), c);
        }
        if (lower.contains("azp") || lower.contains("authorized party")) {
            return stop(Text.of("login.idToken.azpMissing", clientId), Text.of("login.idToken.azpMissing.hint"), c);
        }
        long now = Instant.now().getEpochSecond();
        if (c.get("exp") instanceof Number exp && exp.longValue() + MAX_CLOCK_SKEW_SECONDS < now) {
            return stop(Text.of("login.idToken.expired", Instant.ofEpochSecond(exp.longValue()).toString()),
                    Text.of("login.idToken.expired.hint"), c);
        }
        if (c.get("iat") instanceof Number iat && iat.longValue() - MAX_CLOCK_SKEW_SECONDS > now) {
            return stop(Text.of("login.idToken.future", Instant.ofEpochSecond(iat.longValue()).toString()),
                    Text.of("login.idToken.future.hint"), c);
        }
        if (lower.contains("nonce") || !nonce.getValue().equals(c.get("nonce"))) {
            return stop(Text.of("login.idToken.nonce"), Text.of("login.idToken.nonce.hint"), c);
        }
        return stop(Text.of("login.idToken.rejected", LibraryText.plain(msg)), Text.of("login.idToken.rejected.hint"),
                c);
    }

    private static LoginStop stop(Text reason, Text hint, Map<String, Object> claims) {
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

package dev.ssosetup.core.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.ssosetup.core.text.Text;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Proves a key pair works the way OpenMetadata will use it: signs a sample bot token (header {@code kid}; claims
 * {@code iss}, {@code sub}, {@code email}, {@code isBot}, {@code tokenType}, {@code iat}, {@code exp}) with RS256 and
 * verifies it with the public key and through {@code jwks.json} (selecting the key by {@code kid}).
 */
public final class SigningSelfTest {
    private final Clock clock;

    public SigningSelfTest(Clock clock) {
        this.clock = clock;
    }

    public SelfTestResult run(RsaKeyPair pair, JwtKeySettings settings, String jwksJson) {
        List<SelfTestResult.Check> checks = new ArrayList<>();
        Instant now = clock.instant();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(settings.keyId())
                .type(JOSEObjectType.JWT).build();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(settings.issuer())
                .subject("ingestion-bot")
                .claim("email", "ingestion-bot@" + emailDomain(settings.issuer()))
                .claim("isBot", true)
                .claim("tokenType", "BOT")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new RSASSASigner(pair.privateKey()));
            checks.add(new SelfTestResult.Check("sign", true, Text.of("keys.selftest.check.signed")));
        } catch (JOSEException e) {
            checks.add(new SelfTestResult.Check("sign", false, Text.of("keys.selftest.check.signFailed",
                    String.valueOf(e.getMessage()))));
            return new SelfTestResult(false, checks, header.toString(), claims.toString());
        }
        String compact = jwt.serialize();
        checks.add(verify("verify.publicKey", Text.of("keys.selftest.what.publicKey"), compact, new RSASSAVerifier(pair.publicKey())));
        checks.add(verifyWithJwks(compact, settings.keyId(), jwksJson));
        checks.add(claimsCheck(compact, settings, now));
        boolean passed = checks.stream().allMatch(SelfTestResult.Check::passed);
        return new SelfTestResult(passed, checks, header.toString(), claims.toString());
    }

    private static SelfTestResult.Check verify(String name, Text what, String compact, RSASSAVerifier verifier) {
        try {
            boolean ok = SignedJWT.parse(compact).verify(verifier);
            return new SelfTestResult.Check(name, ok, Text.of(ok ? "keys.selftest.check.verifies"
                    : "keys.selftest.check.doesNotVerify", what));
        } catch (ParseException | JOSEException e) {
            return new SelfTestResult.Check(name, false, Text.of("keys.selftest.check.verifyFailed",
                    String.valueOf(e.getMessage())));
        }
    }

    private static SelfTestResult.Check verifyWithJwks(String compact, String keyId, String jwksJson) {
        try {
            JWKSet set = JWKSet.parse(jwksJson);
            List<JWK> matches = new JWKSelector(new JWKMatcher.Builder().keyID(keyId).build()).select(set);
            if (matches.isEmpty()) {
                return new SelfTestResult.Check("verify.jwks", false, Text.of("keys.selftest.check.noKid", keyId));
            }
            return verify("verify.jwks", Text.of("keys.selftest.what.jwks", keyId), compact,
                    new RSASSAVerifier(((RSAKey) matches.getFirst()).toRSAPublicKey()));
        } catch (ParseException | JOSEException | ClassCastException e) {
            return new SelfTestResult.Check("verify.jwks", false, Text.of("keys.selftest.check.jwksUnusable",
                    String.valueOf(e.getMessage())));
        }
    }

    private static SelfTestResult.Check claimsCheck(String compact, JwtKeySettings settings, Instant now) {
        try {
            SignedJWT jwt = SignedJWT.parse(compact);
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            boolean ok = settings.keyId().equals(jwt.getHeader().getKeyID())
                    && settings.issuer().equals(claims.getIssuer())
                    && Boolean.TRUE.equals(claims.getBooleanClaim("isBot"))
                    && claims.getExpirationTime().toInstant().isAfter(now);
            return new SelfTestResult.Check("claims", ok, Text.of(ok ? "keys.selftest.check.claimsOk"
                    : "keys.selftest.check.claimsChanged"));
        } catch (ParseException e) {
            return new SelfTestResult.Check("claims", false, Text.of("keys.selftest.check.unreadable",
                    String.valueOf(e.getMessage())));
        }
    }

    private static String emailDomain(String issuer) {
        String host = issuer.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "").replaceFirst("[:/].*$", "");
        return host.isBlank() ? "open-metadata.org" : host;
    }
}

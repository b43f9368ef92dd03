package dev.ssosetup.core.provider;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import dev.ssosetup.core.common.Finding;
import dev.ssosetup.core.text.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a provider's published key set: it must be a JSON object with a non-empty {@code keys} array of public,
 * asymmetric keys that parse, and at least one must be able to verify ID tokens signed with the configured
 * algorithm. Each key is parsed with Nimbus one by one so that one bad key is named rather than hiding the rest.
 */
final class JwksChecks {
    private JwksChecks() {
    }

    static List<Finding> check(String body, String algorithm) {
        Optional<Map<String, Object>> json = DiscoveryChecks.jsonObject(body);
        if (json.isEmpty()) {
            return List.of(invalid(Text.of("finding.jwks-invalid.notObject")));
        }
        if (!(json.get().get("keys") instanceof List<?> keys)) {
            return List.of(invalid(Text.of("finding.jwks-invalid.noKeys")));
        }
        if (keys.isEmpty()) {
            return List.of(invalid(Text.of("finding.jwks-invalid.empty")));
        }
        List<Finding> out = new ArrayList<>();
        List<JWK> parsed = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            Object k = keys.get(i);
            Text name = Text.of("finding.jwks.key", String.valueOf(i + 1));
            if (!(k instanceof Map<?, ?> m)) {
                out.add(invalid(Text.of("finding.jwks-invalid.keyNotObject", name)));
                continue;
            }
            if (m.get("kid") instanceof String kid) {
                name = Text.of("finding.jwks.keyKid", String.valueOf(i + 1), kid);
            }
            JWK jwk;
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> map = (Map<String, Object>) m;
                jwk = JWK.parse(map);
            } catch (java.text.ParseException | RuntimeException e) {
                out.add(invalid(Text.of("finding.jwks-invalid.parse", name,
                        dev.ssosetup.core.common.LibraryText.plain(e.getMessage()))));
                continue;
            }
            if (jwk.getKeyType() == KeyType.OCT) {
                out.add(Finding.error("jwks-invalid", Text.of("finding.jwks-invalid.oct", name),
                        Text.of("finding.jwks-invalid.oct.hint")));
                continue;
            }
            if (jwk.isPrivate()) {
                out.add(Finding.error("jwks-invalid", Text.of("finding.jwks-invalid.private", name),
                        Text.of("finding.jwks-invalid.private.hint")));
                continue;
            }
            parsed.add(jwk);
        }
        if (parsed.stream().noneMatch(k -> fits(k, algorithm))) {
            out.add(Finding.error("jwks-no-signing-key", Text.of("finding.jwks-no-signing-key", algorithm,
                    describe(parsed)), Text.of("finding.jwks-no-signing-key.hint", algorithm)));
        }
        return out;
    }

    private static Finding invalid(Text message) {
        return Finding.error("jwks-invalid", message, Text.of("finding.jwks-invalid.hint"));
    }

    static boolean fits(JWK key, String algorithm) {
        JWSAlgorithm alg = JWSAlgorithm.parse(algorithm);
        if (key.getKeyUse() != null && !KeyUse.SIGNATURE.equals(key.getKeyUse())) {
            return false;
        }
        if (key.getAlgorithm() != null && !key.getAlgorithm().getName().equals(alg.getName())) {
            return false;
        }
        if (JWSAlgorithm.Family.RSA.contains(alg)) {
            return key.getKeyType() == KeyType.RSA;
        }
        if (JWSAlgorithm.Family.EC.contains(alg)) {
            Set<Curve> curves = Curve.forJWSAlgorithm(alg);
            return key instanceof ECKey ec && (curves == null || curves.contains(ec.getCurve()));
        }
        if (JWSAlgorithm.Family.ED.contains(alg)) {
            return key instanceof OctetKeyPair;
        }
        return false;
    }

    private static Object describe(List<JWK> keys) {
        if (keys.isEmpty()) {
            return Text.of("finding.jwks-no-signing-key.none");
        }
        return keys.stream().map(k -> k.getKeyType().getValue()
                + (k.getAlgorithm() == null ? "" : "/" + k.getAlgorithm().getName())
                + (k.getKeyUse() == null ? "" : "/" + k.getKeyUse().identifier())).toList().toString();
    }
}

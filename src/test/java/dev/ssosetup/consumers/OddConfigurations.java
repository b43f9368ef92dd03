package dev.ssosetup.consumers;

import dev.ssosetup.core.common.Secret;
import dev.ssosetup.core.config.Samples;
import dev.ssosetup.core.config.SsoConfiguration;
import dev.ssosetup.core.keys.JwtKeySettings;
import dev.ssosetup.core.provider.ProviderSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Configurations whose free-text settings and lists hold what breaks naive writers: spaces, both quotes, {@code #},
 * {@code $}, brackets, braces, commas, colons, backslashes, YAML words ({@code yes}, {@code null}), numbers and
 * non-ASCII letters. A fixed hand-written one plus seeded random ones (the same on every run), for the consumer tests.
 */
public final class OddConfigurations {
    private static final String ODD = " \"'#$[]{},:\\&*!%@?|>=`~-_./";
    private static final String LETTERS = "abcXYZ019éßЖ中ø";
    private static final List<String> WORDS = List.of("yes", "no", "on", "null", "true", "~", "0x1F", "012", "1e3",
            "- a", "? b", "a: b", "a #b", "${HOME}", "$$", "[x]", "{y}", "'q'", "\"d\"", "  lead", "trail  ");

    private OddConfigurations() {
    }

    /** The hand-written one: every troublesome character at least once. */
    public static SsoConfiguration handWritten() {
        SsoConfiguration base = Samples.confidential()
                .withClientSecret(Secret.of("s3c \"q\" 'x' #1 $HOME ${OIDC_TENANT} \\n é"));
        return with(base, "Acme \"SSO\" #1 $HOME [a,b] {c}: Zürich", List.of("alice", "bob,eve", "o'brien", "x#y",
                "$USER", "[z]", "ünïcødé", "yes"), "example.com", "client id: #1 ${X}", List.of("a.example", "all"),
                "iss $x 'y' \"z\"");
    }

    /** {@code count} random ones from a fixed seed, confidential and public alternately. */
    public static List<SsoConfiguration> random(int count, long seed) {
        Random r = new Random(seed);
        List<SsoConfiguration> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            SsoConfiguration base = i % 2 == 0
                    ? Samples.confidential().withClientSecret(Secret.of(text(r))) : Samples.publicClient();
            out.add(with(base, text(r), list(r), text(r).strip(), text(r).strip(), list(r), text(r)));
        }
        return out;
    }

    private static List<String> list(Random r) {
        List<String> l = new ArrayList<>();
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
            l.add(text(r));
        }
        return l;
    }

    private static String text(Random r) {
        if (r.nextInt(4) == 0) {
            return WORDS.get(r.nextInt(WORDS.size()));
        }
        StringBuilder b = new StringBuilder();
        int n = 1 + r.nextInt(10);
        for (int i = 0; i < n; i++) {
            String pool = r.nextBoolean() ? ODD : LETTERS;
            b.append(pool.charAt(r.nextInt(pool.length())));
        }
        String s = b.toString();
        return s.isBlank() ? "x" + s : s;
    }

    static SsoConfiguration with(SsoConfiguration base, String providerName, List<String> admins, String domain,
                                 String clientId, List<String> registration, String jwtIssuer) {
        ProviderSettings p = base.provider();
        ProviderSettings q = p.toBuilder().providerName(providerName)
                .clientId(clientId.isBlank() ? "x" + clientId : clientId).adminPrincipals(admins)
                .principalDomain(domain.isBlank() ? "example.com" : domain).allowedRegistrationDomains(registration)
                .build();
        JwtKeySettings k = base.keys();
        return new SsoConfiguration(q, base.authorizerOptions(),
                new JwtKeySettings(k.privateKeyPath(), k.publicKeyPath(), jwtIssuer, k.keyId()), base.idpJwksUri());
    }
}

package dev.ssosetup.core.diagnostics;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes what looks like a secret from text bound for the log file or a diagnostics report: bearer tokens, JWTs
 * (ID, access and refresh tokens), PEM private keys, and the values of secret-bearing parameters and fields
 * ({@code client_secret}, {@code code}, {@code code_verifier}, passwords, tokens). A second line of defence: secrets are
 * {@link dev.ssosetup.core.common.Secret}s and never printed on purpose; this catches what a library puts into an
 * exception message.
 */
public final class LogRedaction {
    /** What a removed value is replaced with. */
    public static final String HIDDEN = "[redacted]";

    private static final List<Pattern> WHOLE = List.of(
            Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----.*?(-----END [A-Z ]*PRIVATE KEY-----|\\z)",
                    Pattern.DOTALL),
            // compact JWS/JWE: three or five base64url parts, the first a JSON header ("eyJ")
            Pattern.compile("eyJ[A-Za-z0-9_-]{2,}(\\.[A-Za-z0-9_-]*){2,4}"));

    /** {@code Bearer xyz}: the scheme stays, the credentials go (to the end of the line or quote). */
    private static final Pattern AUTH_HEADER = Pattern.compile("(?i)\\b(bearer)(\\s+)[^\\s\"',;]+[^\\r\\n\"]*");

    /** {@code Basic dXNlcjpwYXNz}: only when base64 follows, so that "provider basic" stays. */
    private static final Pattern BASIC_HEADER = Pattern.compile("(?i)\\b(basic)(\\s+)[A-Za-z0-9+/]{8,}=*");

    /**
     * {@code name=value}, {@code name: value}, {@code "name":"value"} for secret-bearing names, also as the end of a
     * longer name ({@code client_secret}, {@code dnAdminPassword}, {@code id_token}).
     */
    private static final Pattern NAMED = Pattern.compile(
            "(?i)(\"?\\b[\\w.-]*?(?:secret|password|passwd|pwd|code_verifier|"
                    + "token|api[_-]?key|private[_-]?key)\"?\\s*[=:]\\s*\"?)"
                    + "([^\\s\"&,;}]+)");

    /** {@code code=...} as a URL or form parameter (an authorization code); "status code: 400" stays. */
    private static final Pattern CODE_PARAMETER = Pattern.compile("(?i)([?&\\s]code=)([^\\s\"&,;]+)");

    private LogRedaction() {
    }

    /** The text with everything that looks like a secret replaced by {@link #HIDDEN}; null becomes empty. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String out = text;
        for (Pattern p : WHOLE) {
            out = p.matcher(out).replaceAll(HIDDEN);
        }
        out = AUTH_HEADER.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + HIDDEN));
        out = BASIC_HEADER.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + HIDDEN));
        out = NAMED.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + HIDDEN));
        out = CODE_PARAMETER.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + HIDDEN));
        return out;
    }
}

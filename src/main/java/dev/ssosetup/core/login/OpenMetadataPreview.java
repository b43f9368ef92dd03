package dev.ssosetup.core.login;

import dev.ssosetup.core.common.Finding;
import dev.ssosetup.core.provider.ProviderSettings;
import dev.ssosetup.core.text.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How OpenMetadata would see the person who just signed in, given the Provider step's settings: which claim names
 * the user, the resulting user name and email, whether that user is an admin, and whether the email domain passes
 * {@code principalDomain}. It follows OpenMetadata's rules: with {@code jwtPrincipalClaimsMapping} the mapped
 * {@code username} and {@code email} claims are used, otherwise the first of {@code jwtPrincipalClaims} present in
 * the ID token (claim names compared without regard to case); the user name is the part before {@code @}, in lower
 * case; an email without {@code @} gets {@code principalDomain} appended; {@code adminPrincipals} are user names; the
 * enforced domain is taken from the claim value itself (mirrors {@code SecurityUtil} in OpenMetadata).
 *
 * @param principalClaim the claim used (empty when none is present)
 * @param userName       the OpenMetadata user name (empty when none)
 * @param email          the email OpenMetadata would store (empty when none)
 * @param admin          whether the user name is in {@code adminPrincipals}
 * @param domain         the {@code principalDomain} check
 * @param warnings       loud warnings: no principal claim, not an admin, domain refused
 * @param explanation    how the preview was reached, line by line: the claims looked for in order, which one was
 *                       chosen and why, where the user name and the email come from (issue 16)
 * @param emailNote      when there is no email: which claim would have provided it; null otherwise
 */
public record OpenMetadataPreview(String principalClaim, String userName, String email, boolean admin,
                                  DomainCheck domain, List<Finding> warnings, List<Text> explanation,
                                  Text emailNote) {

    /** The outcome of the principal-domain check. */
    public enum DomainCheck {
        /** {@code enforcePrincipalDomain} is off. */
        NOT_ENFORCED,
        /** Enforced and the email's domain matches. */
        OK,
        /** Enforced and the email's domain differs (or there is no email): the user is refused. */
        REFUSED;

        /** {@code true}, {@code false}, or {@code null} when not enforced (for JSON). */
        public Boolean ok() {
            return this == NOT_ENFORCED ? null : this == OK;
        }
    }

    public OpenMetadataPreview {
        principalClaim = Objects.requireNonNullElse(principalClaim, "");
        userName = Objects.requireNonNullElse(userName, "");
        email = Objects.requireNonNullElse(email, "");
        Objects.requireNonNull(domain);
        warnings = List.copyOf(Objects.requireNonNullElse(warnings, List.of()));
        explanation = List.copyOf(Objects.requireNonNullElse(explanation, List.of()));
    }

    public OpenMetadataPreview(String principalClaim, String userName, String email, boolean admin,
                               DomainCheck domain, List<Finding> warnings) {
        this(principalClaim, userName, email, admin, domain, warnings, List.of(), null);
    }

    /** Computes the preview from the ID token claims (and the userinfo claims, only to point out misplaced ones). */
    public static OpenMetadataPreview of(ProviderSettings settings, Map<String, Object> idTokenClaims,
                                         Map<String, Object> userInfo) {
        // OpenMetadata looks claims up case-insensitively
        Map<String, Object> idClaims = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        idClaims.putAll(idTokenClaims);
        List<Finding> warnings = new ArrayList<>();
        String claim = "";
        String value = "";
        String emailValue = "";
        String domainSource; // the value OpenMetadata takes the email domain from
        List<Text> why = new ArrayList<>();
        Text emailNote = null;
        Map<String, String> mapping = settings.principalClaimsMapping();
        if (!mapping.isEmpty()) {
            String userClaim = mapping.getOrDefault("username", "");
            String emailClaim = mapping.getOrDefault("email", "");
            value = stringClaim(idClaims, userClaim);
            emailValue = stringClaim(idClaims, emailClaim);
            claim = value.isEmpty() ? "" : userClaim;
            domainSource = emailValue;
            why.add(Text.of("login.preview.why.mapping", userClaim, emailClaim));
            why.add(value.isEmpty() ? Text.of("login.preview.why.absent", userClaim)
                    : Text.of("login.preview.why.mapped", userClaim, value));
            if (value.isEmpty()) {
                warnings.add(Finding.warning("login-mapping-username-missing",
                        Text.of("finding.login-mapping-username-missing", userClaim),
                        hintForMissing(userClaim, userInfo)));
            }
            if (!emailValue.contains("@")) {
                warnings.add(Finding.warning("login-mapping-email-missing",
                        Text.of("finding.login-mapping-email-missing", emailClaim),
                        hintForMissing(emailClaim, userInfo)));
                emailValue = "";
                emailNote = userInfoHas(userInfo, emailClaim)
                        ? Text.of("login.preview.email.none.userInfo", emailClaim)
                        : Text.of("login.preview.email.none.mapped", emailClaim);
            } else {
                why.add(Text.of("login.preview.why.emailMapped", emailClaim));
            }
        } else {
            why.add(Text.of("login.preview.why.order", String.join(", ", settings.principalClaims())));
            for (String c : settings.principalClaims()) {
                if (idClaims.containsKey(c)) { // the first claim present wins, as in OpenMetadata
                    claim = c;
                    value = stringClaim(idClaims, c);
                    why.add(value.isEmpty() ? Text.of("login.preview.why.notText", c)
                            : Text.of("login.preview.why.chosen", c, value));
                    break;
                }
                why.add(Text.of("login.preview.why.absent", c));
            }
            if (claim.isEmpty()) {
                why.add(Text.of("login.preview.why.noneFound"));
            }
            domainSource = value;
            if (claim.isEmpty()) {
                List<String> onlyInUserInfo = onlyInUserInfo(settings.principalClaims(), userInfo);
                warnings.add(Finding.warning("login-no-principal-claim",
                        Text.of("finding.login-no-principal-claim", settings.principalClaims().toString()),
                        onlyInUserInfo.isEmpty() ? Text.of("finding.login-no-principal-claim.hint")
                                : Text.of("finding.login-no-principal-claim.hint.userInfo",
                                onlyInUserInfo.toString())));
            } else if (value.isEmpty()) {
                warnings.add(Finding.warning("login-no-principal-claim",
                        Text.of("finding.login-no-principal-claim.notText", claim),
                        Text.of("finding.login-no-principal-claim.notText.hint")));
            } else if (value.contains("@")) {
                emailValue = value;
                why.add(Text.of("login.preview.why.emailFromClaim", claim));
            } else if (!settings.principalDomain().isBlank()) {
                emailValue = value + "@" + settings.principalDomain().strip();
                why.add(Text.of("login.preview.why.emailAppended", claim, settings.principalDomain().strip()));
            }
            if (emailValue.isEmpty()) {
                emailNote = emailNoteWithoutMapping(claim, idClaims, userInfo);
            }
        }
        if (!value.isEmpty()) {
            why.add(Text.of("login.preview.why.userName", claim));
        }
        String userName = (value.contains("@") ? value.substring(0, value.indexOf('@')) : value)
                .toLowerCase(Locale.ROOT);
        emailValue = emailValue.toLowerCase(Locale.ROOT);

        boolean admin = !userName.isEmpty() && settings.adminPrincipals().stream()
                .anyMatch(a -> a.strip().equalsIgnoreCase(userName));
        if (!userName.isEmpty() && !admin) {
            warnings.add(Finding.warning("login-not-admin",
                    Text.of("finding.login-not-admin", userName, settings.adminPrincipals().toString()),
                    Text.of("finding.login-not-admin.hint", userName)));
        }

        DomainCheck domain = DomainCheck.NOT_ENFORCED;
        if (settings.enforcePrincipalDomain() && !claim.isEmpty()) {
            String want = settings.principalDomain().strip();
            // like OpenMetadata: the domain comes from the claim value itself, never from principalDomain
            String have = domainSource.contains("@") ? domainSource.substring(domainSource.indexOf('@') + 1) : "";
            domain = !want.isEmpty() && want.equals(have) ? DomainCheck.OK : DomainCheck.REFUSED;
            if (domain == DomainCheck.REFUSED) {
                warnings.add(Finding.warning("login-domain-refused", have.isEmpty()
                                ? Text.of("finding.login-domain-refused.noEmail", claim)
                                : Text.of("finding.login-domain-refused", have, want),
                        have.isEmpty() ? Text.of("finding.login-domain-refused.noEmail.hint")
                                : Text.of("finding.login-domain-refused.hint", have)));
            }
        }
        return new OpenMetadataPreview(claim, userName, emailValue, admin, domain, warnings, why, emailNote);
    }

    /** Why there is no email when the principal claims name the user, and which claim would have provided one. */
    private static Text emailNoteWithoutMapping(String claim, Map<String, Object> idClaims,
                                                Map<String, Object> userInfo) {
        String emailClaim = stringClaim(idClaims, "email");
        if (emailClaim.contains("@")) {
            return claim.isEmpty() ? Text.of("login.preview.email.none.emailNotListed", emailClaim)
                    : Text.of("login.preview.email.none.emailNotFirst", emailClaim, claim);
        }
        if (userInfoHas(userInfo, "email")) {
            return Text.of("login.preview.email.none.userInfo", "email");
        }
        return claim.isEmpty() ? Text.of("login.preview.email.none.noClaim")
                : Text.of("login.preview.email.none.noAddress", claim);
    }

    private static boolean userInfoHas(Map<String, Object> userInfo, String claim) {
        if (userInfo == null || claim == null || claim.isEmpty()) {
            return false;
        }
        return userInfo.keySet().stream().anyMatch(k -> k.equalsIgnoreCase(claim));
    }

    private static String stringClaim(Map<String, Object> claims, String name) {
        Object v = name == null || name.isEmpty() ? null : claims.get(name);
        return v instanceof String s ? s.strip() : "";
    }

    private static Text hintForMissing(String claim, Map<String, Object> userInfo) {
        List<String> onlyThere = onlyInUserInfo(List.of(claim), userInfo);
        return onlyThere.isEmpty() ? Text.of("finding.login-mapping-missing.hint", claim)
                : Text.of("finding.login-mapping-missing.hint.userInfo", claim, onlyThere.toString());
    }

    private static List<String> onlyInUserInfo(List<String> claims, Map<String, Object> userInfo) {
        return claims.stream().filter(userInfo::containsKey).toList();
    }
}

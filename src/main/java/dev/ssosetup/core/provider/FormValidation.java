package dev.ssosetup.core.provider;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The result of validating the Provider form: for each wrong field (by its {@link Field} id), what is wrong and how to
 * fix it. Empty means the form may be used.
 */
public record FormValidation(Map<String, FieldProblem> problems) {

    /** The ids of the Provider form's fields, shared by the validator, the view model and the view. */
    public static final class Field {
        public static final String PROVIDER_NAME = "providerName";
        public static final String ISSUER = "issuer";
        public static final String DISCOVERY_URL = "discoveryUrl";
        public static final String TENANT = "tenant";
        public static final String CLIENT_ID = "clientId";
        public static final String CLIENT_SECRET = "clientSecret";
        public static final String SCOPES = "scopes";
        public static final String ALGORITHM = "tokenValidationAlgorithm";
        public static final String SERVER_URL = "serverUrl";
        public static final String PRINCIPAL_CLAIMS = "principalClaims";
        public static final String CLAIMS_MAPPING = "principalClaimsMapping";
        public static final String ADMIN_PRINCIPALS = "adminPrincipals";
        public static final String PRINCIPAL_DOMAIN = "principalDomain";
        public static final String REGISTRATION_DOMAINS = "allowedRegistrationDomains";
        public static final String PROMPT = "prompt";
        public static final String SESSION_EXPIRY = "sessionExpiry";
        public static final String MAX_SESSIONS = "maxActiveSessionsPerUser";

        private Field() {
        }
    }

    public FormValidation {
        problems = Collections.unmodifiableMap(new LinkedHashMap<>(problems));
    }

    public boolean isValid() {
        return problems.isEmpty();
    }

    public Optional<FieldProblem> problem(String field) {
        return Optional.ofNullable(problems.get(field));
    }
}

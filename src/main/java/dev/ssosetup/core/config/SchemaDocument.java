package dev.ssosetup.core.config;

/** The OpenMetadata schemas the console validates against, by path below a bundled schema folder. */
public enum SchemaDocument {
    SECURITY_CONFIGURATION("configuration/securityConfiguration.json"),
    JWT_TOKEN_CONFIGURATION("configuration/jwtTokenConfiguration.json"),
    /** 2.0 set only: the body of {@code POST /api/v1/system/security/test-login/validate-token}. */
    TEST_LOGIN_TOKEN_REQUEST("system/testLoginTokenRequest.json"),
    /** 2.0 set only: its answer. */
    TEST_LOGIN_RESULT("system/testLoginResult.json");

    private final String path;

    SchemaDocument(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }
}

package dev.ssosetup.core.config;

/** The OpenMetadata schemas the console validates against, by path below the bundled schema folder. */
public enum SchemaDocument {
    SECURITY_CONFIGURATION("configuration/securityConfiguration.json"),
    JWT_TOKEN_CONFIGURATION("configuration/jwtTokenConfiguration.json");

    private final String path;

    SchemaDocument(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }
}

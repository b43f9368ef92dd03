package dev.ssosetup.core.config;

/** One place where a document breaks OpenMetadata's schema: a JSON path and what is wrong there. */
public record SchemaViolation(String path, String message) {
    @Override
    public String toString() {
        return path + ": " + message;
    }
}

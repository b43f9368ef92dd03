package dev.ssosetup.core.config;

import dev.ssosetup.core.text.Text;

/**
 * One place where a document breaks OpenMetadata's schema: a JSON path and what is wrong there (a message key, or the
 * schema library's own words through {@link dev.ssosetup.core.common.LibraryText}).
 */
public record SchemaViolation(String path, Text message) {
    @Override
    public String toString() {
        return path + ": " + message;
    }
}

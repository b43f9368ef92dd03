package dev.ssosetup.cli;

/** Bad usage of {@code push} or {@code restore} found after parsing (a file that cannot be read, a bad URL): exit 2. */
final class PushUsageException extends RuntimeException {
    PushUsageException(String message) {
        super(message, null, false, false);
    }
}

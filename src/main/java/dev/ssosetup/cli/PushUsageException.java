package dev.ssosetup.cli;

import dev.ssosetup.core.text.Text;

/** Bad usage of {@code push} or {@code restore} found after parsing (a file that cannot be read, a bad URL): exit 2. */
final class PushUsageException extends CliProblem {
    PushUsageException(Text text) {
        super(text);
    }

    PushUsageException(String key, Object... args) {
        super(key, args);
    }
}

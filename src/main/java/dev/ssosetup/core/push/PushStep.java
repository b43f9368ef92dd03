package dev.ssosetup.core.push;

import dev.ssosetup.core.text.Messages;

import java.util.Locale;

/**
 * The steps of a push, in order: the plan (connect to validate), then the apply (guard to verification). Each step's
 * name for the operator is the message {@code enum.PushStep.<NAME>} (a {@code Text} argument shows it).
 */
public enum PushStep {
    CONNECT,
    READ,
    DIFF,
    VALIDATE,
    SERVER_VERDICT,
    GUARD,
    BACKUP,
    APPLY,
    VERIFY_READ_BACK,
    VERIFY_PROVIDER,
    VERIFY_KEYS,
    VERIFY_KEY_IDS;

    /**
     * The step's name in English, for the progress line only until {@code TaskContext.progress} takes a {@code Text}
     * (ADR 0008); everything else shows {@code enum.PushStep.<NAME>} in the operator's language.
     */
    public String title() {
        return title(Messages.forLocale(Locale.ENGLISH));
    }

    /** The step's name in the language of {@code messages}. */
    public String title(Messages messages) {
        return messages.get("enum.PushStep." + name());
    }
}

package dev.ssosetup.core.push;

import dev.ssosetup.core.text.Text;

/** The steps of a push, in order: the plan (connect to validate), then the apply (guard to verification). */
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

    /** The step's name for the operator ({@code enum.PushStep.*} in the bundle). */
    public Text title() {
        return Text.of("enum.PushStep." + name());
    }
}

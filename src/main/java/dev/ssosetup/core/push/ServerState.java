package dev.ssosetup.core.push;

import dev.ssosetup.core.text.Text;

/** What the OpenMetadata server holds after a push attempt, as far as the console can tell. */
public enum ServerState {
    /** The server still has its previous configuration. */
    UNCHANGED,
    /** The server now runs the new configuration. */
    APPLIED,
    /** The request may or may not have been applied: plan again before anything else. */
    UNKNOWN;

    /** The state in words ({@code enum.ServerState.<NAME>}). */
    public Text sentence() {
        return Text.of("enum.ServerState." + name());
    }
}

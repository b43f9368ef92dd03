package dev.ssosetup.core.push;

/** What the OpenMetadata server holds after a push attempt, as far as the console can tell. */
public enum ServerState {
    UNCHANGED("The server still has its previous configuration: nothing was changed."),
    APPLIED("The server now runs the new configuration."),
    UNKNOWN("The server's state is unknown: the request may or may not have been applied. Plan again to read it "
            + "before doing anything else; do not simply retry.");

    private final String sentence;

    ServerState(String sentence) {
        this.sentence = sentence;
    }

    public String sentence() {
        return sentence;
    }
}

package dev.ssosetup.cli;

/** The exit codes every command uses. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    /** push: applied, but the read-back verification failed. */
    public static final int APPLIED_NOT_VERIFIED = 3;

    private ExitCodes() {
    }
}

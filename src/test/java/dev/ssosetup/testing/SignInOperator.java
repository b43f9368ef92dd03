package dev.ssosetup.testing;

import java.io.Writer;
import java.net.URI;

/**
 * A command's standard output that behaves like an operator: when the line {@code Open this URL to sign in: URL}
 * appears, it opens the URL in a {@link TestBrowser} (unless told not to follow). {@link #toString()} is all written.
 */
public final class SignInOperator extends Writer {
    /** The start of the line where {@code test-login} (and {@code push --login}) print the sign-in URL. */
    public static final String PREFIX = "Open this URL to sign in: ";

    private final StringBuilder all = new StringBuilder();
    private final TestBrowser browser = new TestBrowser();
    private final boolean follow;
    private int scanned;

    /** An operator who opens the sign-in URL. */
    public SignInOperator() {
        this(true);
    }

    /** @param follow whether the operator opens the sign-in URL when it appears */
    public SignInOperator(boolean follow) {
        this.follow = follow;
    }

    @Override
    public synchronized void write(char[] buf, int off, int len) {
        all.append(buf, off, len);
        int nl;
        while ((nl = all.indexOf("\n", scanned)) >= 0) {
            String line = all.substring(scanned, nl).strip();
            scanned = nl + 1;
            if (follow && line.startsWith(PREFIX)) {
                browser.open(URI.create(line.substring(PREFIX.length())));
            }
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    @Override
    public synchronized String toString() {
        return all.toString();
    }
}

package dev.ssosetup.core.config;

import java.util.Objects;

/**
 * One rendered file. {@code holdsSecret} is true when the text carries the real client secret, so that whoever saves it
 * writes it owner-only and whoever shows it can warn. {@code toString} never prints the text.
 */
public record RenderedOutput(OutputFormat format, String text, boolean holdsSecret) {
    public RenderedOutput {
        Objects.requireNonNull(format);
        Objects.requireNonNull(text);
    }

    @Override
    public String toString() {
        return "RenderedOutput[format=" + format + ", length=" + text.length() + ", holdsSecret=" + holdsSecret + "]";
    }
}

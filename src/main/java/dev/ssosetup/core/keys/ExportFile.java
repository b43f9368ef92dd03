package dev.ssosetup.core.keys;

import java.util.Objects;

/**
 * One file of an export: its name inside the export folder, its bytes, and whether it holds private key material
 * (then it is written owner-only). {@link #toString()} never shows the content.
 */
public record ExportFile(String name, byte[] content, boolean secret) {
    public ExportFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
        if (name.isBlank() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            throw new IllegalArgumentException("Export file names are plain names inside the folder: " + name);
        }
    }

    @Override
    public String toString() {
        return "ExportFile[" + name + ", " + content.length + " bytes" + (secret ? ", owner-only" : "") + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExportFile f && name.equals(f.name) && secret == f.secret
                && java.util.Arrays.equals(content, f.content);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }
}

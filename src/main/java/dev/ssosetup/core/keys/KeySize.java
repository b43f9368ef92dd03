package dev.ssosetup.core.keys;

import java.util.Arrays;
import java.util.Optional;

/**
 * The RSA key sizes the console offers. OpenMetadata signs with RS256 and needs at least 2048 bits; 3072 is the
 * default because it stays acceptable well beyond 2030 (NIST SP 800-57) at a small signing cost.
 */
public enum KeySize {
    RSA_2048(2048),
    RSA_3072(3072),
    RSA_4096(4096);

    /** The smallest modulus any key (generated or imported) may have. */
    public static final int MINIMUM_BITS = 2048;

    private final int bits;

    KeySize(int bits) {
        this.bits = bits;
    }

    public int bits() {
        return bits;
    }

    public static KeySize defaultSize() {
        return RSA_3072;
    }

    /** The size with exactly {@code bits} bits, if offered. */
    public static Optional<KeySize> ofBits(int bits) {
        return Arrays.stream(values()).filter(s -> s.bits == bits).findFirst();
    }

    @Override
    public String toString() {
        return Integer.toString(bits);
    }
}

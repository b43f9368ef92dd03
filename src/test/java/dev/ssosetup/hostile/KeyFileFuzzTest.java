package dev.ssosetup.hostile;

import dev.ssosetup.core.keys.ExportFile;
import dev.ssosetup.core.keys.JwtKeyGenerator;
import dev.ssosetup.core.keys.KeyFileContent;
import dev.ssosetup.core.keys.KeyFileReader;
import dev.ssosetup.core.keys.KeyFileStore;
import dev.ssosetup.core.keys.KeyPassword;
import dev.ssosetup.core.keys.KeyProblem;
import dev.ssosetup.core.keys.KeysService;
import dev.ssosetup.core.keys.SigningSelfTest;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Hostile key files for the Keys step's import: damaged DER and PEM (PKCS#8, PKCS#1, SubjectPublicKeyInfo), wrong
 * headers, deep or endless ASN.1, random bytes. {@link KeyFileReader#identify} never throws (documented); the import
 * ends in a key pair or a {@link KeyProblem} (the documented failure) whose message an operator can read.
 */
class KeyFileFuzzTest {
    private static final KeyPair PAIR = pair();
    private static final byte[] PKCS8 = PAIR.getPrivate().getEncoded();
    private static final byte[] SPKI = PAIR.getPublic().getEncoded();
    private final KeyFileReader reader = new KeyFileReader();

    private static KeyPair pair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static Arbitrary<byte[]> damagedBytes(byte[] valid) {
        Arbitrary<Integer> pos = Arbitraries.integers().between(0, valid.length - 1);
        return Arbitraries.oneOf(
                pos.map(p -> java.util.Arrays.copyOf(valid, p)),
                Combinators.combine(pos.list().ofMinSize(1).ofMaxSize(8), Arbitraries.bytes()).as((ps, b) -> {
                    byte[] c = valid.clone();
                    ps.forEach(p -> c[p] = b);
                    return c;
                }),
                Combinators.combine(pos, Arbitraries.bytes().array(byte[].class).ofMaxSize(16)).as((p, ins) -> {
                    byte[] c = new byte[valid.length + ins.length];
                    System.arraycopy(valid, 0, c, 0, p);
                    System.arraycopy(ins, 0, c, p, ins.length);
                    System.arraycopy(valid, p, c, p + ins.length, valid.length - p);
                    return c;
                }));
    }

    @Provide
    Arbitrary<byte[]> keyFiles() {
        Arbitrary<String> pemTypes = Arbitraries.of("PRIVATE KEY", "RSA PRIVATE KEY", "PUBLIC KEY", "RSA PUBLIC KEY",
                "ENCRYPTED PRIVATE KEY", "EC PRIVATE KEY", "CERTIFICATE", "OPENSSH PRIVATE KEY", "X");
        Arbitrary<byte[]> der = Arbitraries.oneOf(damagedBytes(PKCS8), damagedBytes(SPKI));
        Arbitrary<byte[]> pemOfDamaged = Combinators.combine(pemTypes, der).as((t, d) ->
                pem(t, d).getBytes(StandardCharsets.US_ASCII));
        Arbitrary<byte[]> damagedPem = Arbitraries.oneOf(Hostile.damaged(pem("PRIVATE KEY", PKCS8)),
                Hostile.damaged(pem("PUBLIC KEY", SPKI))).map(s -> s.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> asn1Bombs = Arbitraries.integers().between(100, 50_000).flatMap(n -> Arbitraries.of(
                repeat(new byte[]{0x30, (byte) 0x80}, n),                 // endless indefinite-length sequences
                repeat(new byte[]{0x30, (byte) 0x84, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff}, 1), // 2 GiB length
                repeat(new byte[]{0x24, (byte) 0x80}, n),                 // constructed OCTET STRINGs
                ("-----BEGIN PRIVATE KEY-----\n" + "A".repeat(n) + "\n-----END PRIVATE KEY-----\n")
                        .getBytes(StandardCharsets.US_ASCII)));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, der),
                net.jqwik.api.Tuple.of(3, pemOfDamaged),
                net.jqwik.api.Tuple.of(2, damagedPem),
                net.jqwik.api.Tuple.of(1, asn1Bombs),
                net.jqwik.api.Tuple.of(2, Arbitraries.bytes().array(byte[].class).ofMaxSize(3000)),
                net.jqwik.api.Tuple.of(1, Hostile.jsonValues(2).map(s -> s.getBytes(StandardCharsets.UTF_8))));
    }

    private static byte[] repeat(byte[] unit, int n) {
        byte[] out = new byte[unit.length * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(unit, 0, out, i * unit.length, unit.length);
        }
        return out;
    }

    /** Serves the fuzzed bytes for every path; writes nothing. */
    private static KeyFileStore serving(Map<String, byte[]> files) {
        return new KeyFileStore() {
            @Override
            public byte[] read(String path) {
                byte[] b = files.get(path);
                if (b == null) {
                    throw new KeyProblem(KeyProblem.Kind.values()[0], path + " does not exist.");
                }
                return b;
            }

            @Override
            public List<String> existing(String folder, List<String> names) {
                return List.of();
            }

            @Override
            public List<String> writeAll(String folder, List<ExportFile> files, boolean overwrite) {
                return List.of();
            }

            @Override
            public String writeFile(String path, byte[] content, boolean overwrite) {
                return path;
            }

            @Override
            public String resolve(String folder, String name) {
                return folder + "/" + name;
            }
        };
    }

    @Property(tries = 400)
    void identifyNeverThrows(@ForAll("keyFiles") byte[] file) {
        String input = "bytes[" + file.length + "] " + Hostile.shorten(new String(file, StandardCharsets.ISO_8859_1));
        KeyFileContent content = Hostile.run(input, () -> reader.identify(file)).valueOrFail(input);
        assertNotNull(content);
        net.jqwik.api.statistics.Statistics.collect(content.getClass().getSimpleName());
    }

    @Property(tries = 300)
    void importEndsInAPairOrAKeyProblem(@ForAll("keyFiles") byte[] privateFile, @ForAll("keyFiles") byte[] publicFile,
                                        @ForAll boolean withPublic) {
        String input = "private bytes[" + privateFile.length + "], public bytes[" + publicFile.length + "]";
        KeysService keys = new KeysService(serving(Map.of("private.der", privateFile, "public.der", publicFile)),
                new JwtKeyGenerator(), reader, new SigningSelfTest(Clock.systemUTC()));
        var outcome = Hostile.run(input, () -> {
            try {
                return keys.importPair("private.der", withPublic ? "public.der" : "",
                        KeyPassword.of("not-the-password".toCharArray()));
            } catch (KeyProblem p) { // documented
                throw new Exception(p.getMessage(), p);
            }
        });
        if (outcome.checked() != null) {
            Hostile.assertClearMessage(outcome.checked(), input);
        }
        var inspect = Hostile.run(input, () -> {
            try {
                return keys.inspect("private.der");
            } catch (KeyProblem p) {
                throw new Exception(p.getMessage(), p);
            }
        });
        if (inspect.checked() != null) {
            Hostile.assertClearMessage(inspect.checked(), input);
        }
    }
}

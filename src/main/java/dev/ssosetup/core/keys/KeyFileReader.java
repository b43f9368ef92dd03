package dev.ssosetup.core.keys;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import dev.ssosetup.core.text.Text;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.ArrayList;
import java.util.List;

/**
 * Recognises what a key file holds, whatever the encoding: PEM or DER; PKCS#8, PKCS#1, encrypted PKCS#8; X.509
 * SubjectPublicKeyInfo; JWK sets. Anything else (certificates, EC or Ed25519 keys, random bytes) is named, so that the
 * operator learns what the file IS rather than "invalid key".
 */
public final class KeyFileReader {
    private static final String SPKI = "X.509 SubjectPublicKeyInfo";


    /** What the file holds. Never throws for bad content: unrecognised data is {@link KeyFileContent.Other}. */
    public KeyFileContent identify(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return new KeyFileContent.Other(Text.of("keys.what.empty"));
        }
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        String stripped = text.strip();
        if (stripped.startsWith("{")) {
            return jwkSet(new String(bytes, StandardCharsets.UTF_8));
        }
        if (text.contains("-----BEGIN ")) {
            return pem(text);
        }
        return der(bytes, "DER");
    }

    /**
     * Decrypts an encrypted PKCS#8 key; a wrong password is a {@link KeyProblem.Kind#WRONG_PASSWORD} problem, a key
     * whose key derivation asks for more than {@link KeyDerivationLimits} allow is refused before any work.
     */
    public KeyFileContent decrypt(KeyFileContent.EncryptedPrivate encrypted, KeyPassword password) {
        if (password == null || password.isEmpty()) {
            throw new KeyProblem(KeyProblem.Kind.PASSWORD_REQUIRED,
                    Text.of("keys.problem.passwordRequired"));
        }
        KeyDerivationLimits.check(encrypted.info().getEncryptionAlgorithm());
        PrivateKeyInfo info;
        try {
            info = encrypted.info().decryptPrivateKeyInfo(new JceOpenSSLPKCS8DecryptorProviderBuilder()
                    .setProvider(Crypto.bouncyCastle()).build(password.reveal()));
        } catch (PKCSException | RuntimeException e) {
            throw new KeyProblem(KeyProblem.Kind.WRONG_PASSWORD,
                    Text.of("keys.problem.wrongPassword"));
        } catch (OperatorCreationException e) {
            throw new KeyProblem(KeyProblem.Kind.WRONG_CONTENT,
                    Text.of("keys.problem.unknownEncryption"));
        }
        return privateKeyInfo(info, encrypted.format());
    }

    private static KeyFileContent jwkSet(String json) {
        try {
            JWKSet set = JWKSet.parse(json);
            List<PublicKeyEntry> keys = new ArrayList<>();
            for (JWK jwk : set.getKeys()) {
                if (jwk instanceof RSAKey rsa) {
                    RSAPublicKey key = rsa.toRSAPublicKey();
                    keys.add(rsa.getKeyID() == null ? PublicKeyEntry.withThumbprintId(key)
                            : new PublicKeyEntry(rsa.getKeyID(), key));
                }
            }
            if (keys.isEmpty()) {
                return new KeyFileContent.Other(Text.of("keys.what.jwksNoRsa"));
            }
            return new KeyFileContent.PublicKeySet(keys);
        } catch (java.text.ParseException | com.nimbusds.jose.JOSEException e) {
            return new KeyFileContent.Other(Text.of("keys.what.jsonNotJwks"));
        }
    }

    private static KeyFileContent pem(String text) {
        List<Object> objects = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            Object o;
            while ((o = parser.readObject()) != null) {
                objects.add(o);
            }
        } catch (IOException | RuntimeException e) {
            return new KeyFileContent.Other(objects.isEmpty() ? pemLabel(text)
                    .map(label -> Text.of("keys.what.pemDamaged", label)).orElse(Text.of("keys.what.pemDamagedFirst"))
                    : Text.of("keys.what.pemDamagedLater"));
        }
        List<KeyFileContent> found = objects.stream().map(KeyFileReader::pemObject).toList();
        return found.stream().filter(c -> c instanceof KeyFileContent.PrivateRsa
                        || c instanceof KeyFileContent.EncryptedPrivate).findFirst()
                .or(() -> found.stream().filter(c -> c instanceof KeyFileContent.PublicRsa).findFirst())
                .or(() -> found.stream().findFirst())
                .orElse(new KeyFileContent.Other(Text.of("keys.what.pemNoKey")));
    }

    private static java.util.Optional<String> pemLabel(String text) {
        int start = text.indexOf("-----BEGIN ") + "-----BEGIN ".length();
        int end = text.indexOf("-----", start);
        return end > start ? java.util.Optional.of(text.substring(start, end)) : java.util.Optional.empty();
    }

    private static KeyFileContent pemObject(Object o) {
        return switch (o) {
            case PrivateKeyInfo info -> privateKeyInfo(info, format("PKCS#8", "PEM"));
            case PEMKeyPair pair -> privateKeyInfo(pair.getPrivateKeyInfo(),
                    format(isRsa(pair.getPrivateKeyInfo().getPrivateKeyAlgorithm()) ? "PKCS#1" : "SEC1", "PEM"));
            case PKCS8EncryptedPrivateKeyInfo encrypted ->
                    new KeyFileContent.EncryptedPrivate(encrypted, "PEM");
            case SubjectPublicKeyInfo spki -> publicKeyInfo(spki, format(SPKI, "PEM"));
            case X509CertificateHolder cert -> certificate(cert.toASN1Structure(), "PEM");
            case PEMEncryptedKeyPair ignored -> new KeyFileContent.Other(Text.of("keys.what.legacyEncrypted",
                    "openssl pkcs8 -topk8 -v2 aes-256-cbc"));
            case ASN1ObjectIdentifier oid -> new KeyFileContent.Other(Text.of("keys.what.ecParameters", curveName(oid)));
            default -> new KeyFileContent.Other(Text.of("keys.what.pemOther", o.getClass().getSimpleName()));
        };
    }

    private static KeyFileContent der(byte[] bytes, String encoding) {
        ASN1Primitive primitive;
        try {
            primitive = ASN1Primitive.fromByteArray(bytes);
        } catch (IOException | RuntimeException e) {
            primitive = null;
        }
        if (!(primitive instanceof ASN1Sequence seq) || seq.size() < 2) {
            return new KeyFileContent.Other(looksLikeText(bytes)
                    ? Text.of("keys.what.text")
                    : Text.of("keys.what.bytes", bytes.length));
        }
        try {
            ASN1Encodable first = seq.getObjectAt(0);
            ASN1Encodable second = seq.getObjectAt(1);
            if (seq.size() == 3 && first instanceof ASN1Sequence && second instanceof ASN1Sequence
                    && seq.getObjectAt(2) instanceof ASN1BitString) {
                return certificate(Certificate.getInstance(seq), encoding);
            }
            if (first instanceof ASN1Integer && second instanceof ASN1Sequence && seq.size() >= 3
                    && seq.getObjectAt(2) instanceof ASN1OctetString) {
                return privateKeyInfo(PrivateKeyInfo.getInstance(seq), format("PKCS#8", encoding));
            }
            if (seq.size() == 2 && first instanceof ASN1Sequence && second instanceof ASN1OctetString) {
                EncryptedPrivateKeyInfo info = EncryptedPrivateKeyInfo.getInstance(seq);
                return new KeyFileContent.EncryptedPrivate(new PKCS8EncryptedPrivateKeyInfo(info), encoding);
            }
            if (seq.size() == 2 && first instanceof ASN1Sequence && second instanceof ASN1BitString) {
                return publicKeyInfo(SubjectPublicKeyInfo.getInstance(seq), format(SPKI, encoding));
            }
            if (seq.size() >= 9 && allIntegers(seq)) {
                PrivateKeyInfo info = new PrivateKeyInfo(rsaAlgorithm(), RSAPrivateKey.getInstance(seq));
                return privateKeyInfo(info, format("PKCS#1", encoding));
            }
            if (seq.size() == 2 && allIntegers(seq)) {
                SubjectPublicKeyInfo spki = new SubjectPublicKeyInfo(rsaAlgorithm(),
                        org.bouncycastle.asn1.pkcs.RSAPublicKey.getInstance(seq));
                return publicKeyInfo(spki, format("PKCS#1", encoding));
            }
            if (first instanceof ASN1Integer version && version.hasValue(1) && second instanceof ASN1OctetString) {
                return new KeyFileContent.Other(Text.of("keys.what.privateKey", Text.of("keys.alg.ec",
                        Text.of("keys.alg.curveUnknown")), format("SEC1", encoding)));
            }
        } catch (IOException | RuntimeException e) {
            // fall through: a structure that looked like a key but is not one
        }
        return new KeyFileContent.Other(Text.of("keys.what.derUnknown"));
    }

    private static boolean looksLikeText(byte[] bytes) {
        int printable = 0;
        for (byte b : bytes) {
            if (b == '\n' || b == '\r' || b == '\t' || (b >= 0x20 && b < 0x7f)) {
                printable++;
            }
        }
        return printable == bytes.length;
    }

    private static boolean allIntegers(ASN1Sequence seq) {
        for (ASN1Encodable e : seq) {
            if (!(e instanceof ASN1Integer)) {
                return false;
            }
        }
        return true;
    }

    private static AlgorithmIdentifier rsaAlgorithm() {
        return new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE);
    }

    private static boolean isRsa(AlgorithmIdentifier algorithm) {
        return PKCSObjectIdentifiers.rsaEncryption.equals(algorithm.getAlgorithm());
    }

    private static KeyFileContent privateKeyInfo(PrivateKeyInfo info, Text format) {
        AlgorithmIdentifier algorithm = info.getPrivateKeyAlgorithm();
        if (isRsa(algorithm)) {
            try {
                return new KeyFileContent.PrivateRsa(Crypto.rsaPrivateFromPkcs8(info.getEncoded()), format);
            } catch (InvalidKeySpecException | IOException e) {
                return new KeyFileContent.Other(Text.of("keys.what.damagedPrivate", format));
            }
        }
        return new KeyFileContent.Other(Text.of("keys.what.privateKey", algorithmName(algorithm), format));
    }

    private static KeyFileContent publicKeyInfo(SubjectPublicKeyInfo spki, Text format) {
        AlgorithmIdentifier algorithm = spki.getAlgorithm();
        if (isRsa(algorithm)) {
            try {
                return new KeyFileContent.PublicRsa(Crypto.rsaPublicFromSpki(spki.getEncoded()), format);
            } catch (InvalidKeySpecException | IOException e) {
                return new KeyFileContent.Other(Text.of("keys.what.damagedPublic", format));
            }
        }
        return new KeyFileContent.Other(Text.of("keys.what.publicKey", algorithmName(algorithm), format));
    }

    private static KeyFileContent certificate(Certificate cert, String encoding) {
        return new KeyFileContent.Other(Text.of("keys.what.certificate", encoding, cert.getSubject().toString(),
                algorithmName(cert.getSubjectPublicKeyInfo().getAlgorithm())));
    }

    /** The key's algorithm as a name ({@code keys.alg.*}): RSA, RSA-PSS, EC with its curve, Ed25519, Ed448, DSA. */
    private static Text algorithmName(AlgorithmIdentifier algorithm) {
        ASN1ObjectIdentifier oid = algorithm.getAlgorithm();
        if (PKCSObjectIdentifiers.rsaEncryption.equals(oid)) {
            return Text.of("keys.alg.rsa");
        }
        if (PKCSObjectIdentifiers.id_RSASSA_PSS.equals(oid)) {
            return Text.of("keys.alg.rsaPss");
        }
        if (X9ObjectIdentifiers.id_ecPublicKey.equals(oid)) {
            ASN1Encodable params = algorithm.getParameters();
            return Text.of("keys.alg.ec", params instanceof ASN1ObjectIdentifier curve ? curveName(curve)
                    : Text.of("keys.alg.curveExplicit"));
        }
        if (EdECObjectIdentifiers.id_Ed25519.equals(oid)) {
            return Text.of("keys.alg.named", "Ed25519");
        }
        if (EdECObjectIdentifiers.id_Ed448.equals(oid)) {
            return Text.of("keys.alg.named", "Ed448");
        }
        if (X9ObjectIdentifiers.id_dsa.equals(oid)) {
            return Text.of("keys.alg.named", "DSA");
        }
        return Text.of("keys.alg.other", oid.getId());
    }

    private static Text format(String structure, String encoding) {
        return Text.of("keys.format", structure, encoding);
    }

    private static Text curveName(ASN1ObjectIdentifier oid) {
        String name = ECNamedCurveTable.getName(oid);
        return Text.of("keys.alg.curve", name == null ? oid.getId() : name);
    }
}

package io.github.camelgc.emulator.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A self-signed certificate (SAN {@code localhost} and {@code 127.0.0.1}) and the trust material clients need to
 * trust it explicitly: generated at every start, or kept in a PKCS12 key store file so clients configure their
 * trust once ({@link #loadOrCreate(Path)}).
 */
public final class TlsMaterial {

    /**
     * Password of the kept key store file and of its key: a fixed, documented value. The key only ever signs the
     * emulator's own test certificate, so a secret password would protect nothing, and a fixed one lets clients
     * use the same file as their trust store ({@code javax.net.ssl.trustStorePassword=emulator}).
     */
    public static final String KEYSTORE_PASSWORD = "emulator";

    static final char[] KEY_PASSWORD = KEYSTORE_PASSWORD.toCharArray();

    private static final String KEY_ALIAS = "emulator";
    private static final String TRUST_ALIAS = "grand-challenge-emulator";
    /** A fresh certificate lives as long as a test run could; a kept one as long as a developer keeps its file. */
    private static final Duration FRESH_VALIDITY = Duration.ofDays(30);
    private static final Duration KEPT_VALIDITY = Duration.ofDays(3 * 365);

    private final KeyPair keyPair;
    private final X509Certificate certificate;

    private TlsMaterial(KeyPair keyPair, X509Certificate certificate) {
        this.keyPair = keyPair;
        this.certificate = certificate;
    }

    /**
     * The material for one emulator start.
     *
     * @param keystore the key store file to keep the certificate in, or {@code null} for a fresh one
     * @return fresh material, or that of {@link #loadOrCreate(Path)}
     */
    public static TlsMaterial of(Path keystore) {
        return keystore == null ? generate() : loadOrCreate(keystore);
    }

    /** Generates a fresh EC P-256 key and a certificate valid for 30 days. */
    public static TlsMaterial generate() {
        return generate(FRESH_VALIDITY);
    }

    private static TlsMaterial generate(Duration validity) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256, new SecureRandom());
            KeyPair keyPair = generator.generateKeyPair();
            X500Name subject = new X500Name("CN=localhost, O=Grand Challenge emulator");
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                    new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofHours(1))),
                    Date.from(now.plus(validity)), subject, keyPair.getPublic());
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keyPair.getPrivate())));
            return new TlsMaterial(keyPair, certificate);
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("Cannot generate the emulator's TLS certificate", e);
        }
    }

    /**
     * The key and certificate kept in {@code file}: read when the file exists, otherwise generated (valid for three
     * years) and saved there, readable by the owner only where the file system supports it. The file is PKCS12
     * with password {@link #KEYSTORE_PASSWORD}; besides the key entry it holds the certificate as a trusted entry,
     * so Java clients can use it as their trust store as it is.
     *
     * @param file the key store file
     * @return the kept material
     * @throws IllegalStateException if the file cannot be read or written, is no key store of the emulator, or
     *         its certificate is no longer valid (delete the file to get a new one)
     */
    public static TlsMaterial loadOrCreate(Path file) {
        if (Files.exists(file)) {
            return load(file);
        }
        TlsMaterial created = generate(KEPT_VALIDITY);
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            // A temporary file is created owner-only on POSIX systems; renaming it publishes a complete file, and
            // a plain move (unlike ATOMIC_MOVE) refuses to replace a file another emulator saved meanwhile.
            Path temp = Files.createTempFile(dir, ".emulator-keystore-", ".tmp");
            try {
                try (OutputStream out = Files.newOutputStream(temp)) {
                    created.keyStoreWithTrust().store(out, KEY_PASSWORD);
                }
                Files.move(temp, file);
            } finally {
                Files.deleteIfExists(temp);
            }
            return created;
        } catch (FileAlreadyExistsException e) {
            return load(file); // another emulator saved one first: share it
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot save the emulator's key store to " + file + ": " + e, e);
        }
    }

    private static TlsMaterial load(Path file) {
        KeyStore store;
        try (InputStream in = Files.newInputStream(file)) {
            store = KeyStore.getInstance("PKCS12");
            store.load(in, KEY_PASSWORD);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the emulator's key store " + file + " (a PKCS12 file with"
                    + " password '" + KEYSTORE_PASSWORD + "' is expected; delete it to get a new one): " + e, e);
        }
        try {
            if (!(store.getKey(KEY_ALIAS, KEY_PASSWORD) instanceof PrivateKey key)
                    || !(store.getCertificate(KEY_ALIAS) instanceof X509Certificate certificate)) {
                throw new IllegalStateException("The key store " + file + " has no key entry '" + KEY_ALIAS
                        + "'; it was not written by the emulator (delete it to get a new one)");
            }
            try {
                certificate.checkValidity();
            } catch (CertificateExpiredException | CertificateNotYetValidException e) {
                throw new IllegalStateException("The certificate in " + file + " is valid only from "
                        + certificate.getNotBefore().toInstant() + " to " + certificate.getNotAfter().toInstant()
                        + "; delete the file to get a new one", e);
            }
            return new TlsMaterial(new KeyPair(certificate.getPublicKey(), key), certificate);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the key in " + file + ": " + e, e);
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** The server's key store (private key and certificate), password {@link #KEY_PASSWORD}. */
    KeyStore keyStore() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(KEY_ALIAS, keyPair.getPrivate(), KEY_PASSWORD,
                    new java.security.cert.Certificate[] {certificate});
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot build the emulator's key store", e);
        }
    }

    /** The kept file's content: the key store plus the certificate as a trusted entry. */
    private KeyStore keyStoreWithTrust() throws GeneralSecurityException {
        KeyStore store = keyStore();
        store.setCertificateEntry(TRUST_ALIAS, certificate);
        return store;
    }

    /** A trust store holding only the emulator's certificate. */
    public KeyStore trustStore() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry(TRUST_ALIAS, certificate);
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot build the emulator's trust store", e);
        }
    }

    /** A client {@link SSLContext} that trusts the emulator (and nothing else). */
    public SSLContext sslContext() {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trustStore());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot build an SSL context trusting the emulator", e);
        }
    }

    /** The certificate in PEM form (for curl {@code --cacert}, Python {@code verify=}). */
    public String certificatePem() {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(certificate);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write the certificate as PEM", e);
        }
        return out.toString();
    }

    /** Writes the certificate PEM to a file and returns it. */
    public Path writePem(Path file) throws IOException {
        Files.writeString(file, certificatePem(), StandardCharsets.US_ASCII);
        return file;
    }
}

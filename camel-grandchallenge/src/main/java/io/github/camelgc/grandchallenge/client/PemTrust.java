package io.github.camelgc.grandchallenge.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.apache.camel.CamelContext;
import org.apache.camel.support.ResourceHelper;

/**
 * Trust made from PEM certificates (a private CA, the emulator's certificate): read from resource URIs into a trust
 * store in memory, so no key store file, password or keytool step is needed. Only these certificates are trusted (not
 * the JVM's); host names are still verified against them by HttpClient.
 */
public final class PemTrust {

    private PemTrust() {
    }

    /**
     * A trust store of every certificate in the resources.
     *
     * @param resources    one or more resource URIs separated by commas, each naming a PEM file with one or more
     *                     certificates: {@code file:ca.pem}, {@code classpath:ca.pem} (the default without a
     *                     scheme), {@code http:}/{@code https:}
     * @param camelContext resolves the URIs as everywhere in Camel; {@code null} outside Camel, where {@code file:} is
     *                     read from the file system and {@code classpath:} (or no scheme) from this class's loader
     * @throws GrandChallengeException naming the resource when it cannot be read or holds no certificate
     */
    public static KeyStore trustStore(String resources, CamelContext camelContext) {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int index = 0;
            for (String resource : split(resources)) {
                for (Certificate certificate : certificates(resource, camelContext)) {
                    store.setCertificateEntry("trusted-" + ++index, certificate);
                }
            }
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new GrandChallengeException("Cannot build a trust store from trustCertificates: " + e.getMessage(), e);
        }
    }

    /** A TLS context that trusts exactly the certificates of the resources; see {@link #trustStore}. */
    public static SSLContext sslContext(String resources, CamelContext camelContext) {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trustStore(resources, camelContext));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new GrandChallengeException("Cannot create the TLS context from trustCertificates: " + e, e);
        }
    }

    private static List<String> split(String resources) {
        List<String> list = new ArrayList<>();
        for (String part : (resources == null ? "" : resources).split(",")) {
            if (!part.isBlank()) {
                list.add(part.trim());
            }
        }
        if (list.isEmpty()) {
            throw new GrandChallengeException("trustCertificates names no resource");
        }
        return list;
    }

    private static Collection<? extends Certificate> certificates(String resource, CamelContext camelContext)
            throws IOException, CertificateException {
        Collection<? extends Certificate> certificates;
        try (InputStream in = open(resource, camelContext)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (CertificateException e) {
            // the parser's message may quote the file; its name is enough
            throw new CertificateException(resource + " is not a PEM certificate file", e);
        }
        if (certificates.isEmpty()) {
            throw new CertificateException(resource + " holds no certificate");
        }
        return certificates;
    }

    private static InputStream open(String resource, CamelContext camelContext) throws IOException {
        if (camelContext != null) {
            return ResourceHelper.resolveMandatoryResourceAsInputStream(camelContext, resource);
        }
        if (resource.startsWith("file:")) {
            return Files.newInputStream(Path.of(resource.substring("file:".length())));
        }
        String path = resource.startsWith("classpath:") ? resource.substring("classpath:".length()) : resource;
        InputStream in = PemTrust.class.getClassLoader().getResourceAsStream(path.replaceFirst("^/", ""));
        if (in == null) {
            throw new IOException(resource + " was not found on the classpath");
        }
        return in;
    }
}

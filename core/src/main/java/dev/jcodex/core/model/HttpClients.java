package dev.jcodex.core.model;

import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * HTTP clients for model providers. The JDK client loads the default TLS context when it is built (it
 * parses every CA certificate: hundreds of milliseconds of CPU on the first turn), even when it will only
 * ever speak plain HTTP. A provider on {@code http://} (loopback, LAN, a local server) gets a client whose
 * TLS context loads nothing and refuses any certificate; {@code https://} providers get the default.
 */
public final class HttpClients {
    private HttpClients() {}

    public static HttpClient forBaseUrl(String baseUrl, Duration connectTimeout, boolean http11) {
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(connectTimeout);
        if (http11) b.version(HttpClient.Version.HTTP_1_1);
        if (baseUrl != null && baseUrl.regionMatches(true, 0, "http://", 0, 7)) b.sslContext(PlainOnly.CONTEXT);
        return b.build();
    }

    private static final class PlainOnly {
        static final SSLContext CONTEXT = create();

        private static SSLContext create() {
            try {
                SSLContext ctx = SSLContext.getInstance("TLS");
                ctx.init(new KeyManager[0], new TrustManager[] {new RefuseAll()}, null);
                return ctx;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot create a TLS context", e);
            }
        }
    }

    /** Never used for a plain-HTTP base URL; refuses if a redirect ever led to TLS. */
    private static final class RefuseAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("this client is configured for plain HTTP only");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("this client is configured for plain HTTP only");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
    }
}

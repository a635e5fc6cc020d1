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
    static {
        // Lets a request say "Connection: close" (see closeOnLoopback); read when the JDK client first loads.
        if (System.getProperty("jdk.httpclient.allowRestrictedHeaders") == null) {
            System.setProperty("jdk.httpclient.allowRestrictedHeaders", "connection");
        }
    }

    private HttpClients() {}

    /**
     * A model request to a plain-HTTP server on this machine asks for its own connection. On a reused
     * keep-alive connection Linux's delayed ACK meets the server's Nagle'd small writes (status line, then
     * SSE chunks): each turn stalled ~40 ms (turn overhead 55 ms against the conformance mock, 22 ms with a
     * fresh connection; a loopback connect costs microseconds). Remote and TLS providers keep pooling.
     */
    public static void closeOnLoopback(java.net.http.HttpRequest.Builder rb, java.net.URI uri) {
        if (!"http".equalsIgnoreCase(uri.getScheme())) return;
        String host = uri.getHost();
        if (host == null || !(host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1"))) return;
        try {
            rb.header("connection", "close");
        } catch (IllegalArgumentException restricted) {
            // the JDK client loaded before our property was set; pooling it is
        }
    }

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

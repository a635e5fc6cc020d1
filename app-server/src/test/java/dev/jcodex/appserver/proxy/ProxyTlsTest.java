package dev.jcodex.appserver.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.jcodex.core.config.ModelProviderInfo;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** An https:// base_url: TLS through the JDK's SSLEngine, with the certificate and host name checked. */
@Timeout(60)
class ProxyTlsTest {
    @TempDir static Path dir;
    static HttpsServer upstream;
    static X509Certificate cert;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void startTlsProvider() throws Exception {
        Path ks = dir.resolve("ks.p12");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "t", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "san=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", ks.toString(), "-storepass", "secret1").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, "keytool: " + out);
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = java.nio.file.Files.newInputStream(ks)) { store.load(in, "secret1".toCharArray()); }
        cert = (X509Certificate) store.getCertificate("t");
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, "secret1".toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        upstream = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        upstream.setHttpsConfigurator(new HttpsConfigurator(ctx));
        upstream.createContext("/v1/models", x -> {
            byte[] b = ("{\"auth\":\"" + x.getRequestHeaders().getFirst("Authorization") + "\"}").getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, b.length);
            try (OutputStream o = x.getResponseBody()) { o.write(b); }
        });
        upstream.start();
    }

    @AfterAll
    static void stop() { upstream.stop(0); }

    private Upstream target(String host) {
        String base = "https://" + host + ":" + upstream.getAddress().getPort() + "/v1";
        return Upstream.of(new ModelProviderInfo("tls", "TLS", base, "K", "chat", Map.of(), Map.of(), Map.of(), 0, 0,
                300_000, false, null), Map.of("K", "sk-tls")::get, dir);
    }

    private HttpResponse<String> get(ProxyServer p) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + p.address().getPort() + "/v1/models"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void httpsUpstreamWorksWhenItsCertificateIsTrusted() throws Exception {
        var ssl = SslContextBuilder.forClient().sslProvider(SslProvider.JDK).trustManager(cert)
                .endpointIdentificationAlgorithm("HTTPS").build();
        try (ProxyServer p = ProxyServer.start(new InetSocketAddress("127.0.0.1", 0), false, target("127.0.0.1"), false, ssl)) {
            HttpResponse<String> r = get(p);
            assertEquals(200, r.statusCode(), r.body());
            assertEquals("{\"auth\":\"Bearer sk-tls\"}", r.body());
            assertEquals(200, get(p).statusCode(), "the TLS connection is reused");
        }
    }

    @Test
    void untrustedCertificateIs502() throws Exception {
        try (ProxyServer p = ProxyServer.start(new InetSocketAddress("127.0.0.1", 0), false, target("127.0.0.1"), false, null)) {
            HttpResponse<String> r = get(p);
            assertEquals(502, r.statusCode());
            assertTrue(r.body().contains("https://127.0.0.1:" + upstream.getAddress().getPort() + "/v1/models"), r.body());
        }
    }
}

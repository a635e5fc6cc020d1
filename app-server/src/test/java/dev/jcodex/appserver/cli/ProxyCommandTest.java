package dev.jcodex.appserver.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ProxyCommandTest {
    @Test
    void bindDefaultsToLoopback11435() {
        ProxyCommand c = new ProxyCommand();
        new CommandLine(c).parseArgs();
        InetSocketAddress a = ProxyCommand.parseBind(c.bind);
        assertTrue(a.getAddress().isLoopbackAddress());
        assertEquals(11435, a.getPort());
        assertTrue(!c.cors && !c.allowNonLoopback, "CORS and non-loopback are off unless asked for");
    }

    @Test
    void bindAcceptsHostPortAndBracketedIpv6() {
        assertEquals(8080, ProxyCommand.parseBind("localhost:8080").getPort());
        assertTrue(ProxyCommand.parseBind("[::1]:0").getAddress().isLoopbackAddress());
    }

    @Test
    void badBindNamesWhatIsWrong() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ProxyCommand.parseBind("11435")).getMessage()
                .contains("HOST:PORT"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ProxyCommand.parseBind("h:x")).getMessage()
                .contains("`x` is not a number"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ProxyCommand.parseBind("h:70000")).getMessage()
                .contains("out of range"));
    }
}

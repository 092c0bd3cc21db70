package dev.airlock.mock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

class MockProviderMainTest {

    @Test
    void parsesAllOptionsInBothForms() throws Exception {
        MockProviderMain.Options o = MockProviderMain.parse(
                new String[] {"--port", "8123", "--fault=status=429,times=1", "--port-file", "port.txt"});
        assertEquals(8123, o.port);
        assertEquals("status=429,times=1", o.fault);
        assertEquals(Paths.get("port.txt"), o.portFile);
        MockProviderMain.Options defaults = MockProviderMain.parse(new String[0]);
        assertEquals(0, defaults.port);
        assertNull(defaults.fault);
        assertTrue(MockProviderMain.parse(new String[] {"--help"}).help);
    }

    @Test
    void rejectsBadArguments() {
        assertUsage("unknown argument '--bogus'", "--bogus");
        assertUsage("--port needs a number", "--port", "x");
        assertUsage("--port must be 0..65535", "--port", "70000");
        assertUsage("--port needs a value", "--port");
        assertUsage("unknown key 'nope'", "--fault", "nope=1");
    }

    private static void assertUsage(String expected, String... args) {
        MockProviderMain.UsageException e =
                assertThrows(MockProviderMain.UsageException.class, () -> MockProviderMain.parse(args));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}

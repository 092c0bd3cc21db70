package dev.airlock.mock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FaultSpecTest {

    @Test
    void parsesEveryKey() {
        FaultSpec f = FaultSpec.parse(" status=429 , retry_after=2,latency=1.5s,cut_after=3,malformed,times=4,path=/v1/x");
        assertEquals(429, f.status);
        assertEquals("2", f.retryAfter);
        assertEquals(1500, f.latencyMs);
        assertEquals(3, f.cutAfter);
        assertEquals(-1, f.stallAfter);
        assertTrue(f.malformed);
        assertEquals(4, f.times);
        assertEquals("/v1/x", f.path);
        assertEquals("status=429,retry_after=2,latency=1500ms,cut_after=3,malformed,times=4,path=/v1/x", f.toString());
    }

    @Test
    void latencyUnits() {
        assertEquals(300, FaultSpec.parse("latency=300ms").latencyMs);
        assertEquals(2000, FaultSpec.parse("latency=2s").latencyMs);
        assertEquals(250, FaultSpec.parse("latency=250").latencyMs);
    }

    @Test
    void blankMeansNoFault() {
        assertNull(FaultSpec.parse(null));
        assertNull(FaultSpec.parse("  "));
    }

    @Test
    void malformedFlagForms() {
        assertTrue(FaultSpec.parse("malformed=true").malformed);
        assertFalse(FaultSpec.parse("malformed=false").malformed);
        assertEquals(7, FaultSpec.parse("stall_after=7").stallAfter);
    }

    @Test
    void rejectsBadSpecsWithTheReason() {
        assertMessage("unknown key 'statuz'", "statuz=429");
        assertMessage("status must be between 400 and 599", "status=200");
        assertMessage("whole number", "times=two");
        assertMessage("times must be between 1", "times=0");
        assertMessage("given twice", "status=500,status=503");
        assertMessage("cannot be combined", "stall_after=1,cut_after=1");
        assertMessage("path must start with '/'", "path=v1/messages");
        assertMessage("latency must look like", "latency=fast");
        assertMessage("empty item", "status=500,");
        assertMessage("needs a value", "status");
    }

    private static void assertMessage(String expected, String spec) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FaultSpec.parse(spec));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().contains(spec), "the message quotes the spec: " + e.getMessage());
    }
}

package dev.airlock.mock;

import java.util.HashMap;
import java.util.Map;

/**
 * Decides which fault, if any, applies to one request, and counts uses for {@code times=N}.
 *
 * <p>A per-request fault (header {@code x-mock-fault}) replaces the run-wide fault for that
 * request. Counters for header faults are keyed by the canonical spec text, because a retrying
 * client resends the very same header: {@code status=503,times=2} therefore fails the first two
 * attempts and lets the third through. The run-wide counter restarts whenever the run-wide fault is
 * replaced; {@link #reset()} clears everything.
 */
final class FaultArbiter {

    private FaultSpec runWide;
    private int runWideUses;
    private final Map<String, Integer> headerUses = new HashMap<>();

    /** Replaces the run-wide fault ({@code null} clears it) and restarts its {@code times} count. */
    synchronized void setRunWide(FaultSpec spec) {
        runWide = spec;
        runWideUses = 0;
    }

    /** The current run-wide fault, or {@code null}. */
    synchronized FaultSpec runWide() {
        return runWide;
    }

    /** Clears the run-wide fault and every {@code times} counter. */
    synchronized void reset() {
        runWide = null;
        runWideUses = 0;
        headerUses.clear();
    }

    /**
     * Picks the fault for a request and consumes one of its {@code times} if it has a limit.
     *
     * @param headerFault the parsed {@code x-mock-fault} header, or {@code null}
     * @param path the request path
     * @return the fault to apply, or {@code null} to answer normally
     */
    synchronized FaultSpec select(FaultSpec headerFault, String path) {
        boolean fromHeader = headerFault != null;
        FaultSpec spec = fromHeader ? headerFault : runWide;
        if (spec == null || (spec.path != null && !spec.path.equals(path))) {
            return null;
        }
        if (spec.times > 0) {
            int used = fromHeader ? headerUses.getOrDefault(spec.toString(), 0) : runWideUses;
            if (used >= spec.times) {
                return null;
            }
            if (fromHeader) {
                headerUses.put(spec.toString(), used + 1);
            } else {
                runWideUses = used + 1;
            }
        }
        return spec;
    }
}

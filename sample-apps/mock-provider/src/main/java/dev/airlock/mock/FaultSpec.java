package dev.airlock.mock;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A parsed fault-injection spec: which failure to simulate for a request.
 *
 * <p>Syntax: comma-separated {@code key=value} items (whitespace around items is ignored):
 * <ul>
 *   <li>{@code status=429} — answer this HTTP status (400–599) with an error body in the provider's
 *       own format;</li>
 *   <li>{@code retry_after=2} — add {@code Retry-After: 2} (whole seconds) to the response;</li>
 *   <li>{@code latency=300ms} — wait before the response starts ({@code ms}, {@code s}, or a bare
 *       number of milliseconds);</li>
 *   <li>{@code stall_after=2} — send 2 content chunks, then send nothing more (connection held
 *       open);</li>
 *   <li>{@code cut_after=2} — send 2 content chunks, then drop the connection without the
 *       terminating event;</li>
 *   <li>{@code malformed} (or {@code malformed=true}) — 200 with a body, or a stream chunk, that is
 *       not valid JSON;</li>
 *   <li>{@code times=N} — apply only to the first N matching requests;</li>
 *   <li>{@code path=/v1/messages} — apply only to requests for that exact path.</li>
 * </ul>
 * Unknown keys and bad values are rejected with an {@link IllegalArgumentException} whose message
 * names the offending item, because a silently ignored typo would make a fault test pass for the
 * wrong reason.
 */
final class FaultSpec {

    static final String KNOWN_KEYS =
            "status, retry_after, latency, stall_after, cut_after, malformed, times, path";

    /** HTTP status to answer, or 0 for none. */
    final int status;
    /** Value of the Retry-After header to add, or null. */
    final String retryAfter;
    /** Delay before the response starts, in milliseconds. */
    final long latencyMs;
    /** Number of content chunks before stalling, or -1. */
    final int stallAfter;
    /** Number of content chunks before cutting the connection, or -1. */
    final int cutAfter;
    /** Whether to send invalid JSON. */
    final boolean malformed;
    /** How many matching requests the fault applies to; 0 means every one. */
    final int times;
    /** Exact request path the fault is limited to, or null for every path. */
    final String path;

    private final String canonical;

    private FaultSpec(int status, String retryAfter, long latencyMs, int stallAfter, int cutAfter,
                      boolean malformed, int times, String path) {
        this.status = status;
        this.retryAfter = retryAfter;
        this.latencyMs = latencyMs;
        this.stallAfter = stallAfter;
        this.cutAfter = cutAfter;
        this.malformed = malformed;
        this.times = times;
        this.path = path;
        StringJoiner j = new StringJoiner(",");
        if (status != 0) {
            j.add("status=" + status);
        }
        if (retryAfter != null) {
            j.add("retry_after=" + retryAfter);
        }
        if (latencyMs != 0) {
            j.add("latency=" + latencyMs + "ms");
        }
        if (stallAfter >= 0) {
            j.add("stall_after=" + stallAfter);
        }
        if (cutAfter >= 0) {
            j.add("cut_after=" + cutAfter);
        }
        if (malformed) {
            j.add("malformed");
        }
        if (times != 0) {
            j.add("times=" + times);
        }
        if (path != null) {
            j.add("path=" + path);
        }
        this.canonical = j.toString();
    }

    /**
     * Parses a spec.
     *
     * @param spec the spec text; {@code null} or blank means "no fault"
     * @return the parsed spec, or {@code null} for "no fault"
     * @throws IllegalArgumentException on an unknown key, a repeated key, or a bad value
     */
    static FaultSpec parse(String spec) {
        if (spec == null || spec.trim().isEmpty()) {
            return null;
        }
        Map<String, String> items = new LinkedHashMap<>();
        for (String raw : spec.split(",", -1)) {
            String item = raw.trim();
            if (item.isEmpty()) {
                throw bad(spec, "empty item (stray comma?)");
            }
            int eq = item.indexOf('=');
            String key = (eq < 0 ? item : item.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
            String value = eq < 0 ? null : item.substring(eq + 1).trim();
            if (items.containsKey(key)) {
                throw bad(spec, "key '" + key + "' given twice");
            }
            items.put(key, value);
        }

        int status = 0;
        String retryAfter = null;
        long latencyMs = 0;
        int stallAfter = -1;
        int cutAfter = -1;
        boolean malformed = false;
        int times = 0;
        String path = null;
        for (Map.Entry<String, String> e : items.entrySet()) {
            String key = e.getKey();
            String value = e.getValue();
            switch (key) {
                case "status":
                    status = intValue(spec, key, value, 400, 599);
                    break;
                case "retry_after":
                    retryAfter = Integer.toString(intValue(spec, key, value, 0, Integer.MAX_VALUE));
                    break;
                case "latency":
                    latencyMs = duration(spec, value);
                    break;
                case "stall_after":
                    stallAfter = intValue(spec, key, value, 0, Integer.MAX_VALUE);
                    break;
                case "cut_after":
                    cutAfter = intValue(spec, key, value, 0, Integer.MAX_VALUE);
                    break;
                case "malformed":
                    malformed = booleanValue(spec, value);
                    break;
                case "times":
                    times = intValue(spec, key, value, 1, Integer.MAX_VALUE);
                    break;
                case "path":
                    if (value == null || !value.startsWith("/")) {
                        throw bad(spec, "path must start with '/', got " + quote(value));
                    }
                    path = value;
                    break;
                default:
                    throw bad(spec, "unknown key '" + key + "' (known keys: " + KNOWN_KEYS + ")");
            }
        }
        if (stallAfter >= 0 && cutAfter >= 0) {
            // One stream cannot both hang and be dropped at the same point; refuse instead of guessing.
            throw bad(spec, "stall_after and cut_after cannot be combined");
        }
        return new FaultSpec(status, retryAfter, latencyMs, stallAfter, cutAfter, malformed, times, path);
    }

    /** Whether this spec limits how a stream (or body) is delivered, rather than what it says. */
    boolean interruptsDelivery() {
        return stallAfter >= 0 || cutAfter >= 0;
    }

    /** The canonical spec text, e.g. {@code status=429,retry_after=2,times=1}. */
    @Override
    public String toString() {
        return canonical;
    }

    private static int intValue(String spec, String key, String value, int min, int max) {
        if (value == null || value.isEmpty()) {
            throw bad(spec, key + " needs a value, e.g. " + key + "=" + Math.max(min, 1));
        }
        long n;
        try {
            n = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw bad(spec, key + " must be a whole number, got " + quote(value));
        }
        if (n < min || n > max) {
            throw bad(spec, key + " must be between " + min + " and " + max + ", got " + n);
        }
        return (int) n;
    }

    private static long duration(String spec, String value) {
        if (value == null || value.isEmpty()) {
            throw bad(spec, "latency needs a value, e.g. latency=300ms");
        }
        String v = value.toLowerCase(Locale.ROOT);
        double factor = 1;
        if (v.endsWith("ms")) {
            v = v.substring(0, v.length() - 2);
        } else if (v.endsWith("s")) {
            v = v.substring(0, v.length() - 1);
            factor = 1000;
        }
        double amount;
        try {
            amount = Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw bad(spec, "latency must look like 300ms, 2s or 300, got " + quote(value));
        }
        if (amount < 0 || Double.isNaN(amount) || Double.isInfinite(amount) || amount * factor > 3_600_000) {
            throw bad(spec, "latency must be between 0 and 1h, got " + quote(value));
        }
        return Math.round(amount * factor);
    }

    private static boolean booleanValue(String spec, String value) {
        if (value == null || value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw bad(spec, "malformed takes no value, or true/false, got " + quote(value));
    }

    private static String quote(String value) {
        return value == null ? "nothing" : "'" + value + "'";
    }

    private static IllegalArgumentException bad(String spec, String why) {
        return new IllegalArgumentException("invalid fault spec '" + spec + "': " + why);
    }
}

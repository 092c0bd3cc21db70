package dev.airlock.mock;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CountDownLatch;

/**
 * Command line entry point of {@code mock-provider.jar}.
 *
 * <pre>
 * java -jar mock-provider.jar [--port N] [--fault SPEC] [--port-file FILE] [--help]
 * </pre>
 *
 * Prints exactly one line, {@code mock-provider listening on http://127.0.0.1:PORT}, writes the
 * port to {@code --port-file} if given, and runs until killed. Bad arguments print a message on
 * stderr and exit with status 2.
 */
public final class MockProviderMain {

    static final String USAGE = String.join("\n",
            "Usage: java -jar mock-provider.jar [--port N] [--fault SPEC] [--port-file FILE] [--help]",
            "",
            "A local, deterministic LLM provider (OpenAI, Anthropic, Gemini wire formats).",
            "",
            "  --port N          port to listen on, on 127.0.0.1 (default 0 = any free port)",
            "  --fault SPEC      run-wide fault, e.g. status=429,retry_after=2,times=1",
            "                    keys: " + FaultSpec.KNOWN_KEYS,
            "  --port-file FILE  write the bound port to FILE once listening",
            "  --help            print this help",
            "",
            "Per request: headers x-mock-fault, x-mock-chunk-delay-ms, x-mock-cached-tokens,",
            "x-mock-cache-creation-tokens. Control: GET /health, GET /_mock/requests,",
            "POST /_mock/reset, POST /_mock/fault (body = spec, empty clears).");

    private MockProviderMain() {
    }

    /** Parsed command line. */
    static final class Options {
        int port;
        String fault;
        Path portFile;
        boolean help;
    }

    /** Thrown for a bad command line; the message says what is wrong. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /**
     * Starts the mock and blocks until the process is killed.
     *
     * @param args see the class description
     */
    public static void main(String[] args) throws InterruptedException {
        Options options;
        try {
            options = parse(args);
        } catch (UsageException e) {
            System.err.println("mock-provider: " + e.getMessage());
            System.err.println("Try --help.");
            System.exit(2);
            return;
        }
        if (options.help) {
            System.out.println(USAGE);
            return;
        }
        MockProvider mock;
        try {
            mock = MockProvider.start(options.port);
        } catch (IOException e) {
            System.err.println("mock-provider: cannot listen on 127.0.0.1:" + options.port + ": " + e);
            System.exit(1);
            return;
        }
        mock.setFault(options.fault);
        Runtime.getRuntime().addShutdownHook(new Thread(mock::close, "mock-provider-shutdown"));
        if (options.portFile != null) {
            try {
                writePortFile(options.portFile, mock.port());
            } catch (IOException e) {
                System.err.println("mock-provider: cannot write --port-file " + options.portFile + ": " + e);
                System.exit(1);
                return;
            }
        }
        PrintStream out = System.out;
        out.println("mock-provider listening on " + mock.baseUrl());
        out.flush();
        new CountDownLatch(1).await(); // the server threads are daemons; this keeps the JVM up
    }

    /**
     * Parses the command line, validating the fault spec up front so a typo fails at start-up.
     *
     * @throws UsageException on an unknown option, a missing or bad value
     */
    static Options parse(String[] args) throws UsageException {
        Options o = new Options();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            switch (arg) {
                case "--help":
                case "-h":
                    o.help = true;
                    break;
                case "--port":
                    value = value != null ? value : next(args, ++i, arg);
                    try {
                        o.port = Integer.parseInt(value);
                    } catch (NumberFormatException e) {
                        throw new UsageException("--port needs a number, got '" + value + "'");
                    }
                    if (o.port < 0 || o.port > 65535) {
                        throw new UsageException("--port must be 0..65535, got " + o.port);
                    }
                    break;
                case "--fault":
                    o.fault = value != null ? value : next(args, ++i, arg);
                    try {
                        FaultSpec.parse(o.fault);
                    } catch (IllegalArgumentException e) {
                        throw new UsageException(e.getMessage());
                    }
                    break;
                case "--port-file":
                    o.portFile = Paths.get(value != null ? value : next(args, ++i, arg));
                    break;
                default:
                    throw new UsageException("unknown argument '" + args[i] + "'");
            }
        }
        return o;
    }

    private static String next(String[] args, int i, String option) throws UsageException {
        if (i >= args.length) {
            throw new UsageException(option + " needs a value");
        }
        return args[i];
    }

    /** Writes via a temporary file and a rename, so a script polling the file never reads half. */
    private static void writePortFile(Path file, int port) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path dir = absolute.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path tmp = Files.createTempFile(dir, ".mock-port", ".tmp");
        Files.write(tmp, Integer.toString(port).getBytes(StandardCharsets.UTF_8));
        try {
            Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}

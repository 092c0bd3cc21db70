package dev.airlock.mock;

import java.io.IOException;

/**
 * Thrown out of the HTTP handler on purpose to drop a connection mid-response.
 *
 * <p>The JDK server closes the socket when a handler throws before the exchange is closed, without
 * writing the terminating zero-length chunk. The client therefore sees a truncated response (an
 * "unexpected end of stream"), just like when a provider's connection breaks. Closing the exchange
 * normally would instead end the body cleanly, which is not the fault being simulated.
 */
final class AbruptCloseException extends IOException {

    private static final long serialVersionUID = 1L;

    AbruptCloseException(String message) {
        super(message);
    }
}

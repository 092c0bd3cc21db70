package dev.airlock.mock;

/**
 * A request the mock cannot answer normally, reported as HTTP 400 in the provider's error format
 * (malformed JSON, missing required field, bad {@code x-mock-*} header).
 */
final class BadRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    BadRequestException(String message) {
        super(message);
    }
}

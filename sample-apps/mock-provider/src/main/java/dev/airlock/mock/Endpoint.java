package dev.airlock.mock;

/**
 * One LLM API operation in one wire format. Implementations are pure: they turn a request into a
 * {@link Reply} and leave auth, faults and delivery to {@link MockHandler} and {@link ReplySender}.
 */
interface Endpoint {

    /** Whose credential and error format this endpoint uses. */
    Provider provider();

    /**
     * Builds the answer.
     *
     * @param call the request, with its JSON body parsed
     * @throws BadRequestException if the body lacks something the real API requires
     */
    Reply reply(CallContext call);
}

package dev.airlock.agent.identity;

import dev.airlock.agent.codec.LlmRequest;
import dev.airlock.agent.engine.RequestHeaders;

/** What identity sources may look at for one call: its headers and its parsed request. */
public final class CallFacts {

  final RequestHeaders headers;
  final LlmRequest request;
  final byte[] body;
  /** The calling class as given, or null to find it on the current thread's stack. */
  final String caller;
  final boolean onApplicationThread;

  /** A call being made now, on the application's thread: {@code caller} is read from the stack. */
  public CallFacts(RequestHeaders headers, LlmRequest request, byte[] body) {
    this(headers, request, body, null, true);
  }

  private CallFacts(RequestHeaders headers, LlmRequest request, byte[] body, String caller,
      boolean onApplicationThread) {
    this.headers = headers;
    this.request = request;
    this.body = body;
    this.caller = caller;
    this.onApplicationThread = onApplicationThread;
  }

  /** A call described rather than made (the CLI's explain and test): the caller is what is given, or none. */
  public static CallFacts described(RequestHeaders headers, LlmRequest request, byte[] body, String caller) {
    return new CallFacts(headers, request, body, caller, false);
  }
}

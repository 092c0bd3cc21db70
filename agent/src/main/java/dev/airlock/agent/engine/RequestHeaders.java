package dev.airlock.agent.engine;

/** Read access to an outgoing request's headers, whatever the transport's own type. */
public interface RequestHeaders {

  /** The first value of the header (case-insensitive name), or null. */
  String first(String name);
}

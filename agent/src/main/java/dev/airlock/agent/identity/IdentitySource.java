package dev.airlock.agent.identity;

/** One place an identity value may come from; null when it has none for this call. */
interface IdentitySource {
  String lookup(CallFacts call);
}

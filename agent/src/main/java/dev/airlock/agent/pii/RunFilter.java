package dev.airlock.agent.pii;

import java.util.function.IntPredicate;

/**
 * The {@link RunShape}s of the digit runs a detector visits: the runs of any other shape cannot
 * start one of its matches. Evaluated for every shape once, when the detector class is loaded,
 * so that testing a run is one table look-up.
 *
 * <p>Immutable and thread-safe.
 */
final class RunFilter {

  /** 1 for each accepted shape, 0 otherwise: added into a bit set without a branch. */
  private final byte[] accepted = new byte[1 << RunShape.BITS];

  /** @param accepts tells the shapes of the runs to visit */
  RunFilter(IntPredicate accepts) {
    for (int shape = 0; shape < accepted.length; shape++) {
      accepted[shape] = (byte) (accepts.test(shape) ? 1 : 0);
    }
  }

  /** 1 when runs of {@code shape} are visited, else 0. */
  int bit(int shape) {
    return accepted[shape];
  }
}

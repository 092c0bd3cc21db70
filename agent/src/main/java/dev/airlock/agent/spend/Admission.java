package dev.airlock.agent.spend;

import dev.airlock.agent.state.Reservation;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * The budgets' answer for one call, from {@link Budgets#admit}. If {@link #allowed()}, it holds the
 * call's reservations: end it with exactly one {@link #settle} (the call produced usage) or
 * {@link #release()} (it failed without any); further calls to either do nothing. Safe to end from
 * another thread than the one that admitted (asynchronous calls, streams).
 */
public final class Admission {

  /** What the budgets decided. */
  public enum Outcome {
    /** Every budget can afford the call. */
    ALLOWED,
    /** The call goes ahead, but an alert budget cannot afford it. */
    ALERTED,
    /** The call should go to {@link #downgradeTo()} instead: a downgrade budget cannot afford it. */
    DOWNGRADED,
    /** A blocking budget cannot afford the call: it must not be sent. */
    BLOCKED,
    /** The shared state is unreachable and configured to fail closed: the call must not be sent. */
    UNAVAILABLE
  }

  /** An admission with nothing reserved: no budget applies. */
  static final Admission UNLIMITED = new Admission(null, null, null, Outcome.ALLOWED, -1, null);

  private static final AtomicIntegerFieldUpdater<Admission> ENDED =
      AtomicIntegerFieldUpdater.newUpdater(Admission.class, "ended");

  private final Budgets owner;
  private final Reservation reservation;
  private final ScopeKey[] keys;
  private final Outcome outcome;
  /** Index into the owner's budgets of the budget that decided the outcome, or -1. */
  private final int decisive;
  private final String detail;
  private volatile int ended;

  Admission(Budgets owner, Reservation reservation, ScopeKey[] keys, Outcome outcome, int decisive, String detail) {
    this.owner = owner;
    this.reservation = reservation;
    this.keys = keys;
    this.outcome = outcome;
    this.decisive = decisive;
    this.detail = detail;
  }

  public Outcome outcome() {
    return outcome;
  }

  /** True if the call may be sent: {@code ALLOWED}, {@code ALERTED} or {@code DOWNGRADED}. */
  public boolean allowed() {
    return outcome == Outcome.ALLOWED || outcome == Outcome.ALERTED || outcome == Outcome.DOWNGRADED;
  }

  /** The budget that blocked, downgraded or flagged the call (the most severe one), or null. */
  public BudgetConfig exceededBudget() {
    return decisive < 0 ? null : owner.config(decisive);
  }

  /** The scope whose counter of {@link #exceededBudget()} is exhausted, e.g. {@code tenant:acme}, or null. */
  public ScopeKey exceededScope() {
    return decisive < 0 ? null : keys[decisive];
  }

  /** The target to send the call to instead, when {@code DOWNGRADED}; otherwise null. */
  public String downgradeTo() {
    return outcome == Outcome.DOWNGRADED ? owner.config(decisive).onExceed().target() : null;
  }

  /**
   * Records what the call really cost, replacing its reservations atomically, and reports any alert
   * threshold it crossed. Negative amounts count as zero. Never throws.
   */
  public void settle(long actualMicroUsd, long actualTokens) {
    if (holdsReservation() && ENDED.compareAndSet(this, 0, 1)) {
      owner.settle(reservation, keys, actualMicroUsd, actualTokens);
    }
  }

  /** Gives the reservations back unspent: the call failed before producing any usage. Never throws. */
  public void release() {
    if (holdsReservation() && ENDED.compareAndSet(this, 0, 1)) {
      owner.release(reservation);
    }
  }

  private boolean holdsReservation() {
    return reservation != null && reservation.admitted();
  }

  /** E.g. {@code BLOCKED by per tenant 50 USD/day, block (tenant:acme)}. */
  @Override
  public String toString() {
    if (decisive >= 0) {
      return outcome + " by " + owner.config(decisive) + " (" + keys[decisive] + ")";
    }
    return detail == null ? outcome.toString() : outcome + " (" + detail + ")";
  }
}

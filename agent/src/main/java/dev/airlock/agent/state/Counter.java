package dev.airlock.agent.state;

/** A budget counter's values at one moment: settled spend and the amount reserved by calls in flight. */
public final class Counter {

  public static final Counter ZERO = new Counter(0, 0);

  private final long spent;
  private final long reserved;

  public Counter(long spent, long reserved) {
    this.spent = spent;
    this.reserved = reserved;
  }

  public long spent() {
    return spent;
  }

  public long reserved() {
    return reserved;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Counter && ((Counter) o).spent == spent && ((Counter) o).reserved == reserved;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(spent) * 31 + Long.hashCode(reserved);
  }

  @Override
  public String toString() {
    return "spent " + spent + ", reserved " + reserved;
  }
}

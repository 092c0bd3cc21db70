package dev.airlock.agent.spend;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that only moves when told to; also a {@link Sleeper} that "sleeps" by moving it. */
final class FakeClock extends Clock implements Sleeper {

  private volatile Instant now;

  FakeClock(String isoInstant) {
    this.now = Instant.parse(isoInstant);
  }

  void advance(Duration d) {
    synchronized (this) {
      now = now.plus(d);
    }
  }

  void set(String isoInstant) {
    now = Instant.parse(isoInstant);
  }

  @Override
  public void sleep(Duration duration) {
    advance(duration);
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}

package org.suxiu;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * A clock that tests move by hand instead of sleeping.
 */
public class MutableClock extends Clock {

	private volatile Instant now;

	private final ZoneId zone;

	public MutableClock(Instant start, ZoneId zone) {
		this.now = start;
		this.zone = zone;
	}

	public static MutableClock at(String offsetDateTime) {
		return new MutableClock(OffsetDateTime.parse(offsetDateTime).toInstant(), ZoneId.of("Asia/Shanghai"));
	}

	public void set(String offsetDateTime) {
		this.now = OffsetDateTime.parse(offsetDateTime).toInstant();
	}

	public void advance(Duration duration) {
		this.now = now.plus(duration);
	}

	@Override
	public ZoneId getZone() {
		return zone;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return new MutableClock(now, zone);
	}

	@Override
	public Instant instant() {
		return now;
	}

}

package org.suxiu.field;

import java.time.Duration;

import org.springframework.http.HttpStatus;
import org.suxiu.shared.DomainException;

/** A hurry (催单) within the quiet period after the last one: 429, nothing changed. */
public class HurriedTooSoon extends DomainException {

	private final Duration retryAfter;

	HurriedTooSoon(String number, Duration retryAfter) {
		super("hurry-too-soon", HttpStatus.TOO_MANY_REQUESTS, "Hurried too soon",
				"Order " + number + " was hurried a moment ago; again in " + minutes(retryAfter) + " min 刚催过单，请"
						+ minutes(retryAfter) + "分钟后再催");
		this.retryAfter = retryAfter;
	}

	/** How long until the next hurry is taken. */
	public Duration retryAfter() {
		return retryAfter;
	}

	private static long minutes(Duration d) {
		return Math.max(1, (d.toSeconds() + 59) / 60);
	}

}

package org.suxiu.live;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends events to the live feed in the caller's transaction; clients connected to any
 * instance receive them once that transaction commits, and a reconnecting client replays
 * what it missed.
 */
@Service
public class LiveFeed {

	static final int MAX_TYPE = 40;

	private final LiveEventStore store;

	private final Clock clock;

	LiveFeed(LiveEventStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	/**
	 * Appends one event for one recipient, joining the caller's transaction (or in one of
	 * its own when there is none).
	 * @param recipient who sees it
	 * @param type what happened, e.g. {@code dispatched}; at most 40 characters
	 * @param number the order it concerns, or {@code null}
	 * @param fields further members of the event's JSON; values under a {@code phone} key
	 * of a {@link Recipient.Kind#PROJECT PROJECT} event are masked for roles that do not
	 * call people back, while an event for one person is shown to them as given
	 */
	@Transactional
	public void append(Recipient recipient, String type, String number, Map<String, Object> fields) {
		appendAll(List.of(new FeedEntry(recipient, type, number, now(), fields)));
	}

	/** Appends several events in one statement; joins the caller's transaction. */
	@Transactional
	void appendAll(List<FeedEntry> entries) {
		if (!entries.isEmpty()) {
			store.insert(entries, now());
		}
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	/**
	 * One event for one recipient.
	 *
	 * @param recipient who sees it
	 * @param type what happened
	 * @param number the order, or {@code null}
	 * @param at when it happened
	 * @param fields further members of its JSON
	 */
	record FeedEntry(Recipient recipient, String type, String number, Instant at, Map<String, Object> fields) {

		FeedEntry {
			if (recipient == null) {
				throw new IllegalArgumentException("recipient is required");
			}
			if (type == null || type.isBlank() || type.length() > MAX_TYPE) {
				throw new IllegalArgumentException("type must be 1 to " + MAX_TYPE + " characters");
			}
			if (at == null) {
				throw new IllegalArgumentException("at is required");
			}
			fields = fields == null ? Map.of() : fields;
		}

	}

}

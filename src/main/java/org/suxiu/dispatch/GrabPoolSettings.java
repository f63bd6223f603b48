package org.suxiu.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import org.suxiu.shared.Category;
import org.suxiu.shared.Grade;

/**
 * A project's grab pool (抢单) settings: whether it is open, which grades and repair types
 * it offers, and how long an order stays in it after the report.
 *
 * @param enabled whether technicians may grab
 * @param grades which grades they may grab (L3, L4)
 * @param categories which repair types they may grab; empty for all
 * @param offerMinutes how long after the report an order stays in the pool before only a
 * dispatcher sends it; null for as long as it waits
 * @param version for optimistic updates
 */
public record GrabPoolSettings(boolean enabled, Set<Grade> grades, Set<Category> categories, Integer offerMinutes,
		int version) {

	/**
	 * The grades a pool may offer: emergencies and urgent orders are always dispatched.
	 */
	public static final Set<Grade> GRABBABLE = EnumSet.of(Grade.L3, Grade.L4);

	/** A pool never opened. */
	static final GrabPoolSettings CLOSED = new GrabPoolSettings(false, GRABBABLE, Set.of(), null, 0);

	/** Longest offer window: a week. */
	public static final int MAX_OFFER_MINUTES = 7 * 24 * 60;

	/** Whether an order of this grade and type, reported then, is in the pool now. */
	public boolean offers(Grade grade, Category category, Instant reportedAt, Instant now) {
		return enabled && grades.contains(grade) && (categories.isEmpty() || categories.contains(category))
				&& (offerMinutes == null || reportedAt == null
						|| now.isBefore(reportedAt.plus(Duration.ofMinutes(offerMinutes))));
	}

}

package org.suxiu.analytics.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.suxiu.analytics.BreachCause;
import org.suxiu.workorder.OrderLife;
import org.suxiu.workorder.ReworkCheck;
import org.suxiu.workorder.SlaSnapshot;
import org.suxiu.workorder.Status;

/**
 * What analytics keeps of one order ({@code analytics_order}): the dimensions it is
 * counted under and its figures, and the part it plays in the roll-ups.
 *
 * @param number order number
 * @param tenantId property company
 * @param projectId project
 * @param day the day it was reported, in the project's zone
 * @param grade grade now
 * @param category repair type
 * @param channel how it came in
 * @param status status now
 * @param technicianId the technician now (or last), or {@code null}
 * @param technicianName their name
 * @param reportedAt when it was reported
 * @param responseMinutes report to take, or {@code null}
 * @param arrivalMinutes report to first arrival, or {@code null}
 * @param completionMinutes report to completion, or {@code null}
 * @param workMinutes first arrival to completion, or {@code null}
 * @param respond the respond clock: {@code MET}, {@code MISSED} or {@code null}
 * @param arrive the arrive clock
 * @param complete the complete clock
 * @param cause why its first promise broke, or {@code null}
 * @param rework whether it is a rework of an earlier order: opened by a reopen, or a
 * probable rework a person confirmed
 * @param reworked whether its repair did not hold: a reopen's rework or a confirmed one
 * points at it
 * @param probableRework whether the system flagged it as probably repeating an earlier
 * repair and nobody has judged that yet (疑似返修待确认)
 * @param rating the owner's rating, or {@code null}
 * @param satisfied the follow-up answer, or {@code null}
 * @param paidFen payments received
 * @param approvedFen quotes approved
 * @param place where: a home ({@code 1-1-101}) or a common area
 */
record OrderRow(String number, long tenantId, long projectId, LocalDate day, String grade, String category,
		String channel, String status, Long technicianId, String technicianName, Instant reportedAt,
		Integer responseMinutes, Integer arrivalMinutes, Integer completionMinutes, Integer workMinutes, String respond,
		String arrive, String complete, BreachCause cause, boolean rework, boolean reworked, boolean probableRework,
		Integer rating, Boolean satisfied, long paidFen, long approvedFen, String place) {

	static final String MET = "MET";

	static final String MISSED = "MISSED";

	/** The row of an order as it stands, its clocks and its charges. */
	static OrderRow of(OrderLife life, List<SlaSnapshot> clocks, long paidFen, long approvedFen, ZoneId zone) {
		String respond = outcome(clocks, "respond");
		String arrive = outcome(clocks, "arrive");
		String complete = outcome(clocks, "complete");
		BreachCause cause = null;
		if (MISSED.equals(respond)) {
			cause = BreachCause.DISPATCH;
		}
		else if (MISSED.equals(arrive)) {
			cause = BreachCause.TRAVEL;
		}
		else if (MISSED.equals(complete)) {
			cause = life.holdReasons().stream().anyMatch(r -> r.startsWith("PREEMPTED")) ? BreachCause.EMERGENCY
					: life.holdReasons().isEmpty() ? BreachCause.REPAIR : BreachCause.WAITING;
		}
		return new OrderRow(life.number(), life.tenantId(), life.projectId(),
				LocalDate.ofInstant(life.reportedAt(), zone), life.grade().name(), life.category().name(),
				life.channel().name(), life.status().name(), life.assigneeId(), life.assigneeName(), life.reportedAt(),
				minutes(life.reportedAt(), life.takenAt()), minutes(life.reportedAt(), life.arrivedAt()),
				minutes(life.reportedAt(), life.completedAt()), minutes(life.arrivedAt(), life.completedAt()), respond,
				arrive, complete, cause, life.reworkOf() != null && life.reworkCheck() != ReworkCheck.PROBABLE,
				life.reworked(), life.reworkCheck() == ReworkCheck.PROBABLE, life.rating(), life.satisfied(), paidFen,
				approvedFen, life.place());
	}

	private static String outcome(List<SlaSnapshot> clocks, String clock) {
		for (SlaSnapshot snapshot : clocks) {
			if (snapshot.clock().equals(clock)) {
				return "MET".equals(snapshot.state()) ? MET : "BREACHED".equals(snapshot.state()) ? MISSED : null;
			}
		}
		return null;
	}

	private static Integer minutes(Instant from, Instant to) {
		if (from == null || to == null) {
			return null;
		}
		return (int) Math.max(0, Duration.between(from, to).toMinutes());
	}

	boolean cancelled() {
		return Status.CANCELLED.name().equals(status);
	}

	boolean completed() {
		return completionMinutes != null && !cancelled();
	}

	/** Completed with no broken promise. */
	boolean kept() {
		return completed() && !breached();
	}

	boolean breached() {
		return MISSED.equals(respond) || MISSED.equals(arrive) || MISSED.equals(complete);
	}

	/** This order's part in each roll-up row it is counted in, by row key. */
	Map<RollupKey, Tally> parts() {
		Tally tally = tally();
		Map<RollupKey, Tally> parts = new LinkedHashMap<>();
		parts.put(new RollupKey(tenantId, projectId, day, RollupKey.ALL, RollupKey.ALL), tally);
		parts.put(new RollupKey(tenantId, projectId, day, "GRADE", grade), tally);
		parts.put(new RollupKey(tenantId, projectId, day, "CATEGORY", category), tally);
		parts.put(new RollupKey(tenantId, projectId, day, "CHANNEL", channel), tally);
		if (technicianId != null) {
			parts.put(new RollupKey(tenantId, projectId, day, "TECHNICIAN", String.valueOf(technicianId)), tally);
		}
		return parts;
	}

	Tally tally() {
		Tally t = new Tally().add(Measure.ORDERS, 1);
		if (cancelled()) {
			return t.add(Measure.CANCELLED, 1);
		}
		if (responseMinutes != null) {
			t.time(Tally.Times.RESPONSE, Measure.RESPONSE_N, Measure.RESPONSE_SUM, responseMinutes);
		}
		if (arrivalMinutes != null) {
			t.time(Tally.Times.ARRIVAL, Measure.ARRIVAL_N, Measure.ARRIVAL_SUM, arrivalMinutes);
		}
		if (completed()) {
			t.add(Measure.COMPLETED, 1);
			t.time(Tally.Times.COMPLETION, Measure.COMPLETION_N, Measure.COMPLETION_SUM, completionMinutes);
			if (workMinutes != null) {
				t.add(Measure.WORK_N, 1).add(Measure.WORK_SUM, workMinutes);
			}
			if (!reworked) {
				t.add(Measure.FIRST_FIX, 1);
			}
		}
		clock(t, respond, Measure.RESPOND_MET, Measure.RESPOND_MISSED);
		clock(t, arrive, Measure.ARRIVE_MET, Measure.ARRIVE_MISSED);
		clock(t, complete, Measure.COMPLETE_MET, Measure.COMPLETE_MISSED);
		if (kept()) {
			t.add(Measure.KEPT, 1);
		}
		if (breached()) {
			t.add(Measure.BREACHED, 1);
			t.add(Measure.valueOf("CAUSE_" + cause.name()), 1);
		}
		if (rework) {
			t.add(Measure.REWORK, 1);
		}
		if (reworked) {
			t.add(Measure.REWORKED, 1);
		}
		if (probableRework) {
			t.add(Measure.PROBABLE_REWORK, 1);
		}
		if (rating != null) {
			t.add(Measure.RATED, 1).add(Measure.RATING_SUM, rating).add(Measure.RATED_GOOD, rating >= 4 ? 1 : 0);
		}
		if (satisfied != null) {
			t.add(Measure.FOLLOWED_UP, 1).add(Measure.SATISFIED, satisfied ? 1 : 0);
		}
		return t.add(Measure.PAID_FEN, paidFen).add(Measure.APPROVED_FEN, approvedFen);
	}

	private static void clock(Tally t, String outcome, Measure met, Measure missed) {
		if (MET.equals(outcome)) {
			t.add(met, 1);
		}
		else if (MISSED.equals(outcome)) {
			t.add(missed, 1);
		}
	}

}

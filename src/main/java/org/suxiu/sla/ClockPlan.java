package org.suxiu.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.suxiu.shared.Grade;

/**
 * The clocks a grade puts on an order and when each fraction of them falls due.
 */
final class ClockPlan {

	private ClockPlan() {
	}

	/**
	 * One planned clock; {@code limit} is in the clock's own time (working time when
	 * {@code working}).
	 *
	 * @param name respond, arrive or complete
	 * @param working whether it counts working time only
	 * @param start when it starts
	 * @param limit how much of its time it allows
	 */
	record Planned(ClockName name, boolean working, Instant start, Duration limit) {

		/**
		 * When {@code fraction} of the limit has passed, not counting {@code paused}
		 * clock time.
		 */
		Instant due(double fraction, Duration paused, WorkingCalendar calendar) {
			Duration amount = Duration.ofNanos((long) (limit.toNanos() * fraction)).plus(paused);
			return working ? calendar.plus(start, amount) : start.plus(amount);
		}

	}

	static List<Planned> plan(SlaPolicy policy, WorkingCalendar calendar, Grade grade, Instant reportedAt,
			Instant appointmentFrom, Instant appointmentTo) {
		SlaPolicy.Limits limits = policy.limits(grade);
		List<Planned> clocks = new ArrayList<>();
		Duration day = calendar.workingDay();
		if (limits.clock() == ClockMode.APPOINTMENT) {
			if (appointmentFrom == null || appointmentTo == null) {
				return clocks;
			}
			if (limits.respond() != null) {
				clocks
					.add(new Planned(ClockName.RESPOND, true, reportedAt, ClockDuration.parse(limits.respond(), day)));
			}
			clocks.add(new Planned(ClockName.ARRIVE, false, appointmentFrom,
					Duration.between(appointmentFrom, appointmentTo)));
			if (limits.complete() != null) {
				clocks.add(new Planned(ClockName.COMPLETE, true, appointmentTo,
						ClockDuration.parse(limits.complete(), day)));
			}
			return clocks;
		}
		boolean working = limits.clock() == ClockMode.WORKING;
		Duration unit = working ? day : Duration.ofDays(1);
		add(clocks, ClockName.RESPOND, working, reportedAt, limits.respond(), unit);
		add(clocks, ClockName.ARRIVE, working, reportedAt, limits.arrive(), unit);
		add(clocks, ClockName.COMPLETE, working, reportedAt, limits.complete(), unit);
		return clocks;
	}

	private static void add(List<Planned> clocks, ClockName name, boolean working, Instant start, String limit,
			Duration day) {
		if (limit != null) {
			clocks.add(new Planned(name, working, start, ClockDuration.parse(limit, day)));
		}
	}

}

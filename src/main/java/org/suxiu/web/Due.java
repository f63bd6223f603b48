package org.suxiu.web;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.suxiu.workorder.Status;
import org.suxiu.workorder.WorkOrderView;
import org.suxiu.workorder.WorkOrderView.ClockView;

/**
 * The promise an open order must keep next: the nearest deadline among the clocks its
 * status has not yet met (respond until taken, arrive until on site, complete until
 * done).
 *
 * @param order the order
 * @param clock respond, arrive or complete; {@code null} if nothing is due
 * @param deadline when, or {@code null}
 * @param usedShare how much of that clock's time has gone, 0..1 and beyond when late
 */
record Due(WorkOrderView order, String clock, OffsetDateTime deadline, double usedShare) {

	/** Half the time gone: the SLA engine's first warning. */
	static final double AT_RISK = 0.5;

	static Due of(WorkOrderView order, Instant now) {
		Map<String, ClockView> clocks = order.sla() == null ? Map.of() : order.sla();
		Optional<Map.Entry<String, ClockView>> next = clocks.entrySet()
			.stream()
			.filter(e -> open(order.status(), e.getKey()) && e.getValue().deadline() != null)
			.filter(e -> !"PAUSED".equals(e.getValue().state()) && !"CANCELLED".equals(e.getValue().state()))
			.min(Comparator.comparing(e -> e.getValue().deadline()));
		if (next.isEmpty()) {
			return new Due(order, null, null, 0);
		}
		ClockView clock = next.get().getValue();
		long left = Duration.between(now, clock.deadline().toInstant()).toMinutes();
		double total = Math.max(1, clock.elapsedMinutes() + left);
		return new Due(order, next.get().getKey(), clock.deadline(), clock.elapsedMinutes() / total);
	}

	/** Sorted by time left, the most pressing first; orders with nothing due last. */
	static List<Due> byTimeLeft(List<WorkOrderView> orders, Instant now) {
		return orders.stream()
			.map(o -> of(o, now))
			.sorted(Comparator.comparing(Due::deadline, Comparator.nullsLast(Comparator.naturalOrder())))
			.toList();
	}

	/**
	 * Whether the deadline has passed; judged on the instant, not on the share of time
	 * used, which rounds to whole minutes.
	 */
	boolean lateAt(Instant now) {
		return deadline != null && deadline.toInstant().isBefore(now);
	}

	boolean atRisk() {
		return deadline != null && usedShare >= AT_RISK;
	}

	private static boolean open(Status status, String clock) {
		return switch (clock) {
			case "respond" -> status == Status.NEW || status == Status.DISPATCHED;
			case "arrive" -> status == Status.NEW || status == Status.DISPATCHED || status == Status.TAKEN;
			case "complete" -> status == Status.NEW || status == Status.DISPATCHED || status == Status.TAKEN
					|| status == Status.ARRIVED || status == Status.IN_PROGRESS || status == Status.ON_HOLD;
			default -> false;
		};
	}

}

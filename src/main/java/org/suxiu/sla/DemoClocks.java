package org.suxiu.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.suxiu.workorder.DemoHistoryRecorded;
import org.suxiu.workorder.PastOrder;
import org.suxiu.workorder.WorkOrders;

/**
 * Gives the demo history the clocks it would have had: planned by today's policy from the
 * report, met when the order was taken, reached and completed, late where it was late. No
 * timers: the past does not warn or escalate.
 */
@Component
class DemoClocks {

	private final ClockStore store;

	private final SlaPolicies policies;

	private final WorkOrders orders;

	DemoClocks(ClockStore store, SlaPolicies policies, WorkOrders orders) {
		this.store = store;
		this.policies = policies;
		this.orders = orders;
	}

	@EventListener
	@Transactional
	void on(DemoHistoryRecorded event) {
		SlaPolicy policy = policies.policy(event.projectId());
		WorkingCalendar calendar = policies.calendar(event.projectId(), policy);
		for (PastOrder past : orders.reportedBetween(event.projectId(), event.from(), event.to())) {
			List<ClockStore.StoredClock> clocks = new ArrayList<>();
			for (ClockPlan.Planned planned : ClockPlan.plan(policy, calendar, past.grade(), past.reportedAt(),
					past.appointmentFrom(), past.appointmentTo())) {
				clocks.add(clock(past, event, planned, planned.due(1.0, Duration.ZERO, calendar)));
			}
			store.upsertAll(clocks);
		}
	}

	static ClockStore.StoredClock clock(PastOrder past, DemoHistoryRecorded event, ClockPlan.Planned planned,
			Instant deadline) {
		Instant met = switch (planned.name()) {
			case RESPOND -> past.takenAt();
			case ARRIVE -> past.arrivedAt();
			case COMPLETE -> past.completedAt();
		};
		boolean late = met == null ? deadline.isBefore(event.to()) : met.isAfter(deadline);
		String state = late ? "BREACHED" : met == null ? "RUNNING" : "MET";
		return new ClockStore.StoredClock(past.number(), planned.name(), event.tenantId(), event.projectId(),
				past.grade(), planned.working(), planned.start(), planned.limit(), Duration.ZERO, null, deadline, met,
				late ? deadline : null, state);
	}

}

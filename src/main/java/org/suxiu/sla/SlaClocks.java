package org.suxiu.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.suxiu.shared.Grade;
import org.suxiu.workorder.OrderFacts;
import org.suxiu.workorder.Status;
import org.suxiu.workorder.TechnicianArrived;
import org.suxiu.workorder.WorkCompleted;
import org.suxiu.workorder.WorkOrderCancelled;
import org.suxiu.workorder.WorkOrderClosed;
import org.suxiu.workorder.WorkOrderCreated;
import org.suxiu.workorder.WorkOrderDeclined;
import org.suxiu.workorder.WorkOrderDispatched;
import org.suxiu.workorder.WorkOrderHeld;
import org.suxiu.workorder.WorkOrderRegraded;
import org.suxiu.workorder.WorkOrderRescheduled;
import org.suxiu.workorder.WorkOrderResumed;
import org.suxiu.workorder.WorkOrderTaken;
import org.suxiu.workorder.WorkOrders;

/**
 * Puts the clocks of its grade on every order and moves them as the order moves: met at
 * each milestone, paused while waiting for the owner, replanned on a regrade. Runs inside
 * the transaction of the change, so a deadline is never missing from an acknowledged
 * order; the order reads its deadlines back through {@link OrderClockReader}, nothing is
 * written into the order.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
class SlaClocks {

	/**
	 * A hold with this reason (等业主) stops the completion clock; waiting for parts does
	 * not.
	 */
	static final String WAITING_OWNER = "WAITING_OWNER";

	private final ClockStore store;

	private final SlaPolicies policies;

	private final WorkOrders orders;

	SlaClocks(ClockStore store, SlaPolicies policies, WorkOrders orders) {
		this.store = store;
		this.policies = policies;
		this.orders = orders;
	}

	@EventListener
	void on(WorkOrderCreated event) {
		OrderFacts order = new OrderFacts(event.number(), event.tenantId(), event.projectId(), event.grade(),
				Status.NEW, event.reportedAt(), event.at(), event.appointmentFrom(), event.appointmentTo(), null,
				event.category(), null, null, null, null, null, null, null, null, null, null);
		// a fresh order: its policy and calendar in one read, its clocks and timers in
		// one
		// write
		SlaPolicies.Rules rules = policies.rules(order.projectId());
		SlaPolicy policy = rules.policy();
		List<ClockStore.Timer> timers = new ArrayList<>();
		List<ClockStore.StoredClock> clocks = new ArrayList<>();
		for (ClockPlan.Planned clock : ClockPlan.plan(policy, rules.calendar(), order.grade(), order.reportedAt(),
				order.appointmentFrom(), order.appointmentTo())) {
			clocks.add(new ClockStore.StoredClock(order.number(), clock.name(), order.tenantId(), order.projectId(),
					order.grade(), clock.working(), clock.start(), clock.limit(), Duration.ZERO, null,
					clock.due(1.0, Duration.ZERO, rules.calendar()), null, null, "RUNNING"));
			timers.addAll(timers(order, clock, Duration.ZERO, rules.calendar(), policy, false, Set.of()));
		}
		if (order.grade() == Grade.L1) {
			timers.add(new ClockStore.Timer(order.number(), null, TimerKind.AUTO_DISPATCH, null, null,
					order.createdAt().plus(policy.autoDispatchDelay())));
		}
		store.startFresh(order.number(), clocks, timers);
	}

	@EventListener
	void on(WorkOrderRegraded event) {
		OrderFacts order = orders.facts(event.number()).orElseThrow();
		SlaPolicy policy = policies.policy(order.projectId());
		plan(order, policy, false);
		store.cancelPending(order.number(), TimerKind.AUTO_DISPATCH);
		if (order.grade() == Grade.L1 && order.status() == Status.NEW) {
			store.scheduleAll(List.of(new ClockStore.Timer(order.number(), null, TimerKind.AUTO_DISPATCH, null, null,
					order.createdAt().plus(policy.autoDispatchDelay()))));
		}
	}

	/**
	 * A new window moves the promises of appointment grades; other grades keep theirs.
	 */
	@EventListener
	void on(WorkOrderRescheduled event) {
		OrderFacts order = orders.facts(event.number()).orElseThrow();
		SlaPolicy policy = policies.policy(order.projectId());
		if (policy.limits(order.grade()).clock() == ClockMode.APPOINTMENT) {
			plan(order, policy, false);
		}
	}

	@EventListener
	void on(WorkOrderDispatched event) {
		store.cancelPending(event.number(), TimerKind.AUTO_DISPATCH);
	}

	@EventListener
	void on(WorkOrderDeclined event) {
		OrderFacts order = orders.facts(event.number()).orElseThrow();
		if (order.grade() == Grade.L1) {
			SlaPolicy policy = policies.policy(order.projectId());
			store.scheduleAll(List.of(new ClockStore.Timer(order.number(), null, TimerKind.AUTO_DISPATCH, null, null,
					event.at().plus(policy.autoDispatchDelay()))));
		}
	}

	@EventListener
	void on(WorkOrderTaken event) {
		meet(event.number(), ClockName.RESPOND, event.at());
	}

	@EventListener
	void on(TechnicianArrived event) {
		meet(event.number(), ClockName.ARRIVE, event.at());
	}

	@EventListener
	void on(WorkCompleted event) {
		meet(event.number(), ClockName.COMPLETE, event.at());
	}

	@EventListener
	void on(WorkOrderHeld event) {
		if (event.reason() == null || !event.reason().startsWith(WAITING_OWNER)) {
			return;
		}
		store.clock(event.number(), ClockName.COMPLETE).filter(c -> c.state().equals("RUNNING")).ifPresent(c -> {
			store.upsert(withState(c, c.deadline(), c.paused(), event.at(), "PAUSED"));
			store.cancelPending(event.number(), ClockName.COMPLETE);
		});
	}

	@EventListener
	void on(WorkOrderResumed event) {
		store.clock(event.number(), ClockName.COMPLETE).filter(c -> c.state().equals("PAUSED")).ifPresent(c -> {
			OrderFacts order = orders.facts(event.number()).orElseThrow();
			WorkingCalendar calendar = calendarFor(order.projectId());
			Duration pause = c.working() ? calendar.between(c.pausedAt(), event.at())
					: Duration.between(c.pausedAt(), event.at());
			Duration paused = c.paused().plus(pause);
			store.upsert(withState(c, c.planned().due(1.0, paused, calendar), paused, null, "RUNNING"));
			store.scheduleAll(timers(order, c.planned(), paused, calendar, policies.policy(order.projectId()), false,
					store.firedKeys(order.number())));
		});
	}

	@EventListener
	void on(WorkOrderCancelled event) {
		stop(event.number());
	}

	@EventListener
	void on(WorkOrderClosed event) {
		stop(event.number());
	}

	/**
	 * (Re)plans every clock not yet met, keeping breaches already recorded, and schedules
	 * their timers. A fresh order has nothing to look up, so planning it costs two
	 * statements.
	 */
	private List<ClockStore.StoredClock> plan(OrderFacts order, SlaPolicy policy, boolean fresh) {
		WorkingCalendar calendar = policies.calendar(order.projectId(), policy);
		List<ClockPlan.Planned> planned = ClockPlan.plan(policy, calendar, order.grade(), order.reportedAt(),
				order.appointmentFrom(), order.appointmentTo());
		Map<ClockName, ClockStore.StoredClock> existing = new EnumMap<>(ClockName.class);
		Set<String> fired = Set.of();
		List<ClockStore.StoredClock> clocks = new ArrayList<>();
		if (!fresh) {
			store.clocks(order.number()).forEach(c -> existing.put(c.name(), c));
			fired = store.firedKeys(order.number());
			store.cancelPendingClockTimers(order.number());
			for (ClockStore.StoredClock old : existing.values()) {
				boolean stillPromised = planned.stream().anyMatch(p -> p.name() == old.name());
				if (old.metAt() == null && !stillPromised) {
					clocks.add(withState(old, old.deadline(), old.paused(), null, "CANCELLED"));
				}
			}
		}
		List<ClockStore.Timer> timers = new ArrayList<>();
		for (ClockPlan.Planned clock : planned) {
			ClockStore.StoredClock old = existing.get(clock.name());
			if (old != null && old.metAt() != null) {
				continue;
			}
			Duration paused = old == null ? Duration.ZERO : old.paused();
			Instant breachedAt = old == null ? null : old.breachedAt();
			clocks.add(new ClockStore.StoredClock(order.number(), clock.name(), order.tenantId(), order.projectId(),
					order.grade(), clock.working(), clock.start(), clock.limit(), paused, null,
					clock.due(1.0, paused, calendar), null, breachedAt, breachedAt == null ? "RUNNING" : "BREACHED"));
			timers.addAll(timers(order, clock, paused, calendar, policy, breachedAt != null, fired));
		}
		store.upsertAll(clocks);
		store.scheduleAll(timers);
		return clocks;
	}

	private static List<ClockStore.Timer> timers(OrderFacts order, ClockPlan.Planned clock, Duration paused,
			WorkingCalendar calendar, SlaPolicy policy, boolean alreadyBreached, Set<String> fired) {
		String number = order.number();
		List<ClockStore.Timer> timers = new ArrayList<>();
		if (!alreadyBreached) {
			for (double fraction : policy.warnAt()) {
				ClockStore.Timer warning = new ClockStore.Timer(number, clock.name(), TimerKind.WARNING, fraction, null,
						clock.due(fraction, paused, calendar));
				if (!fired.contains(warning.key())) {
					timers.add(warning);
				}
			}
			timers.add(new ClockStore.Timer(number, clock.name(), TimerKind.BREACH, 1.0, null,
					clock.due(1.0, paused, calendar)));
		}
		Instant deadline = clock.due(1.0, paused, calendar);
		for (SlaPolicy.EscalationStep step : policy.escalation().getOrDefault(order.grade(), List.of())) {
			ClockStore.Timer escalation = new ClockStore.Timer(number, clock.name(), TimerKind.ESCALATION, null,
					step.role().name(), deadline.plus(Duration.parse(step.after())));
			if (step.clock() == clock.name() && !fired.contains(escalation.key())) {
				timers.add(escalation);
			}
		}
		return timers;
	}

	private void meet(String number, ClockName name, Instant at) {
		store.clock(number, name).filter(c -> c.metAt() == null).ifPresent(c -> {
			store.upsert(new ClockStore.StoredClock(c.number(), c.name(), c.tenantId(), c.projectId(), c.grade(),
					c.working(), c.start(), c.limit(), c.paused(), null, c.deadline(), at, c.breachedAt(),
					at.isAfter(c.deadline()) ? "BREACHED" : "MET"));
			store.cancelPending(number, name);
		});
	}

	private void stop(String number) {
		store.cancelPending(number, (ClockName) null);
		for (ClockStore.StoredClock c : store.clocks(number)) {
			if (c.metAt() == null && c.breachedAt() == null) {
				store.upsert(withState(c, c.deadline(), c.paused(), null, "CANCELLED"));
			}
		}
	}

	private WorkingCalendar calendarFor(long projectId) {
		return policies.calendar(projectId, policies.policy(projectId));
	}

	private static ClockStore.StoredClock withState(ClockStore.StoredClock c, Instant deadline, Duration paused,
			Instant pausedAt, String state) {
		return new ClockStore.StoredClock(c.number(), c.name(), c.tenantId(), c.projectId(), c.grade(), c.working(),
				c.start(), c.limit(), paused, pausedAt, deadline, c.metAt(), c.breachedAt(), state);
	}

}

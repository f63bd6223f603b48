package org.suxiu.dispatch.dayplan;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.suxiu.dispatch.dayplan.DayPlanStore.Plan;
import org.suxiu.dispatch.dayplan.DayPlanStore.Visit;
import org.suxiu.shared.Actor;
import org.suxiu.shared.DomainException;
import org.suxiu.shared.SuxiuProperties;
import org.suxiu.workorder.OrderFacts;
import org.suxiu.workorder.WorkOrders;

/**
 * Applies a proposed day plan: each proposed NEW order is dispatched to its technician
 * through the ordinary dispatch (same checks, history, events and open-jobs limit), each
 * in its own transaction. An order that changed since the plan, or that the dispatch
 * refuses, is skipped and the reason recorded. A plan is applied once: the first call
 * claims it, any later one answers 409.
 */
@Component
public class DayPlanApplier {

	private final DayPlanStore store;

	private final WorkOrders orders;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final ZoneId zone;

	DayPlanApplier(DayPlanStore store, WorkOrders orders, TransactionTemplate transactions, Clock clock,
			SuxiuProperties properties) {
		this.store = store;
		this.orders = orders;
		this.transactions = transactions;
		this.clock = clock;
		this.zone = properties.zone();
	}

	public void apply(Actor actor, Plan plan) {
		Boolean claimed = transactions.execute(status -> store.claim(plan.id(), actor.username(), clock.instant()));
		if (!Boolean.TRUE.equals(claimed)) {
			Plan now = store.find(plan.id()).orElse(plan);
			throw new AlreadyApplied(plan.id(), now.appliedBy());
		}
		for (Visit visit : plan.visits()) {
			if (visit.pinned() || visit.technicianId() == null || visit.seen() == null) {
				continue;
			}
			String stale = changeSince(visit.seen(), orders.facts(visit.number()).orElse(null));
			if (stale != null) {
				transactions.executeWithoutResult(status -> store.outcome(plan.id(), visit.number(), "SKIPPED", stale));
				continue;
			}
			try {
				transactions.executeWithoutResult(status -> {
					orders.dispatchAsSeen(actor, visit.seen(), visit.technicianId(), note(plan, visit));
					store.outcome(plan.id(), visit.number(), "DISPATCHED", null);
				});
			}
			catch (DomainException refused) {
				transactions.executeWithoutResult(status -> store.outcome(plan.id(), visit.number(), "SKIPPED",
						refused.type() + ": " + refused.getMessage()));
			}
			catch (RuntimeException failed) {
				// one order's failure must not leave the plan half-applied and
				// unclaimable
				transactions.executeWithoutResult(
						status -> store.outcome(plan.id(), visit.number(), "SKIPPED", "error: " + failed));
			}
		}
		transactions.executeWithoutResult(status -> store.applied(plan.id()));
	}

	private String note(Plan plan, Visit visit) {
		return "日计划 day plan #" + plan.id() + ", 预计到场 planned arrival "
				+ DateTimeFormatter.ofPattern("HH:mm").format(visit.plannedStart().atZone(zone));
	}

	/** Why the order is no longer as planned, or null if it is. */
	static String changeSince(OrderFacts seen, OrderFacts now) {
		if (now == null) {
			return "工单不存在 the order no longer exists";
		}
		if (now.equals(seen)) {
			return null;
		}
		if (now.status() != seen.status()) {
			return "状态已变 status " + seen.status() + " → " + now.status()
					+ Optional.ofNullable(now.assigneeId()).map(id -> " (technician " + id + ")").orElse("");
		}
		if (now.grade() != seen.grade()) {
			return "已改级 regraded " + seen.grade() + " → " + now.grade();
		}
		if (!Objects.equals(now.appointmentFrom(), seen.appointmentFrom())
				|| !Objects.equals(now.appointmentTo(), seen.appointmentTo())) {
			return "预约已改 the appointment was rescheduled";
		}
		if (!Objects.equals(now.arriveBy(), seen.arriveBy())) {
			return "时限已变 the promised arrival changed";
		}
		return "工单已变更 the order changed since the plan";
	}

	/** The plan was applied already (or is being applied). */
	static final class AlreadyApplied extends DomainException {

		AlreadyApplied(long id, String by) {
			super("day-plan-applied", HttpStatus.CONFLICT, "Day plan already applied",
					"日计划已应用 day plan " + id + " was already applied" + (by == null ? "" : " by " + by));
		}

	}

}

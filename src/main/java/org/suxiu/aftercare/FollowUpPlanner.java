package org.suxiu.aftercare;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.suxiu.charge.Payments;
import org.suxiu.property.Project;
import org.suxiu.property.PropertyDirectory;
import org.suxiu.workorder.OrderFacts;
import org.suxiu.workorder.WorkAccepted;
import org.suxiu.workorder.WorkOrderAutoAccepted;
import org.suxiu.workorder.WorkOrderClosed;
import org.suxiu.workorder.WorkOrderReopened;
import org.suxiu.workorder.WorkOrders;

/**
 * Decides each accepted order's follow-up by its project's rules once the acceptance
 * committed, and keeps the row in step when the order is closed by the follow-up action
 * of the work-order API itself or reopened. Each handler is idempotent: a second run
 * finds the row and writes nothing.
 */
@Component
class FollowUpPlanner {

	private final FollowUpRows rows;

	private final AftercareRulebook rulebook;

	private final WorkOrders orders;

	private final Payments payments;

	private final PropertyDirectory property;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	FollowUpPlanner(FollowUpRows rows, AftercareRulebook rulebook, WorkOrders orders, Payments payments,
			PropertyDirectory property, ApplicationEventPublisher events, Clock clock) {
		this.rows = rows;
		this.rulebook = rulebook;
		this.orders = orders;
		this.payments = payments;
		this.property = property;
		this.events = events;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(WorkAccepted event) {
		plan(event.number(), event.rating(), event.at());
	}

	@ApplicationModuleListener
	void on(WorkOrderAutoAccepted event) {
		plan(event.number(), null, event.at());
	}

	/**
	 * The follow-up action of the work-order API closed the order (or this module's own
	 * call did, and the row says so already).
	 */
	@ApplicationModuleListener
	void on(WorkOrderClosed event) {
		FollowUpOutcome outcome = event.satisfied() ? FollowUpOutcome.SATISFIED : FollowUpOutcome.UNSATISFIED;
		if (rows.find(event.number()).isEmpty()) {
			plan(event.number(), null, event.at());
		}
		if (rows.finishIfOpen(event.number(), FollowUpStatus.DONE, outcome, null, event.at())) {
			rows.find(event.number())
				.ifPresent(row -> events
					.publishEvent(recorded(row, outcome, null, row.attempts() + 1, true, null, event.at())));
		}
	}

	@ApplicationModuleListener
	void on(WorkOrderReopened event) {
		rows.finishIfOpen(event.number(), FollowUpStatus.REOPENED, null, null, event.at());
	}

	/**
	 * Stores the order's follow-up: a call due within the project's days for the first
	 * reason that applies, or none and the order closes by itself.
	 * @return the row, new or as stored before
	 */
	Optional<FollowUpRows.Row> plan(String number, Integer rating, Instant acceptedAt) {
		Optional<OrderFacts> found = orders.facts(number);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		OrderFacts order = found.get();
		AftercareRules rules = rulebook.rules(order.projectId());
		boolean charged = payments.owedFen(number) > 0;
		Optional<CallReason> reason = CallSelection.reason(rules, number, order.grade(), rating, charged);
		Instant due = reason.isPresent() ? acceptedAt.plus(Duration.ofDays(rules.dueDays()))
				: acceptedAt.plus(Duration.ofHours(rules.closeAfterHours()));
		String code = property.projectsOf(order.tenantId())
			.stream()
			.filter(p -> p.id() == order.projectId())
			.map(Project::code)
			.findFirst()
			.orElse("");
		FollowUpRows.Row row = new FollowUpRows.Row(number, order.tenantId(), order.projectId(), code, order.place(),
				order.grade(), order.category(), order.assigneeId(), order.assigneeName(), order.reporterName(),
				order.reporterPhone(), rating, acceptedAt, reason.orElse(null),
				reason.isPresent() ? FollowUpStatus.DUE : FollowUpStatus.NO_CALL, due, 0, null, null, null, null, null,
				null, 0);
		if (rows.insert(row)) {
			events.publishEvent(new FollowUpPlanned(number, order.tenantId(), order.projectId(), order.grade(),
					order.category(), order.assigneeId(), reason.orElse(null), acceptedAt, due, clock.instant()));
		}
		return rows.find(number);
	}

	static FollowUpRecorded recorded(FollowUpRows.Row row, FollowUpOutcome outcome, String reason, int attempt,
			boolean closed, String by, Instant at) {
		return new FollowUpRecorded(row.number(), row.tenantId(), row.projectId(), row.grade(), row.category(),
				row.technicianId(), outcome, reason, attempt, closed, row.acceptedAt(), row.dueAt(), by, at);
	}

}

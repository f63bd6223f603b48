package org.suxiu.notification;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.suxiu.shared.Role;
import org.suxiu.sla.ClockName;
import org.suxiu.sla.SlaBreached;
import org.suxiu.sla.SlaEscalated;
import org.suxiu.sla.SlaWarningRaised;
import org.suxiu.workorder.OrderFacts;
import org.suxiu.workorder.Status;
import org.suxiu.workorder.WorkOrders;

/**
 * Brings the SLA engine's warnings and breaches to the project's supervisors, an
 * escalation to the people it names, and an apology to the owner when the technician will
 * be late (R7). Runs after the SLA timer's transaction committed, from its event
 * publication, like {@link OrderNotices}.
 */
@Component
class SlaNotices {

	private final WorkOrders orders;

	private final Recipients recipients;

	private final Outbox outbox;

	SlaNotices(WorkOrders orders, Recipients recipients, Outbox outbox) {
		this.orders = orders;
		this.recipients = recipients;
		this.outbox = outbox;
	}

	@ApplicationModuleListener
	void on(SlaWarningRaised event) {
		orders.facts(event.number()).ifPresent(order -> {
			String key = "SlaWarningRaised:" + event.number() + ":" + event.clock().key() + ":" + event.fraction() + ":"
					+ event.at();
			for (Recipient supervisor : recipients.staffOf(order.tenantId(), order.projectId(), Role.SUPERVISOR)) {
				outbox.record(notice(key, Kind.SUPERVISOR_SLA_WARNING, supervisor, order, event.clock(),
						event.deadline(), Map.of("percent", Math.round(event.fraction() * 100))));
			}
		});
	}

	@ApplicationModuleListener
	void on(SlaBreached event) {
		orders.facts(event.number()).ifPresent(order -> {
			String key = "SlaBreached:" + event.number() + ":" + event.clock().key() + ":" + event.at();
			for (Recipient supervisor : recipients.staffOf(order.tenantId(), order.projectId(), Role.SUPERVISOR)) {
				outbox.record(notice(key, Kind.SUPERVISOR_SLA_BREACH, supervisor, order, event.clock(),
						event.deadline(), Map.of()));
			}
			boolean onTheWay = order.status() == Status.DISPATCHED || order.status() == Status.TAKEN;
			if (event.clock() == ClockName.ARRIVE && onTheWay) {
				Recipient owner = recipients.reporter(order);
				outbox.record(new Notice(key, Kind.OWNER_LATE_APOLOGY, owner, Map.of("number", order.number()),
						order.tenantId(), order.number(), OrderNotices.isUrgent(order), !OrderNotices.isUrgent(order),
						order.grade()));
			}
		});
	}

	/**
	 * The breach notice went to supervisors already; escalations above them get their
	 * own.
	 */
	@ApplicationModuleListener
	void on(SlaEscalated event) {
		if (event.role() == Role.SUPERVISOR) {
			return;
		}
		orders.facts(event.number()).ifPresent(order -> {
			String key = "SlaEscalated:" + event.number() + ":" + event.clock().key() + ":" + event.role() + ":"
					+ event.at();
			for (String username : event.recipients()) {
				recipients.staff(order.tenantId(), username)
					.ifPresent(person -> outbox
						.record(notice(key, Kind.STAFF_ESCALATED, person, order, event.clock(), null, Map.of())));
			}
		});
	}

	private static Notice notice(String key, Kind kind, Recipient recipient, OrderFacts order, ClockName clock,
			Instant deadline, Map<String, ?> extra) {
		Map<String, Object> params = new LinkedHashMap<>(extra);
		params.put("number", order.number());
		params.put("grade", OrderNotices.grade(order.grade()));
		params.put("clock", new Templates.Label("clock." + clock.key()));
		params.put("due", deadline);
		params.put("place", order.place());
		return new Notice(key, kind, recipient, params, order.tenantId(), order.number(), OrderNotices.isUrgent(order),
				false, order.grade());
	}

}

package org.suxiu.live;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.suxiu.shared.PhoneNumber;
import org.suxiu.shared.SuxiuProperties;
import org.suxiu.sla.SlaBreached;
import org.suxiu.sla.SlaEscalated;
import org.suxiu.sla.SlaWarningRaised;
import org.suxiu.workorder.OrderFacts;
import org.suxiu.workorder.WorkOrderDispatched;
import org.suxiu.workorder.WorkOrderEvent;
import org.suxiu.workorder.WorkOrderRescheduled;
import org.suxiu.workorder.WorkOrders;

/**
 * Puts what happens to orders on the live feed, in the transaction of the change, just
 * before it commits (so the order is read as the transaction leaves it): one row for the
 * project's staff, one for the reporting owner and one for the technician, as the event
 * concerns them.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class OrderFeed {

	private final LiveFeed feed;

	private final WorkOrders orders;

	private final ZoneId zone;

	OrderFeed(LiveFeed feed, WorkOrders orders, SuxiuProperties properties) {
		this.feed = feed;
		this.orders = orders;
		this.zone = properties.zone();
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void on(WorkOrderEvent event) {
		OrderNews news = OrderNews.of(event);
		OrderFacts order = news == null ? null : orders.facts(event.number()).orElse(null);
		if (order == null) {
			return;
		}
		Map<String, Object> fields = describe(order);
		fields.putAll(news.fields());
		if (event instanceof WorkOrderRescheduled rescheduled) {
			fields.put("appointment", entries("from", time(rescheduled.from()), "to", time(rescheduled.to())));
		}
		Long technician = news.technicianId() != null ? news.technicianId()
				: order.assignee() == null ? null : order.assignee().id();
		publish(order, news.type(), event.at(), fields, news.toOwner(), news.toTechnician() ? technician : null);
		if (event instanceof WorkOrderDispatched dispatched && dispatched.previousTechnicianId() != null
				&& dispatched.previousTechnicianId() != dispatched.technicianId()) {
			// the job went to someone else: its former technician takes it off their list
			feed.appendAll(
					List.of(new LiveFeed.FeedEntry(Recipient.staff(order.tenantId(), dispatched.previousTechnicianId()),
							"unassigned", order.number(), event.at(), maskedTechnician(fields))));
		}
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void on(SlaWarningRaised event) {
		sla(event.number(), "sla-warning", event.at(), true, entries("clock", event.clock().key(), "fraction",
				event.fraction(), "deadline", time(event.deadline())));
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void on(SlaBreached event) {
		sla(event.number(), "sla-breach", event.at(), true,
				entries("clock", event.clock().key(), "deadline", time(event.deadline())));
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void on(SlaEscalated event) {
		sla(event.number(), "escalated", event.at(), false,
				entries("clock", event.clock().key(), "role", event.role().name()));
	}

	/** SLA news is for staff: the project's and the technician's, never the owner's. */
	private void sla(String number, String type, Instant at, boolean toTechnician, Map<String, Object> own) {
		orders.facts(number).ifPresent(order -> {
			Map<String, Object> fields = describe(order);
			fields.putAll(own);
			Long technician = toTechnician && order.assignee() != null ? order.assignee().id() : null;
			publish(order, type, at, fields, false, technician);
		});
	}

	private void publish(OrderFacts order, String type, Instant at, Map<String, Object> fields, boolean toOwner,
			Long technicianId) {
		List<LiveFeed.FeedEntry> entries = new ArrayList<>();
		entries.add(new LiveFeed.FeedEntry(Recipient.project(order.tenantId(), order.projectId()), type, order.number(),
				at, fields));
		if (toOwner && order.reporterOwnerId() != null) {
			entries.add(new LiveFeed.FeedEntry(Recipient.owner(order.reporterOwnerId()), type, order.number(), at,
					maskedTechnician(fields)));
		}
		if (technicianId != null) {
			entries.add(new LiveFeed.FeedEntry(Recipient.staff(order.tenantId(), technicianId), type, order.number(),
					at, fields));
		}
		feed.appendAll(entries);
	}

	/** What every event says of the order: where it stands and who works on it. */
	private Map<String, Object> describe(OrderFacts order) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("status", order.status().name());
		fields.put("grade", order.grade().name());
		fields.put("category", order.category().name());
		if (order.assignee() != null) {
			Map<String, Object> technician = new LinkedHashMap<>();
			technician.put("id", order.assignee().id());
			technician.put("name", order.assignee().name());
			technician.put("phone", order.assignee().phone());
			fields.put("technician", technician);
		}
		if (order.arriveBy() != null) {
			fields.put("arriveBy", time(order.arriveBy()));
		}
		return fields;
	}

	/**
	 * Owners see the technician's number masked, as in the order API; the technician's
	 * own row keeps it.
	 */
	@SuppressWarnings("unchecked")
	private static Map<String, Object> maskedTechnician(Map<String, Object> fields) {
		if (!(fields.get("technician") instanceof Map<?, ?> technician)) {
			return fields;
		}
		Map<String, Object> masked = new LinkedHashMap<>((Map<String, Object>) technician);
		masked.put("phone", PhoneNumber.mask((String) masked.get("phone")));
		Map<String, Object> copy = new LinkedHashMap<>(fields);
		copy.put("technician", masked);
		return copy;
	}

	/** Name-value pairs in order, leaving out absent values. */
	private static Map<String, Object> entries(Object... pairs) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i + 1 < pairs.length; i += 2) {
			if (pairs[i + 1] != null) {
				map.put((String) pairs[i], pairs[i + 1]);
			}
		}
		return map;
	}

	private String time(Instant instant) {
		return instant == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone));
	}

}

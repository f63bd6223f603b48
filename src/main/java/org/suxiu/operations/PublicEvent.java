package org.suxiu.operations;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.suxiu.sla.SlaBreached;
import org.suxiu.workorder.WorkCompleted;
import org.suxiu.workorder.WorkOrderClosed;
import org.suxiu.workorder.WorkOrderCreated;
import org.suxiu.workorder.WorkOrderDispatched;

/**
 * One event as the data warehouse and billing read it on Kafka (schemas in
 * {@code docs/events}): an envelope that stays the same when the modules' own event
 * records change. The {@code eventId} is derived from the event itself, so a publication
 * sent again after a broker outage carries the same id and a consumer drops the copy.
 *
 * @param eventId stable id to de-duplicate on
 * @param type {@code order.created}, {@code order.dispatched}, {@code order.completed},
 * {@code order.closed} or {@code sla.breached}
 * @param orderNumber the order (also the record key)
 * @param tenantId the property company
 * @param occurredAt when it happened
 * @param data what is particular to the type
 */
public record PublicEvent(String eventId, String type, String orderNumber, long tenantId, Instant occurredAt,
		Object data) {

	static final int SCHEMA_VERSION = 1;

	/** The message for one of the public events (or the message itself). */
	static PublicEvent from(Object event) {
		if (event instanceof PublicEvent message) {
			return message;
		}
		if (event instanceof WorkOrderCreated created) {
			return of(created);
		}
		if (event instanceof WorkOrderDispatched dispatched) {
			return of(dispatched);
		}
		if (event instanceof WorkCompleted completed) {
			return of(completed);
		}
		if (event instanceof WorkOrderClosed closed) {
			return of(closed);
		}
		if (event instanceof SlaBreached breached) {
			return of(breached);
		}
		throw new IllegalArgumentException("not a public event: " + event.getClass().getName());
	}

	static PublicEvent of(WorkOrderCreated event) {
		return of("order.created", event.number(), event.tenantId(), event.at(), "",
				new Created(event.projectId(), event.grade().name(), event.category().name(), event.channel().name(),
						event.reportedAt(), event.reworkOf(), event.appointmentFrom(), event.appointmentTo()));
	}

	static PublicEvent of(WorkOrderDispatched event) {
		return of("order.dispatched", event.number(), event.tenantId(), event.at(), Long.toString(event.technicianId()),
				new Dispatched(event.projectId(), event.grade().name(), event.category().name(), event.technicianId(),
						event.previousTechnicianId()));
	}

	static PublicEvent of(WorkCompleted event) {
		return of("order.completed", event.number(), event.tenantId(), event.at(), "",
				new Completed(event.technicianId()));
	}

	static PublicEvent of(WorkOrderClosed event) {
		return of("order.closed", event.number(), event.tenantId(), event.at(), "", new Closed(event.satisfied()));
	}

	static PublicEvent of(SlaBreached event) {
		return of("sla.breached", event.number(), event.tenantId(), event.at(), event.clock().key(),
				new Breached(event.projectId(), event.clock().key(), event.deadline()));
	}

	private static PublicEvent of(String type, String number, long tenantId, Instant at, String discriminator,
			Object data) {
		String identity = String.join("|", type, number, at.toString(), discriminator);
		return new PublicEvent(UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8)).toString(), type,
				number, tenantId, at, data);
	}

	/** {@code order.created}: grade L1..L4, category and channel as in the API. */
	record Created(long projectId, String grade, String category, String channel, Instant reportedAt, String reworkOf,
			Instant appointmentFrom, Instant appointmentTo) {
	}

	/** {@code order.dispatched}: to whom, and from whom on a re-dispatch. */
	record Dispatched(long projectId, String grade, String category, long technicianId, Long previousTechnicianId) {
	}

	/** {@code order.completed}: the technician finished the repair. */
	record Completed(long technicianId) {
	}

	/** {@code order.closed}: the follow-up call closed the order. */
	record Closed(boolean satisfied) {
	}

	/** {@code sla.breached}: which promise (respond, arrive, complete) was broken. */
	record Breached(long projectId, String clock, Instant deadline) {
	}

}

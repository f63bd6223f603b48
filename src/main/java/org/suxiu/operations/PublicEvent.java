package org.suxiu.operations;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

import org.suxiu.asset.AlarmRaised;
import org.suxiu.charge.PaymentRecorded;
import org.suxiu.charge.QuoteApproved;
import org.suxiu.charge.QuoteRefused;
import org.suxiu.complaint.ComplaintClosed;
import org.suxiu.complaint.ComplaintEscalated;
import org.suxiu.complaint.ComplaintOpened;
import org.suxiu.maintenance.PlanWorkGenerated;
import org.suxiu.shared.PhoneNumber;
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
 * {@code order.closed}, {@code sla.breached}, {@code quote.approved},
 * {@code quote.refused}, {@code payment.recorded} (not the proposed quote: its consent
 * link is the owner's one-time secret), {@code complaint.opened},
 * {@code complaint.escalated}, {@code complaint.closed}, {@code alarm.raised} or
 * {@code plan-work.generated}
 * @param orderNumber the order (also the record key)
 * @param tenantId the property company
 * @param occurredAt when it happened
 * @param data what is particular to the type
 */
public record PublicEvent(String eventId, String type, String orderNumber, long tenantId, Instant occurredAt,
		Object data) {

	static final int SCHEMA_VERSION = 1;

	/** A mobile number inside free text, masked before it leaves. */
	private static final Pattern MOBILE_IN_TEXT = Pattern.compile("(?<!\\d)1[3-9]\\d{9}(?!\\d)");

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
		if (event instanceof QuoteApproved approved) {
			return of(approved);
		}
		if (event instanceof QuoteRefused refused) {
			return of(refused);
		}
		if (event instanceof PaymentRecorded payment) {
			return of(payment);
		}
		if (event instanceof ComplaintOpened opened) {
			return of(opened);
		}
		if (event instanceof ComplaintEscalated escalated) {
			return of(escalated);
		}
		if (event instanceof ComplaintClosed closed) {
			return of(closed);
		}
		if (event instanceof AlarmRaised alarm) {
			return of(alarm);
		}
		if (event instanceof PlanWorkGenerated work) {
			return of(work);
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

	static PublicEvent of(QuoteApproved event) {
		return of("quote.approved", event.number(), event.tenantId(), event.at(), Long.toString(event.quoteId()),
				new Approved(event.quoteId(), event.approvedFen(), event.how().name()));
	}

	static PublicEvent of(QuoteRefused event) {
		return of("quote.refused", event.number(), event.tenantId(), event.at(), Long.toString(event.quoteId()),
				new Refused(event.quoteId(), masked(event.reason()), event.calloutFen()));
	}

	static PublicEvent of(PaymentRecorded event) {
		return of("payment.recorded", event.number(), event.tenantId(), event.at(), Long.toString(event.paymentId()),
				new Paid(event.paymentId(), event.amountFen(), event.method().name(), event.outstandingFen()));
	}

	/**
	 * {@code complaint.opened}, keyed by the complaint's order (or {@code complaint-<id>}
	 * for one without an order); no phone number, no free text.
	 */
	static PublicEvent of(ComplaintOpened event) {
		return of("complaint.opened", complaintKey(event.number(), event.complaintId()), event.tenantId(), event.at(),
				Long.toString(event.complaintId()),
				new ComplaintOpening(event.complaintId(), event.projectId(), event.technicianId(),
						event.category() == null ? null : event.category().name(), event.channel().name(),
						event.supervisorId(), event.respondBy(), event.resolveBy()));
	}

	static PublicEvent of(ComplaintEscalated event) {
		return of("complaint.escalated", complaintKey(event.number(), event.complaintId()), event.tenantId(),
				event.at(), event.complaintId() + ":" + event.clock(),
				new ComplaintEscalation(event.complaintId(), event.projectId(), event.technicianId(), event.clock(),
						event.deadline(), event.supervisorId()));
	}

	static PublicEvent of(ComplaintClosed event) {
		return of("complaint.closed", complaintKey(event.number(), event.complaintId()), event.tenantId(), event.at(),
				Long.toString(event.complaintId()),
				new ComplaintClosing(event.complaintId(), event.projectId(), event.technicianId(),
						event.category() == null ? null : event.category().name(), event.channel().name(),
						event.how().name(), event.openedAt(), event.respondedAt(), event.resolvedAt(),
						event.respondedInTime(), event.resolvedInTime()));
	}

	/** Whether the event is one of those on Kafka. */
	static boolean isPublic(Object event) {
		return event instanceof WorkOrderCreated || event instanceof WorkOrderDispatched
				|| event instanceof WorkCompleted || event instanceof WorkOrderClosed || event instanceof SlaBreached
				|| event instanceof QuoteApproved || event instanceof QuoteRefused || event instanceof PaymentRecorded
				|| event instanceof ComplaintOpened || event instanceof ComplaintEscalated
				|| event instanceof ComplaintClosed || event instanceof AlarmRaised
				|| event instanceof PlanWorkGenerated;
	}

	/**
	 * {@code alarm.raised}: a device's new alarm opened the order (repeats of an open
	 * alarm raise no event), keyed by that order.
	 */
	static PublicEvent of(AlarmRaised event) {
		return of("alarm.raised", event.orderNumber(), event.tenantId(), event.at(), Long.toString(event.alarmId()),
				new Alarm(event.alarmId(), event.deviceId(), event.assetId(), event.projectId(), event.type(),
						event.severity()));
	}

	/**
	 * {@code plan-work.generated}: a maintenance plan raised its order for a due day,
	 * keyed by that order.
	 */
	static PublicEvent of(PlanWorkGenerated event) {
		return of("plan-work.generated", event.number(), event.tenantId(), event.at(), Long.toString(event.planId()),
				new PlanWork(event.planId(), event.assetId(), event.projectId(), event.dueOn(), event.workOn()));
	}

	/** {@code alarm.raised}: which device, equipment and alarm type. */
	record Alarm(long alarmId, String deviceId, long assetId, long projectId, String alarmType, String severity) {
	}

	/**
	 * {@code plan-work.generated}: which plan and equipment, the due and the planned day.
	 */
	record PlanWork(long planId, long assetId, long projectId, java.time.LocalDate dueOn, java.time.LocalDate workOn) {
	}

	private static String complaintKey(String number, long complaintId) {
		return number != null ? number : "complaint-" + complaintId;
	}

	private static String masked(String text) {
		return text == null ? null : MOBILE_IN_TEXT.matcher(text).replaceAll(m -> PhoneNumber.mask(m.group()));
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

	/**
	 * {@code quote.approved}: the owner approved the quote (or it needed no approval,
	 * {@code how} FREE); amounts in fen.
	 */
	record Approved(long quoteId, long approvedFen, String how) {
	}

	/**
	 * {@code quote.refused}: the owner refused; the call-out fee now owed, 0 for none.
	 */
	record Refused(long quoteId, String reason, long calloutFen) {
	}

	/** {@code payment.recorded}: staff recorded a payment; what remains owed after it. */
	record Paid(long paymentId, long amountFen, String method, long outstandingFen) {
	}

	/** {@code complaint.opened}: a complaint, its supervisor and its two deadlines. */
	record ComplaintOpening(long complaintId, long projectId, Long technicianId, String category, String channel,
			Long supervisorId, Instant respondBy, Instant resolveBy) {
	}

	/** {@code complaint.escalated}: which clock (respond, resolve) ran out. */
	record ComplaintEscalation(long complaintId, long projectId, Long technicianId, String clock, Instant deadline,
			Long supervisorId) {
	}

	/** {@code complaint.closed}: how, and whether each clock was kept. */
	record ComplaintClosing(long complaintId, long projectId, Long technicianId, String category, String channel,
			String how, Instant openedAt, Instant respondedAt, Instant resolvedAt, boolean respondedInTime,
			boolean resolvedInTime) {
	}

}

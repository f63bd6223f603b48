package org.suxiu.notification;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Component;
import org.suxiu.shared.Grade;
import org.suxiu.shared.PhoneNumber;
import org.suxiu.shared.Role;
import org.suxiu.workorder.OrderFacts;
import org.suxiu.workorder.OrderFollowers;
import org.suxiu.workorder.TechnicianArrived;
import org.suxiu.workorder.WorkCompleted;
import org.suxiu.workorder.WorkOrderCancelled;
import org.suxiu.workorder.WorkOrderDispatched;
import org.suxiu.workorder.WorkOrderEvent;
import org.suxiu.workorder.WorkOrderInterrupted;
import org.suxiu.workorder.WorkOrderHurried;
import org.suxiu.workorder.WorkOrderRescheduled;
import org.suxiu.workorder.WorkOrders;

/**
 * Tells technicians and owners what happened to an order. Each handler runs after the
 * change committed, in its own transaction, from the event publication the change wrote
 * in its own transaction; if it fails or the instance stops, the publication is
 * resubmitted, and the dedupe keys make a second run write nothing new.
 */
@Component
class OrderNotices {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(OrderNotices.class);

	private final WorkOrders orders;

	private final Recipients recipients;

	private final Outbox outbox;

	private final NotificationProperties properties;

	private final TransactionTemplate savepoint;

	private final OrderFollowers followers;

	OrderNotices(WorkOrders orders, Recipients recipients, Outbox outbox, NotificationProperties properties,
			PlatformTransactionManager transactions, OrderFollowers followers) {
		this.followers = followers;
		this.orders = orders;
		this.recipients = recipients;
		this.outbox = outbox;
		this.properties = properties;
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	/**
	 * An emergency's dispatch notices are written inside the dispatch's own transaction:
	 * under a burst the asynchronous listeners run behind, and an L1's SMS must not wait
	 * for planned work's events to be handled first. The asynchronous listener below then
	 * finds the rows by their dedupe keys and writes nothing. A savepoint keeps a failure
	 * here from undoing the dispatch; the asynchronous listener then writes them as
	 * usual.
	 */
	@EventListener
	void onEmergencyDispatched(WorkOrderDispatched event) {
		if (event.grade() != Grade.L1 && event.grade() != Grade.L2) {
			return;
		}
		try {
			savepoint.executeWithoutResult(status -> on(event));
		}
		catch (RuntimeException ex) {
			log.warn("Emergency notices for {} left to the asynchronous listener", event.number(), ex);
		}
	}

	@ApplicationModuleListener
	void on(WorkOrderDispatched event) {
		OrderFacts order = particulars(event).orElse(null);
		if (order == null) {
			return;
		}
		Recipient owner = recipients.reporter(order);
		recipients.staff(event.tenantId(), String.valueOf(event.technicianId())).ifPresent(technician -> {
			// a technician who grabbed the job from the pool knows it already
			if (!technician.username().equals(event.dispatcher())) {
				Map<String, Object> job = new LinkedHashMap<>();
				job.put("grade", grade(order.grade()));
				job.put("place", order.place());
				job.put("fault", order.description());
				job.put("due", eta(order));
				job.put("ownerPhone", PhoneNumber.mask(order.reporterPhone()));
				outbox.record(notice(event, Kind.TECH_NEW_JOB, technician, order, true, job));
			}
			// staff phone numbers may be missing: the notice then goes without one
			Map<String, Object> coming = new LinkedHashMap<>();
			coming.put("technician", technician.name());
			coming.put("technicianPhone", PhoneNumber.mask(technician.phone()));
			coming.put("eta", eta(order));
			toReporterAndFollowers(order, owner,
					who -> outbox.record(notice(event, Kind.OWNER_DISPATCHED, who, order, isUrgent(order), coming)));
		});
	}

	@ApplicationModuleListener
	void on(TechnicianArrived event) {
		particulars(event).ifPresent(order -> toReporterAndFollowers(order, recipients.reporter(order),
				who -> outbox.record(notice(event, Kind.OWNER_ARRIVED, who, order, isUrgent(order),
						Map.of("technician", technicianName(order))))));
	}

	@ApplicationModuleListener
	void on(WorkCompleted event) {
		particulars(event).ifPresent(order -> toReporterAndFollowers(order, recipients.reporter(order),
				who -> outbox.record(notice(event, Kind.OWNER_COMPLETED, who, order, isUrgent(order),
						Map.of("link", properties.acceptLink().replace("{number}", order.number()))))));
	}

	/** An emergency took the technician away mid-job: the owner hears why. */
	@ApplicationModuleListener
	void on(WorkOrderInterrupted event) {
		particulars(event).ifPresent(
				order -> toReporterAndFollowers(order, recipients.reporter(order), who -> outbox.record(notice(event,
						Kind.OWNER_INTERRUPTED, who, order, true, Map.of("technician", technicianName(order))))));
	}

	/** 催单: the project's dispatchers, and from the second hurry its supervisors too. */
	@ApplicationModuleListener
	void on(WorkOrderHurried event) {
		particulars(event).ifPresent(order -> {
			java.util.List<Recipient> staff = new java.util.ArrayList<>(
					recipients.staffOf(order.tenantId(), order.projectId(), Role.DISPATCHER));
			if (event.escalates()) {
				staff.addAll(recipients.staffOf(order.tenantId(), order.projectId(), Role.SUPERVISOR));
			}
			for (Recipient person : staff) {
				outbox.record(notice(event, Kind.STAFF_HURRIED, person, order, event.escalates(),
						Map.of("nth", event.nth(), "place", order.place(), "grade", grade(order.grade()))));
			}
		});
	}

	@ApplicationModuleListener
	void on(WorkOrderRescheduled event) {
		particulars(event).ifPresent(order -> toReporterAndFollowers(order, recipients.reporter(order),
				who -> outbox.record(notice(event, Kind.OWNER_RESCHEDULED, who, order, isUrgent(order),
						Map.of("window", new Templates.Window(event.from(), event.to()))))));
	}

	@ApplicationModuleListener
	void on(WorkOrderCancelled event) {
		particulars(event).ifPresent(order -> {
			toReporterAndFollowers(order, recipients.reporter(order), who -> outbox.record(notice(event,
					Kind.REPORTER_CANCELLED, who, order, isUrgent(order), Map.of("reason", event.reason()))));
			if (order.assigneeId() != null) {
				recipients.staff(order.tenantId(), String.valueOf(order.assigneeId()))
					.ifPresent(technician -> outbox.record(notice(event, Kind.TECH_JOB_CANCELLED, technician, order,
							true, Map.of("place", order.place()))));
			}
		});
	}

	/**
	 * The reporter, then each caller who follows the order (once, even if a follower is
	 * the reporter).
	 */
	private void toReporterAndFollowers(OrderFacts order, Recipient reporter, Consumer<Recipient> send) {
		send.accept(reporter);
		for (OrderFollowers.Follower follower : followers.of(order.number())) {
			if (!follower.phone().equals(order.reporterPhone())) {
				send.accept(recipients.caller(follower.name(), follower.phone()));
			}
		}
	}

	private Optional<OrderFacts> particulars(WorkOrderEvent event) {
		return orders.facts(event.number());
	}

	/**
	 * A notice about an order; owners' SMS about L3/L4 orders wait for the end of quiet
	 * hours, technicians' never do.
	 */
	static Notice notice(WorkOrderEvent event, Kind kind, Recipient recipient, OrderFacts order, boolean urgent,
			Map<String, ?> params) {
		Map<String, Object> values = new LinkedHashMap<>(params);
		values.put("number", order.number());
		boolean quiet = !recipient.staff() && !isUrgent(order);
		return new Notice(eventKey(event), kind, recipient, values, order.tenantId(), order.number(),
				urgent || isUrgent(order), quiet, order.grade());
	}

	static String eventKey(WorkOrderEvent event) {
		return event.getClass().getSimpleName() + ":" + event.number() + ":" + event.at();
	}

	static boolean isUrgent(OrderFacts order) {
		return order.grade() == Grade.L1 || order.grade() == Grade.L2;
	}

	static Templates.Label grade(Grade grade) {
		return new Templates.Label("grade." + grade);
	}

	/** The agreed window if there is one, else the promised arrival. */
	private static Object eta(OrderFacts order) {
		if (order.appointmentFrom() != null && order.appointmentTo() != null) {
			return new Templates.Window(order.appointmentFrom(), order.appointmentTo());
		}
		return order.arriveBy() != null ? order.arriveBy() : new Templates.Label("soon");
	}

	private static String technicianName(OrderFacts order) {
		return order.assigneeName() == null ? "" : order.assigneeName();
	}

}

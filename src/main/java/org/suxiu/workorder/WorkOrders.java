package org.suxiu.workorder;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suxiu.property.PropertyDirectory;
import org.suxiu.property.StaffMember;
import org.suxiu.shared.Actor;
import org.suxiu.shared.DomainException;
import org.suxiu.shared.BusinessRuleViolation;
import org.suxiu.shared.ConcurrentChange;
import org.suxiu.shared.Forbidden;
import org.suxiu.shared.Grade;
import org.suxiu.shared.InvalidInput;
import org.suxiu.shared.Role;
import org.suxiu.triage.Triage;

/**
 * Reads orders for a caller and carries out the actions of the contract, each in one
 * transaction that stores the new state, its history and its events together.
 */
@Service
public class WorkOrders {

	private final WorkOrderRepository orders;

	private final PropertyDirectory directory;

	private final Intake intake;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final GrabRule grabRule;

	private final Triage triage;

	WorkOrders(WorkOrderRepository orders, PropertyDirectory directory, Intake intake, ApplicationEventPublisher events,
			Clock clock, ObjectProvider<GrabRule> grabRule, Triage triage) {
		this.triage = triage;
		this.grabRule = grabRule.getIfAvailable();
		this.orders = orders;
		this.directory = directory;
		this.intake = intake;
		this.events = events;
		this.clock = clock;
	}

	/** The order if the caller may see it; otherwise it does not exist for them. */
	@Transactional(readOnly = true)
	WorkOrder visible(Actor actor, String number) {
		WorkOrder order = orders.find(number).orElseThrow(() -> new WorkOrderNotFound(number));
		if (!mayView(actor, order)) {
			throw new WorkOrderNotFound(number);
		}
		return order;
	}

	/**
	 * Whether the person may see the order: as {@link WorkOrder#isVisibleTo}, and for a
	 * technician also a NEW order the grab pool offers them.
	 */
	boolean mayView(Actor actor, WorkOrder order) {
		if (order.isVisibleTo(actor)) {
			return true;
		}
		if (!actor.is(Role.TECHNICIAN) || order.status != Status.NEW || grabRule == null
				|| !actor.serves(order.tenantId, order.projectId())) {
			return false;
		}
		try {
			grabRule.check(facts(order), actor);
			return true;
		}
		catch (DomainException notOffered) {
			return false;
		}
	}

	@Transactional(readOnly = true)
	List<HistoryEntry> history(WorkOrder order) {
		return orders.history(order.id);
	}

	/** The order and its history, read in one transaction. */
	@Transactional(readOnly = true)
	Detail detail(Actor actor, String number) {
		WorkOrder order = visible(actor, number);
		return new Detail(order, orders.history(order.id));
	}

	record Detail(WorkOrder order, List<HistoryEntry> history) {
	}

	@Transactional(readOnly = true)
	WorkOrderRepository.Page list(WorkOrderFilter filter, int page, int size) {
		return orders.page(filter, page, size);
	}

	/** What the SLA and dispatch modules may know of an order. */
	@Transactional(readOnly = true)
	public Optional<OrderFacts> facts(String number) {
		return orders.find(number).map(WorkOrders::facts);
	}

	/** What notices about an order tell people, read in one transaction. */
	@Transactional(readOnly = true)
	public Optional<OrderParticulars> particulars(String number) {
		return orders.find(number)
			.map(order -> new OrderParticulars(order.number, order.tenantId, order.projectId(), order.grade,
					order.status, order.description, order.site.label(), order.reporter.name(), order.reporter.phone(),
					order.reporterOwnerId, order.assignee == null ? null : order.assignee.id(),
					order.assignee == null ? null : order.assignee.name(),
					order.assignee == null ? null : order.assignee.phone(),
					order.appointment == null ? null : order.appointment.from().toInstant(),
					order.appointment == null ? null : order.appointment.to().toInstant(),
					SlaSnapshot.deadlineOf(order.sla, "arrive")));
	}

	/**
	 * The project's orders reported from {@code from} (inclusive) to {@code to}
	 * (exclusive), with when they were reached, started and completed, oldest first;
	 * cancelled ones left out. (No unbalanced brackets here: Spring Modulith's
	 * documentation reader counts them.)
	 */
	@Transactional(readOnly = true)
	public List<PastOrder> reportedBetween(long projectId, Instant from, Instant to) {
		return orders.reportedBetween(projectId, from, to);
	}

	/** Who the order concerns (reporting owner, technician) and where it stands. */
	@Transactional(readOnly = true)
	public Optional<OrderParties> parties(String number) {
		return orders.find(number)
			.map(order -> new OrderParties(order.number, order.tenantId, order.projectId(), order.status, order.grade,
					order.category, order.reporterOwnerId, order.assignee,
					SlaSnapshot.deadlineOf(order.sla, "arrive")));
	}

	/**
	 * Stores the SLA module's clocks on the order (deadlines and states), joining the
	 * caller's transaction.
	 */
	@Transactional
	public void recordSla(String number, List<SlaSnapshot> clocks) {
		orders.recordSla(number, clocks);
	}

	/**
	 * Appends a system line to the order's history, such as {@code sla-warning}, without
	 * a state change.
	 * @return whether the order exists
	 */
	@Transactional
	public boolean appendSystemHistory(String number, String action, String note, String clock) {
		return orders.appendHistory(number, new HistoryEntry(now(), action, WorkOrder.SYSTEM,
				WorkOrder.SYSTEM.toUpperCase(java.util.Locale.ROOT), null, null, note, null, clock));
	}

	/**
	 * Dispatches an order that is still NEW on the system's behalf; joins the caller's
	 * transaction.
	 * @return whether it was dispatched (false if someone dispatched it meanwhile)
	 */
	@Transactional
	public boolean dispatchAutomatically(String number, long technicianId, String reasons) {
		WorkOrder order = orders.find(number).orElseThrow(() -> new WorkOrderNotFound(number));
		if (order.status != Status.NEW) {
			return false;
		}
		StaffMember technician = directory.staff(order.tenantId, String.valueOf(technicianId))
			.filter(s -> s.role() == Role.TECHNICIAN)
			.orElseThrow(() -> new WorkOrderNotFound(number));
		order.dispatchAutomatically(new Assignee(technician.id(), technician.name(), technician.phone()), reasons,
				now());
		save(order);
		return true;
	}

	/** Returns a not-yet-started job to the queue; joins the caller's transaction. */
	@Transactional
	public void handBack(String number, String reason) {
		WorkOrder order = orders.find(number).orElseThrow(() -> new WorkOrderNotFound(number));
		order.handBack(reason, now());
		save(order);
	}

	/**
	 * Puts a job being worked on hold because its technician was sent to an emergency;
	 * joins the caller's transaction.
	 */
	@Transactional
	public void interrupt(String number, String emergency) {
		WorkOrder order = orders.find(number).orElseThrow(() -> new WorkOrderNotFound(number));
		order.interrupt(emergency, now());
		save(order);
	}

	@Transactional
	WorkOrder dispatch(Actor actor, String number, Integer expectedVersion, String technicianKey, String note) {
		return change(actor, number, expectedVersion, order -> dispatchTo(actor, order, technicianKey, note));
	}

	/** The project's orders not yet completed (NEW up to ON_HOLD), oldest first. */
	@Transactional(readOnly = true)
	public List<OpenOrder> openOrders(long projectId) {
		return orders.open(projectId)
			.stream()
			.map(o -> new OpenOrder(facts(o), SlaSnapshot.deadlineOf(o.sla, "complete")))
			.toList();
	}

	/**
	 * Dispatches on a dispatcher's behalf (a day plan being applied) only if the order is
	 * still exactly as {@code seen}; the same checks, history and events as a dispatch
	 * through the API. Joins the caller's transaction.
	 * @throws ConcurrentChange if the order changed since it was seen
	 */
	@Transactional
	public void dispatchAsSeen(Actor actor, OrderFacts seen, long technicianId, String note) {
		change(actor, seen.number(), null, order -> {
			if (!facts(order).equals(seen)) {
				throw new ConcurrentChange("Work order " + seen.number());
			}
			dispatchTo(actor, order, String.valueOf(technicianId), note);
		});
	}

	private void dispatchTo(Actor actor, WorkOrder order, String technicianKey, String note) {
		order.checkDispatch(actor);
		if (technicianKey == null || technicianKey.isBlank()) {
			throw new InvalidInput("technicianId", "is required");
		}
		StaffMember technician = directory.staff(order.tenantId, technicianKey)
			.filter(s -> s.role() == Role.TECHNICIAN)
			.orElseThrow(() -> new InvalidInput("technicianId", "no technician " + technicianKey));
		if (!technician.active() || !technician.serves(order.projectId())) {
			throw new BusinessRuleViolation("technician-not-available",
					technician.name() + " does not serve project " + order.site.project().code() + " or is inactive");
		}
		order.dispatch(actor, new Assignee(technician.id(), technician.name(), technician.phone()), note, now());
	}

	@Transactional
	WorkOrder take(Actor actor, String number, Integer expectedVersion, String note) {
		return change(actor, number, expectedVersion, order -> order.take(actor, note, now()));
	}

	@Transactional
	WorkOrder grab(Actor actor, String number, Integer expectedVersion) {
		// every technician of the project may try: of several grabbing at once the losers
		// learn 409 (taken meanwhile) or 422 (not in the pool), as the pool's rules say
		WorkOrder found = orders.find(number)
			.filter(o -> actor.serves(o.tenantId, o.projectId()))
			.orElseThrow(() -> new WorkOrderNotFound(number));
		return change(found, expectedVersion, order -> {
			if (!actor.is(Role.TECHNICIAN)) {
				throw new Forbidden("Only technicians grab orders from the pool");
			}
			if (grabRule == null) {
				throw new BusinessRuleViolation("grab-pool-closed", "No grab pool runs here");
			}
			grabRule.check(facts(order), actor);
			StaffMember self = directory.staff(order.tenantId, String.valueOf(actor.id()))
				.orElseThrow(() -> new WorkOrderNotFound(number));
			order.grab(actor, new Assignee(self.id(), self.name(), self.phone()), now());
		});
	}

	/**
	 * The orders of a project still waiting for a technician (NEW), oldest first, for the
	 * grab pool.
	 */
	@Transactional(readOnly = true)
	public List<OrderFacts> waiting(long projectId) {
		return orders.waiting(projectId).stream().map(WorkOrders::facts).toList();
	}

	@Transactional
	WorkOrder decline(Actor actor, String number, Integer expectedVersion, String reason) {
		return change(actor, number, expectedVersion, order -> order.decline(actor, required("reason", reason), now()));
	}

	@Transactional
	WorkOrder arrive(Actor actor, String number, Integer expectedVersion, String note) {
		return change(actor, number, expectedVersion, order -> order.arrive(actor, note, now()));
	}

	@Transactional
	WorkOrder start(Actor actor, String number, Integer expectedVersion, String note) {
		return change(actor, number, expectedVersion, order -> order.start(actor, note, now()));
	}

	@Transactional
	WorkOrder hold(Actor actor, String number, Integer expectedVersion, String reason) {
		return change(actor, number, expectedVersion, order -> order.hold(actor, required("reason", reason), now()));
	}

	@Transactional
	WorkOrder resume(Actor actor, String number, Integer expectedVersion, String note) {
		return change(actor, number, expectedVersion, order -> order.resume(actor, note, now()));
	}

	@Transactional
	WorkOrder complete(Actor actor, String number, Integer expectedVersion, String resolution) {
		return change(actor, number, expectedVersion,
				order -> order.complete(actor, required("resolution", resolution), now()));
	}

	@Transactional
	WorkOrder accept(Actor actor, String number, Integer expectedVersion, Integer rating, String comment) {
		return change(actor, number, expectedVersion, order -> {
			if (rating == null || rating < 1 || rating > 5) {
				throw new InvalidInput("rating", "must be 1 to 5");
			}
			order.accept(actor, rating, comment, now());
		});
	}

	/** Closes the original and opens a linked rework order; returns the rework order. */
	@Transactional
	WorkOrder reopen(Actor actor, String number, Integer expectedVersion, String reason) {
		WorkOrder[] rework = new WorkOrder[1];
		change(actor, number, expectedVersion, order -> {
			String why = required("reason", reason);
			order.checkReopen(actor);
			rework[0] = intake.rework(actor, order);
			order.reopen(actor, why, rework[0].number, now());
		});
		return orders.find(rework[0].number).orElseThrow();
	}

	@Transactional
	WorkOrder followUp(Actor actor, String number, Integer expectedVersion, Boolean satisfied, String note) {
		return change(actor, number, expectedVersion, order -> {
			if (satisfied == null) {
				throw new InvalidInput("satisfied", "is required");
			}
			order.followUp(actor, satisfied, note, now());
		});
	}

	@Transactional
	WorkOrder cancel(Actor actor, String number, Integer expectedVersion, String reason) {
		return change(actor, number, expectedVersion, order -> order.cancel(actor, required("reason", reason), now()));
	}

	@Transactional
	WorkOrder regrade(Actor actor, String number, Integer expectedVersion, Grade grade, String reason) {
		return change(actor, number, expectedVersion, order -> {
			if (grade == null) {
				throw new InvalidInput("grade", "is required");
			}
			order.regrade(actor, grade, required("reason", reason), now());
			// staff's judgement, with a reason, grades the tenant's next similar
			// description
			triage.learn(order.tenantId, order.category, order.description, grade, reason, actor.username());
		});
	}

	@Transactional
	WorkOrder reschedule(Actor actor, String number, Integer expectedVersion, Appointment window, String reason) {
		return change(actor, number, expectedVersion, order -> {
			if (window == null || window.from() == null || window.to() == null) {
				throw new InvalidInput("appointment", "is required: {from, to}");
			}
			if (!window.to().isAfter(window.from())) {
				throw new InvalidInput("appointment.to", "must be after appointment.from");
			}
			if (!window.to().toInstant().isAfter(now())) {
				throw new InvalidInput("appointment.to", "must be in the future");
			}
			order.reschedule(actor, window, required("reason", reason), now());
		});
	}

	private WorkOrder change(Actor actor, String number, Integer expectedVersion, Consumer<WorkOrder> action) {
		return change(visible(actor, number), expectedVersion, action);
	}

	private WorkOrder change(WorkOrder order, Integer expectedVersion, Consumer<WorkOrder> action) {
		if (expectedVersion != null && expectedVersion != order.version) {
			throw new ConcurrentChange("Work order " + order.number);
		}
		action.accept(order);
		save(order);
		return orders.find(order.number).orElseThrow();
	}

	private void save(WorkOrder order) {
		orders.update(order);
		order.events().forEach(events::publishEvent);
	}

	private static OrderFacts facts(WorkOrder order) {
		return new OrderFacts(order.number, order.tenantId, order.projectId(), order.grade, order.status,
				order.reportedAt, order.createdAt,
				order.appointment == null ? null : order.appointment.from().toInstant(),
				order.appointment == null ? null : order.appointment.to().toInstant(), order.holdReason, order.category,
				order.site.building(), order.site.area(), order.assignee == null ? null : order.assignee.id(),
				SlaSnapshot.deadlineOf(order.sla, "arrive"));
	}

	private static String required(String field, String value) {
		if (value == null || value.isBlank()) {
			throw new InvalidInput(field, "is required");
		}
		if (value.length() > 500) {
			throw new InvalidInput(field, "must be at most 500 characters");
		}
		return value;
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}

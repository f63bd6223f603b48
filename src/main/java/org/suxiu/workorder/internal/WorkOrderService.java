package org.suxiu.workorder.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.suxiu.property.Project;
import org.suxiu.property.PropertyDirectory;
import org.suxiu.property.Site;
import org.suxiu.property.StaffMember;
import org.suxiu.shared.Actor;
import org.suxiu.shared.BusinessRuleViolation;
import org.suxiu.shared.Category;
import org.suxiu.shared.ConcurrentChange;
import org.suxiu.shared.DomainException;
import org.suxiu.shared.Forbidden;
import org.suxiu.shared.Grade;
import org.suxiu.shared.InvalidInput;
import org.suxiu.shared.Role;
import org.suxiu.triage.Triage;
import org.suxiu.workorder.Assignee;
import org.suxiu.workorder.FixRecord;
import org.suxiu.workorder.GrabRule;
import org.suxiu.workorder.OrderAction;
import org.suxiu.workorder.OrderGate;
import org.suxiu.workorder.GradeStatusCount;
import org.suxiu.workorder.HistoryEntry;
import org.suxiu.workorder.NewWorkOrder;
import org.suxiu.workorder.OrderCommand;
import org.suxiu.workorder.OrderFacts;
import org.suxiu.workorder.OrderLife;
import org.suxiu.workorder.PastOrder;
import org.suxiu.workorder.SystemReport;
import org.suxiu.workorder.SlaSnapshot;
import org.suxiu.workorder.Status;
import org.suxiu.workorder.WorkOrderNotFound;
import org.suxiu.workorder.WorkOrderView;
import org.suxiu.workorder.WorkOrders;

/**
 * The facade's work: reads orders for a person, carries out each transition in one
 * transaction that stores the new state, its history and its events together, and answers
 * other modules' questions.
 */
@Service
class WorkOrderService implements WorkOrders {

	private static final Set<Status> CALLABLE = Set.of(Status.DISPATCHED, Status.TAKEN, Status.ARRIVED,
			Status.IN_PROGRESS, Status.ON_HOLD);

	private final WorkOrderRepository orders;

	private final PropertyDirectory directory;

	private final Intake intake;

	private final OrderViews views;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final GrabRule grabRule;

	private final Triage triage;

	private final Validator validator;

	private final AutoAccept autoAccept;

	private final ReworkWatch rework;

	/** Asked lazily: a gate may itself use this facade. */
	private final ObjectProvider<OrderGate> gates;

	WorkOrderService(WorkOrderRepository orders, PropertyDirectory directory, Intake intake, OrderViews views,
			ApplicationEventPublisher events, Clock clock, ObjectProvider<GrabRule> grabRule, Triage triage,
			Validator validator, ObjectProvider<OrderGate> gates, AutoAccept autoAccept, ReworkWatch rework) {
		this.rework = rework;
		this.gates = gates;
		this.autoAccept = autoAccept;
		this.orders = orders;
		this.directory = directory;
		this.intake = intake;
		this.views = views;
		this.events = events;
		this.clock = clock;
		this.grabRule = grabRule.getIfAvailable();
		this.triage = triage;
		this.validator = validator;
	}

	/**
	 * Two round trips and no commit: the order with its history in one statement, then
	 * its clocks. Under READ COMMITTED a transaction would not make the two one snapshot
	 * either, so none is opened.
	 */
	@Override
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public WorkOrderView read(Actor actor, String number) {
		WorkOrderRepository.WithHistory found = orders.findWithHistory(number)
			.orElseThrow(() -> new WorkOrderNotFound(number));
		if (!mayView(actor, found.order())) {
			throw new WorkOrderNotFound(number);
		}
		return views.of(found.order(), found.history(), actor);
	}

	@Override
	@Transactional(readOnly = true)
	public ListPage list(Actor actor, List<Status> statuses, Grade grade, Long projectId, Long assigneeId, String after,
			int page, int size) {
		WorkOrderRepository.Page result = orders.page(
				new WorkOrderFilter(actor, statuses == null ? List.of() : statuses, grade, projectId, assigneeId),
				ListCursor.parse(after), page, size);
		return new ListPage(views.of(result.items(), actor), result.total(), result.totalIsEstimate(),
				result.next() == null ? null : result.next().toString());
	}

	@Override
	@Transactional(readOnly = true)
	public void forEachListed(Actor actor, List<Status> statuses, Grade grade, Long projectId, Long assigneeId,
			Consumer<WorkOrderView> each) {
		orders.stream(new WorkOrderFilter(actor, statuses == null ? List.of() : statuses, grade, projectId, assigneeId),
				STREAM_BATCH, batch -> views.of(batch, actor).forEach(each));
	}

	/**
	 * Orders made into views at a time while streaming (one read of their clocks each).
	 */
	private static final int STREAM_BATCH = 500;

	@Override
	@Transactional(readOnly = true)
	public boolean isVisibleTo(Actor actor, String number) {
		return orders.find(number).filter(o -> mayView(actor, o)).isPresent();
	}

	@Override
	@Transactional(readOnly = true)
	public String reporterPhoneForCall(Actor actor, String number) {
		WorkOrder order = visible(actor, number);
		if (!order.isAssignedTo(actor) || !CALLABLE.contains(order.status)) {
			throw new Forbidden("Only the assigned technician calls the reporter, while the job is open");
		}
		return order.reporter.phone();
	}

	@Override
	@Transactional(readOnly = true)
	public List<GradeStatusCount> counts(Actor actor, Project project, Instant from, Instant to) {
		if (!actor.serves(project.tenantId(), project.id())) {
			throw new Forbidden("Not a project you serve");
		}
		return orders.counts(project.id(), from, to);
	}

	@Override
	@Transactional(readOnly = true)
	public List<WorkOrderView> openAtSamePlace(Actor actor, Site site, Category category, Duration window) {
		List<WorkOrder> open = orders
			.openAt(site.project().id(), site.homeId(), site.areaId(), category, clock.instant().minus(window))
			.stream()
			.filter(o -> mayView(actor, o))
			.toList();
		return views.of(open, actor);
	}

	@Override
	@Transactional
	public Reported report(Actor actor, NewWorkOrder request, String idempotencyKey) {
		Set<ConstraintViolation<NewWorkOrder>> violations = validator.validate(request);
		if (!violations.isEmpty()) {
			throw new InvalidInput(violations.stream()
				.map(v -> new InvalidInput.FieldError(v.getPropertyPath().toString(), v.getMessage()))
				.sorted(Comparator.comparing(InvalidInput.FieldError::field))
				.toList());
		}
		Intake.Created created = intake.create(actor, request, idempotencyKey);
		return new Reported(views.of(created.order(), created.history(), actor), created.isNew());
	}

	@Override
	@Transactional
	public WorkOrderView dispatch(Actor actor, OrderCommand.Dispatch command) {
		return change(actor, command, order -> dispatchTo(actor, order, command.technicianId(), command.note()));
	}

	@Override
	@Transactional
	public WorkOrderView take(Actor actor, OrderCommand.Take command) {
		return change(actor, command, order -> order.take(actor, command.note(), now()));
	}

	@Override
	@Transactional
	public WorkOrderView grab(Actor actor, OrderCommand.Grab command) {
		// every technician of the project may try: of several grabbing at once the losers
		// learn 409 (taken meanwhile) or 422 (not in the pool), as the pool's rules say
		WorkOrder found = orders.find(command.number())
			.filter(o -> actor.serves(o.tenantId, o.projectId()))
			.orElseThrow(() -> new WorkOrderNotFound(command.number()));
		return change(found, command.version(), actor, order -> {
			if (!actor.is(Role.TECHNICIAN)) {
				throw new Forbidden("Only technicians grab orders from the pool");
			}
			if (grabRule == null) {
				throw new BusinessRuleViolation("grab-pool-closed", "No grab pool runs here");
			}
			grabRule.check(facts(order), actor);
			StaffMember self = directory.staff(order.tenantId, String.valueOf(actor.id()))
				.orElseThrow(() -> new WorkOrderNotFound(order.number));
			order.grab(actor, new Assignee(self.id(), self.name(), self.phone()), now());
		});
	}

	@Override
	@Transactional
	public WorkOrderView decline(Actor actor, OrderCommand.Decline command) {
		return change(actor, command, order -> order.decline(actor, required("reason", command.reason()), now()));
	}

	@Override
	@Transactional
	public WorkOrderView arrive(Actor actor, OrderCommand.Arrive command) {
		return change(actor, command, order -> order.arrive(actor, command.note(), now()));
	}

	@Override
	@Transactional
	public WorkOrderView start(Actor actor, OrderCommand.Start command) {
		return change(actor, command, order -> order.start(actor, command.note(), now()));
	}

	@Override
	@Transactional
	public WorkOrderView rescue(Actor actor, OrderCommand.Rescue command) {
		return change(actor, command, order -> order.rescue(actor, optional("note", command.note()), now()));
	}

	@Override
	@Transactional
	public WorkOrderView hold(Actor actor, OrderCommand.Hold command) {
		return change(actor, command, order -> order.hold(actor, required("reason", command.reason()), now()));
	}

	@Override
	@Transactional
	public WorkOrderView resume(Actor actor, OrderCommand.Resume command) {
		return change(actor, command, order -> {
			passGates(order, OrderAction.RESUME);
			order.resume(actor, command.note(), now());
		});
	}

	@Override
	@Transactional
	public WorkOrderView complete(Actor actor, OrderCommand.Complete command) {
		return change(actor, command, order -> {
			passGates(order, OrderAction.COMPLETE);
			order.complete(actor, required("resolution", command.resolution()), now());
			autoAccept.schedule(order.number, order.projectId(), now());
		});
	}

	@Override
	@Transactional
	public WorkOrderView accept(Actor actor, OrderCommand.Accept command) {
		return change(actor, command, order -> {
			Integer rating = command.rating();
			if (rating == null || rating < 1 || rating > 5) {
				throw new InvalidInput("rating", "must be 1 to 5");
			}
			order.accept(actor, rating, command.comment(), now());
		});
	}

	@Override
	@Transactional
	public WorkOrderView reopen(Actor actor, OrderCommand.Reopen command) {
		WorkOrder original = checkedVersion(visible(actor, command.number()), command.version());
		String why = required("reason", command.reason());
		if (original.checkReopen(actor) != Status.COMPLETED) {
			rework.checkWithinWarranty(original, now());
		}
		WorkOrder rework = intake.rework(actor, original);
		original.reopen(actor, why, rework.number, now());
		save(original);
		return views.of(rework, rework.newHistory(), actor);
	}

	@Override
	@Transactional
	public WorkOrderView followUp(Actor actor, OrderCommand.FollowUp command) {
		return change(actor, command, order -> {
			if (command.satisfied() == null) {
				throw new InvalidInput("satisfied", "is required");
			}
			order.followUp(actor, command.satisfied(), command.note(), now());
		});
	}

	@Override
	@Transactional
	public WorkOrderView judgeRework(Actor actor, OrderCommand command, boolean confirmed, String note) {
		return change(actor, command, order -> order.judgeRework(actor, confirmed,
				confirmed ? optional("note", note) : required("reason", note), now()));
	}

	@Override
	@Transactional
	public boolean closeWithoutCall(Actor actor, String number, String why, String note) {
		WorkOrder order = load(number);
		boolean closed = order.closeWithoutCall(actor, why, note, now());
		if (closed) {
			save(order);
		}
		return closed;
	}

	@Override
	@Transactional(readOnly = true)
	public List<FixRecord> fixesBetween(long projectId, Instant from, Instant to) {
		return rework.fixesBetween(projectId, from, to);
	}

	@Override
	@Transactional
	public WorkOrderView cancel(Actor actor, OrderCommand.Cancel command) {
		return change(actor, command, order -> order.cancel(actor, required("reason", command.reason()), now()));
	}

	@Override
	@Transactional
	public WorkOrderView regrade(Actor actor, OrderCommand.Regrade command) {
		return change(actor, command, order -> {
			Grade grade = command.grade();
			if (grade == null) {
				throw new InvalidInput("grade", "is required");
			}
			String reason = required("reason", command.reason());
			order.regrade(actor, grade, reason, now());
			// staff's judgement, with a reason, grades the tenant's next similar
			// description
			triage.learn(order.tenantId, order.category, order.description, grade, reason, actor.username());
		});
	}

	@Override
	@Transactional
	public WorkOrderView hurry(Actor actor, OrderCommand.Hurry command) {
		return change(actor, command,
				order -> order.hurry(actor, command.nth(), optional("note", command.note()), now()));
	}

	@Override
	@Transactional
	public WorkOrderView reschedule(Actor actor, OrderCommand.Reschedule command) {
		return change(actor, command, order -> {
			var window = command.appointment();
			if (window == null || window.from() == null || window.to() == null) {
				throw new InvalidInput("appointment", "is required: {from, to}");
			}
			if (!window.to().isAfter(window.from())) {
				throw new InvalidInput("appointment.to", "must be after appointment.from");
			}
			if (!window.to().toInstant().isAfter(now())) {
				throw new InvalidInput("appointment.to", "must be in the future");
			}
			order.reschedule(actor, window, required("reason", command.reason()), now());
		});
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<OrderFacts> facts(String number) {
		// a listener of this transaction's change is told the order as just stored
		return orders.writtenInThisTransaction(number).or(() -> orders.find(number)).map(this::facts);
	}

	@Override
	@Transactional(readOnly = true)
	public List<OrderFacts> openOrders(long projectId) {
		return facts(orders.open(projectId));
	}

	@Override
	@Transactional(readOnly = true)
	public List<OrderFacts> waiting(long projectId) {
		return facts(orders.waiting(projectId));
	}

	@Override
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public int waitingEmergencies(long projectId, java.util.Collection<String> besides) {
		return orders.waitingEmergencies(projectId, besides);
	}

	@Override
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public Optional<OrderLife> life(String number) {
		return orders.lives(null, number, 1).stream().findFirst();
	}

	@Override
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public List<OrderLife> lives(java.util.Collection<String> numbers) {
		return orders.livesOf(numbers);
	}

	@Override
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public List<OrderLife> lives(String afterNumber, int size) {
		return orders.lives(afterNumber, null, Math.max(1, Math.min(size, 10_000)));
	}

	@Override
	@Transactional(readOnly = true)
	public List<PastOrder> reportedBetween(long projectId, Instant from, Instant to) {
		return orders.reportedBetween(projectId, from, to);
	}

	@Override
	@Transactional(readOnly = true)
	public List<PastOrder> entrapmentsReportedBetween(long projectId, Instant from, Instant to) {
		return orders.entrapmentsReportedBetween(projectId, from, to);
	}

	@Override
	@Transactional(readOnly = true)
	public List<PastOrder> ofAsset(long assetId) {
		return orders.ofAsset(assetId);
	}

	@Override
	@Transactional
	public String raise(SystemReport report) {
		return intake.raise(report).number;
	}

	@Override
	@Transactional
	public void awaitOwner(String number, String reason) {
		WorkOrder order = load(number);
		order.awaitOwner(reason, now());
		save(order);
	}

	@Override
	@Transactional
	public boolean resumeAfterConsent(String number, String note) {
		WorkOrder order = load(number);
		boolean resumed = order.resumeAfterConsent(note, now());
		if (resumed) {
			save(order);
		}
		return resumed;
	}

	@Override
	@Transactional
	public boolean appendHistory(String number, String action, Actor actor, String note) {
		if (actor == null) {
			return appendSystemHistory(number, action, note, null);
		}
		return orders.appendHistory(number,
				new HistoryEntry(now(), action, actor.username(), actor.role().name(), null, null, note, null, null));
	}

	private WorkOrder load(String number) {
		return orders.find(number).orElseThrow(() -> new WorkOrderNotFound(number));
	}

	private void passGates(WorkOrder order, OrderAction action) {
		OrderFacts facts = facts(order);
		gates.orderedStream().forEach(gate -> gate.check(facts, action));
	}

	@Override
	@Transactional
	public boolean appendSystemHistory(String number, String action, String note, String clock) {
		return orders.appendHistory(number, new HistoryEntry(now(), action, WorkOrder.SYSTEM,
				WorkOrder.SYSTEM.toUpperCase(Locale.ROOT), null, null, note, null, clock));
	}

	@Override
	@Transactional
	public boolean dispatchAutomatically(String number, long technicianId, String reasons) {
		WorkOrder order = load(number);
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

	@Override
	@Transactional
	public void handBack(String number, String reason) {
		WorkOrder order = load(number);
		order.handBack(reason, now());
		save(order);
	}

	@Override
	@Transactional
	public void interrupt(String number, String emergency) {
		WorkOrder order = load(number);
		order.interrupt(emergency, now());
		save(order);
	}

	@Override
	@Transactional
	public void dispatchAsSeen(Actor actor, OrderFacts seen, long technicianId, String note) {
		WorkOrder order = visible(actor, seen.number());
		if (!facts(order).equals(seen)) {
			throw new ConcurrentChange("Work order " + seen.number());
		}
		dispatchTo(actor, order, String.valueOf(technicianId), note);
		save(order);
	}

	/** The order if the caller may see it; otherwise it does not exist for them. */
	private WorkOrder visible(Actor actor, String number) {
		WorkOrder order = load(number);
		if (!mayView(actor, order)) {
			throw new WorkOrderNotFound(number);
		}
		return order;
	}

	/**
	 * Whether the person may see the order: as {@link WorkOrder#isVisibleTo}, and for a
	 * technician also a NEW order the grab pool offers them.
	 */
	private boolean mayView(Actor actor, WorkOrder order) {
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

	private WorkOrderView change(Actor actor, OrderCommand command, Consumer<WorkOrder> action) {
		return change(visible(actor, command.number()), command.version(), actor, action);
	}

	/**
	 * Applies the action, stores the order and answers it with its history; the stored
	 * version is known without reading the order again.
	 */
	private WorkOrderView change(WorkOrder order, Integer expectedVersion, Actor actor, Consumer<WorkOrder> action) {
		checkedVersion(order, expectedVersion);
		action.accept(order);
		save(order);
		return views.of(order, orders.history(order.id), actor);
	}

	private static WorkOrder checkedVersion(WorkOrder order, Integer expectedVersion) {
		if (expectedVersion != null && expectedVersion != order.version) {
			throw new ConcurrentChange("Work order " + order.number);
		}
		return order;
	}

	private void save(WorkOrder order) {
		orders.update(order);
		order.events().forEach(events::publishEvent);
	}

	private List<OrderFacts> facts(List<WorkOrder> list) {
		Map<String, List<SlaSnapshot>> clocks = views.clocksOf(list.stream().map(o -> o.number).toList());
		return list.stream().map(o -> facts(o, clocks.getOrDefault(o.number, List.of()))).toList();
	}

	private OrderFacts facts(WorkOrder order) {
		return facts(order, views.clocksOf(order.number));
	}

	private static OrderFacts facts(WorkOrder order, List<SlaSnapshot> clocks) {
		return new OrderFacts(order.number, order.tenantId, order.projectId(), order.grade, order.status,
				order.reportedAt, order.createdAt,
				order.appointment == null ? null : order.appointment.from().toInstant(),
				order.appointment == null ? null : order.appointment.to().toInstant(), order.holdReason, order.category,
				order.site.building(), order.site.area(), order.site.label(), order.description, order.reporter.name(),
				order.reporter.phone(), order.reporterOwnerId, order.assignee, SlaSnapshot.deadlineOf(clocks, "arrive"),
				SlaSnapshot.deadlineOf(clocks, "complete"));
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

	private static String optional(String field, String value) {
		return value == null || value.isBlank() ? null : required(field, value);
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}

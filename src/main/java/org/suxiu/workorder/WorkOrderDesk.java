package org.suxiu.workorder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suxiu.property.Project;
import org.suxiu.property.Site;
import org.suxiu.shared.Actor;
import org.suxiu.shared.Category;
import org.suxiu.shared.Forbidden;
import org.suxiu.shared.Grade;
import org.suxiu.shared.InvalidInput;
import org.suxiu.shared.SuxiuProperties;

/**
 * What a front end other than the HTTP API (the pages) does with orders on a person's
 * behalf: read, list, report and act, under the same rules, visibility and phone masking
 * as the API.
 */
@Service
public class WorkOrderDesk {

	private static final Set<Status> CALLABLE = Set.of(Status.DISPATCHED, Status.TAKEN, Status.ARRIVED,
			Status.IN_PROGRESS, Status.ON_HOLD);

	private final WorkOrders orders;

	private final Intake intake;

	private final WorkOrderRepository repository;

	private final SuxiuProperties properties;

	private final Clock clock;

	private final Validator validator;

	WorkOrderDesk(WorkOrders orders, Intake intake, WorkOrderRepository repository, SuxiuProperties properties,
			Clock clock, Validator validator) {
		this.validator = validator;
		this.orders = orders;
		this.intake = intake;
		this.repository = repository;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * The order with its history; {@link WorkOrderNotFound} if the person may not see it.
	 */
	public WorkOrderView read(Actor actor, String number) {
		WorkOrders.Detail detail = orders.detail(actor, number);
		return view(detail.order(), detail.history(), actor);
	}

	/** Whether the person may see the order (and so its photos). */
	@Transactional(readOnly = true)
	public boolean isVisibleTo(Actor actor, String number) {
		return repository.find(number).filter(o -> orders.mayView(actor, o)).isPresent();
	}

	/**
	 * The reporter's full number, for the assigned technician's call button while the job
	 * is theirs and not finished; the pages show it masked.
	 */
	@Transactional(readOnly = true)
	public String reporterPhoneForCall(Actor actor, String number) {
		WorkOrder order = orders.visible(actor, number);
		if (!order.isAssignedTo(actor) || !CALLABLE.contains(order.status)) {
			throw new Forbidden("Only the assigned technician calls the reporter, while the job is open");
		}
		return order.reporter.phone();
	}

	/**
	 * How many orders of a project the person serves were created from {@code from} until
	 * {@code to}, by grade and status: the manager's counts.
	 */
	@Transactional(readOnly = true)
	public List<GradeStatusCount> counts(Actor actor, Project project, Instant from, Instant to) {
		if (!actor.serves(project.tenantId(), project.id())) {
			throw new Forbidden("Not a project you serve");
		}
		return repository.counts(project.id(), from, to);
	}

	/** One page of the orders the person may see, newest first, without history. */
	public ListPage list(Actor actor, List<Status> statuses, Grade grade, Long projectId, Long assigneeId, int page,
			int size) {
		WorkOrderRepository.Page result = orders.list(
				new WorkOrderFilter(actor, statuses == null ? List.of() : statuses, grade, projectId, assigneeId), page,
				size);
		return new ListPage(result.items().stream().map(o -> view(o, null, actor)).toList(), result.total());
	}

	/**
	 * Orders the person may see that are still open at the same place and in the same
	 * category and were created within {@code window}: the agent's duplicate warning.
	 */
	@Transactional(readOnly = true)
	public List<WorkOrderView> openAtSamePlace(Actor actor, Site site, Category category, Duration window) {
		return repository
			.openAt(site.project().id(), site.homeId(), site.areaId(), category, clock.instant().minus(window))
			.stream()
			.filter(o -> orders.mayView(actor, o))
			.map(o -> view(o, null, actor))
			.toList();
	}

	/**
	 * Takes a report in, as {@code POST /api/v1/work-orders} does, with the same checks
	 * of its fields.
	 */
	public WorkOrderView report(Actor actor, NewWorkOrder request, String idempotencyKey) {
		Set<ConstraintViolation<NewWorkOrder>> violations = validator.validate(request);
		if (!violations.isEmpty()) {
			throw new InvalidInput(violations.stream()
				.map(v -> new InvalidInput.FieldError(v.getPropertyPath().toString(), v.getMessage()))
				.sorted(java.util.Comparator.comparing(InvalidInput.FieldError::field))
				.toList());
		}
		Intake.Created created = intake.create(actor, request, idempotencyKey);
		return view(created.order(), created.history(), actor);
	}

	/** Carries out one transition; for REOPEN the answer is the new rework order. */
	public WorkOrderView act(Actor actor, String number, OrderAction action, ActionInput in) {
		Integer v = in.version();
		WorkOrder changed = switch (action) {
			case DISPATCH -> orders.dispatch(actor, number, v, in.technicianId(), in.note());
			case TAKE -> orders.take(actor, number, v, in.note());
			case DECLINE -> orders.decline(actor, number, v, in.reason());
			case ARRIVE -> orders.arrive(actor, number, v, in.note());
			case START -> orders.start(actor, number, v, in.note());
			case HOLD -> orders.hold(actor, number, v, in.reason());
			case RESUME -> orders.resume(actor, number, v, in.note() != null ? in.note() : in.reason());
			case COMPLETE -> orders.complete(actor, number, v, in.resolution());
			case ACCEPT -> orders.accept(actor, number, v, in.rating(), in.comment());
			case REOPEN -> orders.reopen(actor, number, v, in.reason());
			case FOLLOW_UP -> orders.followUp(actor, number, v, in.satisfied(), in.note());
			case CANCEL -> orders.cancel(actor, number, v, in.reason());
			case REGRADE -> orders.regrade(actor, number, v, in.grade(), in.reason());
			case RESCHEDULE -> orders.reschedule(actor, number, v, in.appointment(), in.reason());
		};
		return view(changed, orders.history(changed), actor);
	}

	private WorkOrderView view(WorkOrder order, List<HistoryEntry> history, Actor actor) {
		return WorkOrderView.of(order, history, actor, properties.zone(), clock.instant());
	}

	/**
	 * One page of orders.
	 *
	 * @param items the orders, without history
	 * @param total how many match in all
	 */
	public record ListPage(List<WorkOrderView> items, long total) {
	}

}

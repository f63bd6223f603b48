package org.suxiu.aftercare;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suxiu.property.Project;
import org.suxiu.property.PropertyDirectory;
import org.suxiu.shared.Actor;
import org.suxiu.shared.ConcurrentChange;
import org.suxiu.shared.Forbidden;
import org.suxiu.shared.InvalidInput;
import org.suxiu.shared.NotFound;
import org.suxiu.shared.PhoneNumber;
import org.suxiu.shared.Role;
import org.suxiu.shared.SuxiuProperties;
import org.suxiu.workorder.IllegalTransition;
import org.suxiu.workorder.OrderCommand;
import org.suxiu.workorder.OrderFacts;
import org.suxiu.workorder.Status;
import org.suxiu.workorder.WorkOrderNotFound;
import org.suxiu.workorder.WorkOrders;

/**
 * The follow-up calls (回访): the agents' list by due time, and each call's outcome. A
 * satisfied or unsatisfied owner closes the order through the work order's follow-up
 * transition; an owner not reached is tried again until the project's last try closes the
 * order as not reached. Every call is a line in the order's history and an event.
 */
@Service
public class FollowUps {

	private static final Set<Role> READERS = Set.of(Role.AGENT, Role.SUPERVISOR, Role.MANAGER, Role.ADMIN);

	private final FollowUpRows rows;

	private final FollowUpPlanner planner;

	private final AftercareRulebook rulebook;

	private final WorkOrders orders;

	private final PropertyDirectory property;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ZoneId zone;

	FollowUps(FollowUpRows rows, FollowUpPlanner planner, AftercareRulebook rulebook, WorkOrders orders,
			PropertyDirectory property, ApplicationEventPublisher events, Clock clock, SuxiuProperties properties) {
		this.rows = rows;
		this.planner = planner;
		this.rulebook = rulebook;
		this.orders = orders;
		this.property = property;
		this.events = events;
		this.clock = clock;
		this.zone = properties.zone();
	}

	/**
	 * One page of follow-ups of the projects the person serves (or of one of them), by
	 * due time, earliest first.
	 * @param due only those due by the end of this day, or all when {@code null}
	 * @param status DUE when {@code null}
	 */
	@Transactional(readOnly = true)
	public Page list(Actor actor, String projectCode, LocalDate due, FollowUpStatus status, int page, int size) {
		if (!actor.isStaff() || actor.tenantId() == null || !READERS.contains(actor.role())) {
			throw new Forbidden("the follow-up list is for agents, supervisors and managers");
		}
		if (page < 0) {
			throw new InvalidInput("page", "0 or more");
		}
		if (size < 1 || size > 100) {
			throw new InvalidInput("size", "from 1 to 100");
		}
		Set<Long> projects = actor.projectIds();
		if (projectCode != null && !projectCode.isBlank()) {
			Project project = property.project(projectCode)
				.filter(p -> actor.serves(p.tenantId(), p.id()))
				.orElseThrow(() -> new NotFound("Project", projectCode));
			projects = Set.of(project.id());
		}
		Instant dueBefore = due == null ? null : due.plusDays(1).atStartOfDay(zone).toInstant();
		FollowUpStatus wanted = status == null ? FollowUpStatus.DUE : status;
		// one read of the rules per project on the page, not per row
		java.util.Map<Long, Integer> tries = new java.util.HashMap<>();
		List<FollowUpView> items = rows.page(actor.tenantId(), projects, wanted, dueBefore, page, size)
			.stream()
			.map(row -> view(row, actor, tries.computeIfAbsent(row.projectId(), id -> rulebook.rules(id).maxTries())))
			.toList();
		return new Page(items, page, size, rows.count(actor.tenantId(), projects, wanted, dueBefore));
	}

	/**
	 * The order's follow-up; 404 when the person may not see the order or it has none.
	 */
	@Transactional(readOnly = true)
	public FollowUpView get(Actor actor, String number) {
		requireReader(actor, number);
		return rows.find(number).map(row -> view(row, actor)).orElseThrow(() -> new NotFound("Follow-up", number));
	}

	/**
	 * Records a call by an agent.
	 * @throws ConcurrentChange when {@code version} is not the current one
	 * @throws IllegalTransition when the follow-up is finished or the order is not
	 * accepted
	 */
	@Transactional
	public FollowUpView record(Actor actor, String number, Call call) {
		requireReader(actor, number);
		if (!actor.is(Role.AGENT)) {
			throw new Forbidden("follow-up calls are made by agents");
		}
		if (call.outcome() == null) {
			throw new InvalidInput("outcome", "SATISFIED, UNSATISFIED or NOT_REACHED");
		}
		String reason = text("reason", call.reason());
		String note = text("note", call.note());
		if (call.outcome() == FollowUpOutcome.UNSATISFIED && reason == null) {
			throw new InvalidInput("reason", "is required when the owner is unsatisfied");
		}
		OrderFacts order = orders.facts(number).orElseThrow(() -> new WorkOrderNotFound(number));
		FollowUpRows.Row row = rows.lock(number).orElseGet(() -> {
			if (order.status() != Status.ACCEPTED) {
				throw new IllegalTransition(number, "follow-up", order.status());
			}
			planner.plan(number, null, now());
			return rows.lock(number).orElseThrow(() -> new WorkOrderNotFound(number));
		});
		if (call.version() != null && call.version() != row.version()) {
			throw new ConcurrentChange("Follow-up of " + number);
		}
		if (row.status() != FollowUpStatus.DUE && row.status() != FollowUpStatus.NO_CALL) {
			throw new IllegalTransition(number, "follow-up", order.status());
		}
		Instant now = now();
		int attempt = row.attempts() + 1;
		boolean closed = true;
		switch (call.outcome()) {
			case SATISFIED, UNSATISFIED -> {
				boolean satisfied = call.outcome() == FollowUpOutcome.SATISFIED;
				String line = satisfied ? note : reason + (note == null ? "" : "; " + note);
				orders.followUp(actor, new OrderCommand.FollowUp(number, null, satisfied, line));
				rows.finish(number, FollowUpStatus.DONE, call.outcome(), reason, note, now, actor.username(), false);
			}
			case NOT_REACHED -> {
				int tries = rulebook.rules(row.projectId()).maxTries();
				closed = attempt >= tries;
				orders.appendHistory(number, "follow-up-try", actor, "回访未接通（第" + attempt + "次，共" + tries
						+ "次） not reached (try " + attempt + " of " + tries + ")" + (note == null ? "" : ": " + note));
				if (closed) {
					if (!orders.closeWithoutCall(actor, number, "NOT_REACHED",
							tries + "次未接通，回访结束 not reached after " + tries + " tries; closed")) {
						throw new IllegalTransition(number, "follow-up", order.status());
					}
					rows.finish(number, FollowUpStatus.DONE, FollowUpOutcome.NOT_REACHED, null, note, now,
							actor.username(), true);
				}
				else {
					rows.tried(number, now, actor.username(), note);
				}
			}
		}
		events.publishEvent(
				FollowUpPlanner.recorded(row, call.outcome(), reason, attempt, closed, actor.username(), now));
		return view(rows.find(number).orElseThrow(), actor);
	}

	/** The person may see the order (404 otherwise) and read follow-ups (403). */
	private void requireReader(Actor actor, String number) {
		if (!orders.isVisibleTo(actor, number)) {
			throw new WorkOrderNotFound(number);
		}
		if (!READERS.contains(actor.role())) {
			throw new Forbidden("follow-ups are for agents, supervisors and managers");
		}
	}

	private FollowUpView view(FollowUpRows.Row row, Actor actor) {
		return view(row, actor, rulebook.rules(row.projectId()).maxTries());
	}

	private FollowUpView view(FollowUpRows.Row row, Actor actor, int maxTries) {
		String phone = actor.is(Role.AGENT) ? row.reporterPhone() : PhoneNumber.mask(row.reporterPhone());
		return new FollowUpView(row.number(), row.projectCode(), row.place(), row.grade(), row.category(),
				row.technicianId(), row.technicianName(), row.reporterName(), phone, row.rating(), at(row.acceptedAt()),
				row.reason(), row.status(), at(row.dueAt()), row.attempts(), maxTries, at(row.lastTryAt()),
				row.outcome(), row.outcomeReason(), row.note(), at(row.doneAt()), row.doneBy(), row.version());
	}

	private OffsetDateTime at(Instant instant) {
		return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private static String text(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		if (value.length() > 500) {
			throw new InvalidInput(field, "at most 500 characters");
		}
		return value.strip();
	}

	/**
	 * One call: what it found, why the owner was unsatisfied, the agent's note, and the
	 * version read.
	 */
	public record Call(FollowUpOutcome outcome, String reason, String note, Integer version) {
	}

	/** One page of follow-ups, and how many there are in all. */
	public record Page(List<FollowUpView> items, int page, int size, long total) {
	}

}

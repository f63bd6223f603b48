package org.suxiu.complaint;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suxiu.property.Project;
import org.suxiu.property.PropertyDirectory;
import org.suxiu.property.StaffMember;
import org.suxiu.shared.Actor;
import org.suxiu.shared.ConcurrentChange;
import org.suxiu.shared.Forbidden;
import org.suxiu.shared.InvalidInput;
import org.suxiu.shared.NotFound;
import org.suxiu.shared.PhoneNumber;
import org.suxiu.shared.Role;
import org.suxiu.shared.SuxiuProperties;
import org.suxiu.sla.WorkingTime;
import org.suxiu.workorder.OrderFacts;
import org.suxiu.workorder.WorkOrderNotFound;
import org.suxiu.workorder.WorkOrders;

/**
 * The complaint module's one way in, for the API, the pages and its own listeners:
 * opening a complaint, each step of it, and reading. Every step is stored with its line,
 * written into the order's history and announced as an event in one transaction.
 */
@Service
public class Complaints {

	private static final Set<Role> OPENERS = Set.of(Role.OWNER, Role.AGENT, Role.SUPERVISOR, Role.MANAGER);

	/** Roles that see the complainant's number in full: they call back. */
	private static final Set<Role> CALLERS = Set.of(Role.AGENT, Role.SUPERVISOR, Role.MANAGER);

	private final ComplaintRows rows;

	private final WorkOrders orders;

	private final PropertyDirectory property;

	private final WorkingTime workingTime;

	private final ComplaintSettings settings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ZoneId zone;

	Complaints(ComplaintRows rows, WorkOrders orders, PropertyDirectory property, WorkingTime workingTime,
			ComplaintSettings settings, ApplicationEventPublisher events, Clock clock, SuxiuProperties properties) {
		this.rows = rows;
		this.orders = orders;
		this.property = property;
		this.workingTime = workingTime;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
		this.zone = properties.zone();
	}

	/**
	 * Opens a complaint: an owner about their own order or a project where they own a
	 * home, office staff for a caller (by default the order's reporter).
	 */
	@Transactional
	public ComplaintView open(Actor actor, NewComplaint request) {
		if (!OPENERS.contains(actor.role())) {
			throw new Forbidden("complaints are opened by owners, agents, supervisors and managers");
		}
		String description = required("description", request.description(), 1000);
		ComplaintChannel channel = channel(actor, request.channel());
		Optional<OrderFacts> order = Optional.empty();
		Project project;
		if (request.number() != null && !request.number().isBlank()) {
			if (!orders.isVisibleTo(actor, request.number())) {
				throw new WorkOrderNotFound(request.number());
			}
			order = orders.facts(request.number());
			OrderFacts facts = order.orElseThrow(() -> new WorkOrderNotFound(request.number()));
			project = projectById(facts.tenantId(), facts.projectId());
			if (request.projectCode() != null && !request.projectCode().equals(project.code())) {
				throw new InvalidInput("projectCode", "the order belongs to " + project.code());
			}
		}
		else {
			project = projectFor(actor, request.projectCode());
		}
		Complaint c = new Complaint();
		c.tenantId = project.tenantId();
		c.projectId = project.id();
		c.projectCode = project.code();
		c.channel = channel;
		c.description = description;
		order.ifPresent(o -> {
			c.number = o.number();
			c.technicianId = o.assigneeId();
			c.technicianName = o.assigneeName();
			c.category = o.category();
		});
		complainant(c, actor, request.complainant(), order);
		return opened(c, actor.username(), actor.role().name(), actor);
	}

	/**
	 * An unsatisfied follow-up call opens the order's complaint, once however often it is
	 * asked.
	 * @return the complaint's id, or empty when the order has one from its follow-up
	 */
	@Transactional
	public Optional<Long> openFromFollowUp(String number, String reason, String agent) {
		OrderFacts order = orders.facts(number).orElseThrow(() -> new WorkOrderNotFound(number));
		Complaint c = new Complaint();
		c.tenantId = order.tenantId();
		c.projectId = order.projectId();
		c.projectCode = projectById(order.tenantId(), order.projectId()).code();
		c.number = number;
		c.technicianId = order.assigneeId();
		c.technicianName = order.assigneeName();
		c.category = order.category();
		c.channel = ComplaintChannel.FOLLOW_UP;
		// the channel already says it came from an unsatisfied call: the text is the
		// owner's
		c.description = reason == null || reason.isBlank() ? "回访不满意" : reason.strip();
		c.complainantName = order.reporterName();
		c.complainantPhone = order.reporterPhone();
		c.ownerId = order.reporterOwnerId() != null ? order.reporterOwnerId()
				: property.ownerIdByPhone(order.reporterPhone()).orElse(null);
		Instant now = now();
		prepare(c, agent == null ? Complaint.SYSTEM : agent, agent == null ? "SYSTEM" : Role.AGENT.name(), now);
		Optional<Long> id = rows.insert(c);
		id.ifPresent(value -> {
			c.opened();
			announce(c, null);
		});
		return id;
	}

	/** One step: assign, respond, resolve, reject or close. */
	@Transactional
	public ComplaintView act(Actor actor, long id, String action, ComplaintStep step) {
		Complaint c = visible(actor, id);
		if (step.version() != null && step.version() != c.version) {
			throw new ConcurrentChange("Complaint " + id);
		}
		Instant now = now();
		switch (action) {
			case "assign" -> {
				String who = required("supervisor", step.supervisor(), 50);
				StaffMember supervisor = property.staff(c.tenantId, who)
					.filter(s -> s.role() == Role.SUPERVISOR && s.active() && s.serves(c.projectId))
					.orElseThrow(() -> ComplaintRefused.notASupervisor(who));
				c.assign(actor, supervisor.id(), supervisor.name(), now);
			}
			case "respond" -> c.respond(actor, required("note", step.note(), 1000), now);
			case "resolve" -> c.resolve(actor,
					required("resolution", step.resolution() != null ? step.resolution() : step.note(), 1000), now);
			case "reject" -> c.reject(actor, required("reason", step.reason(), 500), now);
			case "close" -> c.close(actor, Boolean.TRUE.equals(step.ownerConfirmed()), optional(step.reason()), now);
			default -> throw new NotFound("Complaint action", action);
		}
		rows.update(c);
		announce(c, actor);
		return view(c, actor, true);
	}

	@Transactional(readOnly = true)
	public ComplaintView get(Actor actor, long id) {
		return view(visible(actor, id), actor, true);
	}

	/**
	 * The complaints the person may see, newest first: an owner's own, or those of the
	 * projects a staff member serves (one project, or one order's, when given).
	 */
	@Transactional(readOnly = true)
	public Page list(Actor actor, ComplaintStatus status, String projectCode, String number, int page, int size) {
		if (page < 0) {
			throw new InvalidInput("page", "0 or more");
		}
		if (size < 1 || size > 100) {
			throw new InvalidInput("size", "from 1 to 100");
		}
		if (actor.is(Role.TECHNICIAN)) {
			throw new Forbidden("complaints are for the office and the owners");
		}
		Long tenant = actor.isStaff() ? actor.tenantId() : null;
		Long owner = actor.is(Role.OWNER) ? actor.id() : null;
		if (tenant == null && owner == null) {
			throw new Forbidden("complaints are for the office and the owners");
		}
		Set<Long> projects = actor.isStaff() ? actor.projectIds() : Set.of();
		if (projectCode != null && !projectCode.isBlank()) {
			projects = Set.of(projectFor(actor, projectCode).id());
		}
		List<ComplaintView> items = new ArrayList<>();
		for (Complaint c : rows.page(tenant, owner, projects, status, number, page, size)) {
			items.add(view(c, actor, false));
		}
		return new Page(items, page, size, rows.count(tenant, owner, projects, status, number));
	}

	/** The order's complaints the person may see, oldest first, for the order pages. */
	@Transactional(readOnly = true)
	public List<ComplaintView> ofOrder(Actor actor, String number) {
		if (actor.is(Role.TECHNICIAN) || !orders.isVisibleTo(actor, number)) {
			return List.of();
		}
		return list(actor, null, null, number, 0, 100).items()
			.stream()
			.sorted(Comparator.comparing(ComplaintView::id))
			.toList();
	}

	/**
	 * A complaint as the system reads it (full numbers), for the notices of its events.
	 */
	@Transactional(readOnly = true)
	public Optional<ComplaintView> facts(long id) {
		return rows.find(id).map(c -> view(c, null, false));
	}

	private ComplaintView opened(Complaint c, String by, String role, Actor actor) {
		prepare(c, by, role, now());
		rows.insert(c).orElseThrow(() -> new ConcurrentChange("Complaint of " + c.number));
		c.opened();
		announce(c, actor);
		return view(c, actor, true);
	}

	/** The clocks and the supervisor in charge: the project's first active one. */
	private void prepare(Complaint c, String by, String role, Instant now) {
		c.respondBy = now.plus(settings.respondWithin());
		c.resolveBy = workingTime.plusWorkingDays(c.projectId, now, settings.resolveWorkingDays());
		property.staffOf(c.tenantId, Role.SUPERVISOR)
			.stream()
			.filter(s -> s.active() && s.serves(c.projectId))
			.min(Comparator.comparing(StaffMember::id))
			.ifPresent(s -> {
				c.supervisorId = s.id();
				c.supervisorName = s.name();
			});
		c.open(by, role, now);
	}

	/** The order's history lines of the new steps, and the events. */
	private void announce(Complaint c, Actor actor) {
		if (c.number != null) {
			for (Complaint.Step step : c.newSteps()) {
				String line = ComplaintLines.of(c, step);
				if (actor == null || !step.actor().equals(actor.username())) {
					orders.appendSystemHistory(c.number, "complaint-" + step.action(), line, null);
				}
				else {
					orders.appendHistory(c.number, "complaint-" + step.action(), actor, line);
				}
			}
		}
		c.events().forEach(events::publishEvent);
	}

	private Complaint visible(Actor actor, long id) {
		return rows.find(id)
			.filter(c -> c.isVisibleTo(actor))
			.orElseThrow(() -> new NotFound("Complaint", String.valueOf(id)));
	}

	private void complainant(Complaint c, Actor actor, ComplaintView.Person given, Optional<OrderFacts> order) {
		if (actor.is(Role.OWNER)) {
			c.ownerId = actor.id();
			c.complainantName = actor.name() == null || actor.name().isBlank() ? actor.username() : actor.name();
			c.complainantPhone = actor.username();
			return;
		}
		if (given != null && given.phone() != null && !given.phone().isBlank()) {
			if (!PhoneNumber.isValid(given.phone().strip())) {
				throw new InvalidInput("complainant.phone", "a mainland mobile number");
			}
			c.complainantPhone = given.phone().strip();
			c.complainantName = given.name() == null || given.name().isBlank() ? c.complainantPhone
					: required("complainant.name", given.name(), 50);
			c.ownerId = property.ownerIdByPhone(c.complainantPhone).orElse(null);
			return;
		}
		OrderFacts o = order.orElseThrow(
				() -> new InvalidInput("complainant", "the caller's name and phone, or the order they complain of"));
		c.complainantName = o.reporterName();
		c.complainantPhone = o.reporterPhone();
		c.ownerId = o.reporterOwnerId() != null ? o.reporterOwnerId()
				: property.ownerIdByPhone(o.reporterPhone()).orElse(null);
	}

	private ComplaintChannel channel(Actor actor, ComplaintChannel given) {
		if (given == ComplaintChannel.FOLLOW_UP) {
			throw new InvalidInput("channel", "FOLLOW_UP complaints are opened by an unsatisfied follow-up call");
		}
		if (actor.is(Role.OWNER)) {
			if (given != null && given != ComplaintChannel.APP && given != ComplaintChannel.WECHAT) {
				throw new InvalidInput("channel", "APP or WECHAT for an owner");
			}
			return given == null ? ComplaintChannel.APP : given;
		}
		return given == null ? ComplaintChannel.HOTLINE : given;
	}

	private Project projectFor(Actor actor, String code) {
		if (code == null || code.isBlank()) {
			throw new InvalidInput("projectCode", "is required without an order number");
		}
		Project project = property.project(code).orElseThrow(() -> new NotFound("Project", code));
		boolean mine = actor.is(Role.OWNER)
				? actor.tenantId() == null
						&& property.homesOf(actor.id()).stream().anyMatch(h -> h.project().id() == project.id())
				: actor.serves(project.tenantId(), project.id());
		if (!mine) {
			throw new NotFound("Project", code);
		}
		return project;
	}

	private Project projectById(long tenantId, long projectId) {
		return property.projectsOf(tenantId)
			.stream()
			.filter(p -> p.id() == projectId)
			.findFirst()
			.orElseThrow(() -> new NotFound("Project", String.valueOf(projectId)));
	}

	private ComplaintView view(Complaint c, Actor actor, boolean withSteps) {
		boolean full = actor == null || c.isComplainant(actor) || CALLERS.contains(actor.role());
		String phone = c.complainantPhone == null || full ? c.complainantPhone : PhoneNumber.mask(c.complainantPhone);
		List<String> escalated = new ArrayList<>();
		if (c.respondEscalated) {
			escalated.add("respond");
		}
		if (c.resolveEscalated) {
			escalated.add("resolve");
		}
		List<ComplaintView.StepView> steps = withSteps ? rows.steps(c.id)
			.stream()
			.map(s -> new ComplaintView.StepView(at(s.at()), s.action(), s.actor(), s.role(), s.note()))
			.toList() : null;
		return new ComplaintView(c.id, c.status, c.projectCode, c.number, c.technicianId, c.technicianName, c.category,
				c.channel, c.description, new ComplaintView.Person(c.complainantName, phone),
				c.supervisorId == null ? null : new ComplaintView.Supervisor(c.supervisorId, c.supervisorName),
				new ComplaintView.Deadlines(at(c.respondBy), at(c.resolveBy)), escalated, at(c.openedAt),
				at(c.respondedAt), c.response, at(c.resolvedAt), c.resolution, at(c.closedAt), c.closedHow,
				c.closeReason, steps, c.version);
	}

	private OffsetDateTime at(Instant instant) {
		return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private static String required(String field, String value, int max) {
		if (value == null || value.isBlank()) {
			throw new InvalidInput(field, "is required");
		}
		if (value.length() > max) {
			throw new InvalidInput(field, "at most " + max + " characters");
		}
		return value.strip();
	}

	private static String optional(String value) {
		return value == null || value.isBlank() ? null : required("reason", value, 500);
	}

	/**
	 * A complaint to open.
	 *
	 * @param number the order complained of, optional
	 * @param projectCode the project (required without an order)
	 * @param description what the owner complains of
	 * @param channel APP or WECHAT for owners; HOTLINE (default), FRONT_DESK or WECHAT
	 * for staff
	 * @param complainant the caller, for staff (default: the order's reporter)
	 */
	public record NewComplaint(String number, String projectCode, String description, ComplaintChannel channel,
			ComplaintView.Person complainant) {
	}

	/**
	 * The body of a step; each reads what it needs.
	 *
	 * @param note respond: the answer to the owner
	 * @param resolution resolve: what was done
	 * @param reason reject (the owner's), close (a manager's override)
	 * @param supervisor assign: the supervisor's id or username
	 * @param ownerConfirmed close by an agent: the owner confirmed on the call
	 * @param version the version read; another one answers 409
	 */
	public record ComplaintStep(String note, String resolution, String reason, String supervisor,
			Boolean ownerConfirmed, Integer version) {
	}

	/** One page of complaints, and how many there are in all. */
	public record Page(List<ComplaintView> items, int page, int size, long total) {
	}

}

package org.suxiu.incident.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suxiu.incident.BuildingNoticeIssued;
import org.suxiu.incident.IncidentLinked;
import org.suxiu.incident.IncidentView;
import org.suxiu.incident.Incidents;
import org.suxiu.incident.NewIncident;
import org.suxiu.incident.ProposedIncident;
import org.suxiu.property.DuplicateEntry;
import org.suxiu.property.Project;
import org.suxiu.property.PropertyDirectory;
import org.suxiu.shared.Actor;
import org.suxiu.shared.BusinessRuleViolation;
import org.suxiu.shared.Forbidden;
import org.suxiu.shared.InvalidInput;
import org.suxiu.shared.NotFound;
import org.suxiu.shared.Role;
import org.suxiu.workorder.OrderCommand;
import org.suxiu.workorder.OrderFacts;
import org.suxiu.workorder.OrderFollowers;
import org.suxiu.workorder.Status;
import org.suxiu.workorder.WorkOrderNotFound;
import org.suxiu.workorder.WorkOrders;

/**
 * Incidents: linking orders into one (each linked order closed into the lead, its
 * reporter following the lead), proposals from open orders, and building notices. The
 * module owns tables {@code incident}, {@code incident_order} and
 * {@code building_notice}.
 */
@Service
class IncidentService implements Incidents {

	private static final Set<Role> LINKERS = Set.of(Role.DISPATCHER, Role.SUPERVISOR);

	private static final Set<Role> NOTIFIERS = Set.of(Role.DISPATCHER, Role.SUPERVISOR, Role.MANAGER, Role.AGENT);

	private static final Set<Status> NOT_STARTED = EnumSet.of(Status.NEW, Status.DISPATCHED);

	private final JdbcClient jdbc;

	private final WorkOrders orders;

	private final OrderFollowers followers;

	private final PropertyDirectory directory;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Duration window;

	IncidentService(JdbcClient jdbc, WorkOrders orders, OrderFollowers followers, PropertyDirectory directory,
			ApplicationEventPublisher events, Clock clock,
			@Value("${suxiu.incidents.proposal-window:PT2H}") Duration window) {
		this.jdbc = jdbc;
		this.orders = orders;
		this.followers = followers;
		this.directory = directory;
		this.events = events;
		this.clock = clock;
		this.window = window;
	}

	@Override
	@Transactional
	public IncidentView create(Actor actor, NewIncident incident) {
		require(actor, LINKERS);
		if (incident.title() == null || incident.title().isBlank() || incident.title().length() > 60
				|| incident.title().chars().anyMatch(Character::isISOControl)) {
			throw new InvalidInput("title", "1 to 60 characters 事件名称 1–60 字");
		}
		OrderFacts lead = visible(actor, incident.leadNumber());
		if (!lead.status().isOpen() || lead.status() == Status.COMPLETED || lead.status() == Status.ACCEPTED) {
			throw new BusinessRuleViolation("incident-lead-closed", "the lead order is finished 主单已完成或已取消");
		}
		List<String> numbers = incident.numbers() == null ? List.of()
				: incident.numbers().stream().distinct().filter(n -> !n.equals(lead.number())).toList();
		if (numbers.isEmpty()) {
			throw new InvalidInput("numbers", "at least one other order 至少一张其他报修单");
		}
		Instant now = now();
		long id = jdbc.sql("""
				INSERT INTO incident (tenant_id, project_id, lead_number, title, created_by, created_at)
				VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (lead_number) DO NOTHING RETURNING id
				""")
			.params(lead.tenantId(), lead.projectId(), lead.number(), incident.title().strip(), actor.username(),
					Timestamp.from(now))
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new DuplicateEntry("Incident of order 事件主单", lead.number()));
		claim(id, lead.number(), actor, now);
		linkAll(actor, id, incident.title().strip(), lead, numbers, now);
		return read(actor, id);
	}

	@Override
	@Transactional
	public IncidentView link(Actor actor, long incidentId, String number) {
		require(actor, LINKERS);
		IncidentView incident = read(actor, incidentId);
		if (incident.closedAt() != null) {
			throw new BusinessRuleViolation("incident-closed", "the incident is closed 事件已结束");
		}
		OrderFacts lead = visible(actor, incident.leadNumber());
		linkAll(actor, incidentId, incident.title(), lead, List.of(number), now());
		return read(actor, incidentId);
	}

	private void linkAll(Actor actor, long id, String title, OrderFacts lead, List<String> numbers, Instant now) {
		List<OrderFacts> linked = new ArrayList<>();
		for (String number : numbers) {
			OrderFacts order = visible(actor, number);
			if (order.projectId() != lead.projectId()) {
				throw new InvalidInput("numbers", number + " is in another project 不在同一项目");
			}
			claim(id, number, actor, now);
			if (!NOT_STARTED.contains(order.status())) {
				throw new BusinessRuleViolation("order-in-progress",
						number + " is already being worked or closed 已在处理或已结束，不能并入");
			}
			linked.add(order);
		}
		for (OrderFacts order : linked) {
			if (order.reporterPhone() != null && !order.reporterPhone().isBlank()) {
				followers.follow(order.tenantId(), lead.number(), order.reporterName(), order.reporterPhone(),
						actor.username());
			}
			orders.cancel(actor, new OrderCommand.Cancel(order.number(), null,
					"并入事件「" + title + "」，由 " + lead.number() + " 统一处理，进度将继续通知您 · merged into one incident"));
		}
		orders.appendHistory(lead.number(), "incident", actor, "同一故障的报修已并入 merged into this incident: "
				+ String.join(", ", linked.stream().map(OrderFacts::number).toList()));
		events.publishEvent(new IncidentLinked(id, lead.tenantId(), lead.projectId(), lead.number(),
				linked.stream().map(OrderFacts::number).toList(), now));
	}

	/** An order belongs to one incident at most (a unique key). */
	private void claim(long id, String number, Actor actor, Instant now) {
		int inserted = jdbc.sql("""
				INSERT INTO incident_order (incident_id, order_number, linked_by, linked_at) VALUES (?, ?, ?, ?)
				ON CONFLICT (order_number) DO NOTHING
				""").params(id, number, actor.username(), Timestamp.from(now)).update();
		if (inserted == 0) {
			throw new DuplicateEntry("Order in an incident 已并入事件的报修单", number);
		}
	}

	@Override
	@Transactional(readOnly = true)
	public List<IncidentView> list(Actor actor, String projectCode) {
		Project project = project(actor, projectCode);
		return jdbc.sql("SELECT id FROM incident WHERE project_id = ? ORDER BY created_at DESC LIMIT 100")
			.param(project.id())
			.query(Long.class)
			.list()
			.stream()
			.map(id -> read(actor, id))
			.toList();
	}

	@Override
	@Transactional(readOnly = true)
	public IncidentView read(Actor actor, long incidentId) {
		IncidentView incident = jdbc.sql("SELECT * FROM incident WHERE id = ?")
			.param(incidentId)
			.query((rs, n) -> actor.serves(rs.getLong("tenant_id"), rs.getLong("project_id"))
					? new IncidentView(rs.getLong("id"), rs.getLong("project_id"), rs.getString("lead_number"),
							rs.getString("title"), List.of(), rs.getString("created_by"),
							rs.getTimestamp("created_at").toInstant(),
							rs.getTimestamp("closed_at") == null ? null : rs.getTimestamp("closed_at").toInstant())
					: null)
			.optional()
			.orElseThrow(() -> new NotFound("Incident", String.valueOf(incidentId)));
		List<String> linked = jdbc.sql("""
				SELECT order_number FROM incident_order WHERE incident_id = ? AND order_number <> ?
				ORDER BY linked_at, order_number
				""").params(incidentId, incident.leadNumber()).query(String.class).list();
		return new IncidentView(incident.id(), incident.projectId(), incident.leadNumber(), incident.title(), linked,
				incident.createdBy(), incident.createdAt(), incident.closedAt());
	}

	@Override
	@Transactional(readOnly = true)
	public List<ProposedIncident> proposals(Actor actor, String projectCode) {
		Project project = project(actor, projectCode);
		Instant since = now().minus(window);
		Set<String> taken = new HashSet<>(jdbc.sql("""
				SELECT o.order_number FROM incident_order o JOIN incident i ON i.id = o.incident_id
				WHERE i.project_id = ?
				""").param(project.id()).query(String.class).list());
		Map<String, List<OrderFacts>> groups = new LinkedHashMap<>();
		orders.openOrders(project.id())
			.stream()
			.filter(o -> NOT_STARTED.contains(o.status()) && !o.createdAt().isBefore(since)
					&& !taken.contains(o.number()))
			.sorted(Comparator.comparing(OrderFacts::createdAt))
			.forEach(o -> groups.computeIfAbsent(o.category() + "|" + place(o), k -> new ArrayList<>()).add(o));
		return groups.values()
			.stream()
			.filter(g -> g.size() > 1)
			.map(g -> new ProposedIncident(g.get(0).category(), place(g.get(0)),
					g.stream().map(OrderFacts::number).toList()))
			.toList();
	}

	/**
	 * Orders of one building count together; orders of a common area without one, by
	 * area.
	 */
	private static String place(OrderFacts order) {
		return order.building() != null ? order.building() + "号楼" : order.area();
	}

	@Override
	@Transactional
	public long notice(Actor actor, String projectCode, String building, String text) {
		require(actor, NOTIFIERS);
		Project project = project(actor, projectCode);
		List<InvalidInput.FieldError> errors = new ArrayList<>();
		if (building == null || directory.buildings(project.id()).stream().noneMatch(b -> b.code().equals(building))) {
			errors.add(new InvalidInput.FieldError("building", "unknown building 本项目没有该楼栋"));
		}
		if (text == null || text.isBlank() || text.length() > 300
				|| text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
			errors.add(new InvalidInput.FieldError("text", "1 to 300 characters 通知内容 1–300 字"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		Instant now = now();
		long id = jdbc.sql("""
				INSERT INTO building_notice (tenant_id, project_id, building, text, sent_by, sent_at)
				VALUES (?, ?, ?, ?, ?, ?) RETURNING id
				""")
			.params(project.tenantId(), project.id(), building, text.strip(), actor.username(), Timestamp.from(now))
			.query(Long.class)
			.single();
		events
			.publishEvent(new BuildingNoticeIssued(id, project.tenantId(), project.id(), building, text.strip(), now));
		return id;
	}

	/** Closes the incident when its lead order is completed. */
	@Transactional
	void leadCompleted(String number, Instant at) {
		jdbc.sql("UPDATE incident SET closed_at = ? WHERE lead_number = ? AND closed_at IS NULL")
			.params(Timestamp.from(at), number)
			.update();
	}

	private OrderFacts visible(Actor actor, String number) {
		if (number == null || !orders.isVisibleTo(actor, number)) {
			throw new WorkOrderNotFound(String.valueOf(number));
		}
		return orders.facts(number).orElseThrow(() -> new WorkOrderNotFound(number));
	}

	private Project project(Actor actor, String code) {
		return directory.project(code == null ? "" : code)
			.filter(p -> actor.serves(p.tenantId(), p.id()))
			.orElseThrow(() -> new NotFound("Project", code));
	}

	private static void require(Actor actor, Set<Role> roles) {
		if (!roles.contains(actor.role())) {
			throw new Forbidden("this is for " + roles);
		}
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}

package org.suxiu.workorder.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.suxiu.property.Project;
import org.suxiu.property.Site;
import org.suxiu.shared.Category;
import org.suxiu.shared.ConcurrentChange;
import org.suxiu.shared.Grade;
import org.suxiu.shared.TransactionScoped;
import org.suxiu.workorder.Appointment;
import org.suxiu.workorder.Assignee;
import org.suxiu.workorder.Channel;
import org.suxiu.workorder.GradeSource;
import org.suxiu.workorder.GradeStatusCount;
import org.suxiu.workorder.HistoryEntry;
import org.suxiu.workorder.OrderLife;
import org.suxiu.workorder.PastOrder;
import org.suxiu.workorder.Reporter;
import org.suxiu.workorder.ReworkCheck;
import org.suxiu.workorder.Status;
import org.suxiu.workorder.WorkOrders;

/**
 * Stores orders and appends their history; an update names the version it read and fails
 * if someone else wrote in between.
 */
@Repository
class WorkOrderRepository {

	private final JdbcClient jdbc;

	private final TransactionScoped<String, WorkOrder> written = new TransactionScoped<>();

	WorkOrderRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The next value of the number sequence, fetched {@value #NUMBER_BLOCK} at a time: a
	 * create does not go to the database for its number, numbers stay unique across
	 * instances, and a restart only leaves a gap.
	 */
	long nextSequence() {
		synchronized (numbers) {
			if (numbers.isEmpty()) {
				numbers.addAll(jdbc.sql("SELECT nextval('work_order_number_seq') FROM generate_series(1, ?)")
					.param(NUMBER_BLOCK)
					.query(Long.class)
					.list());
			}
			return numbers.removeFirst();
		}
	}

	static final int NUMBER_BLOCK = 32;

	private final ArrayDeque<Long> numbers = new ArrayDeque<>();

	/**
	 * The order and its first history lines in one statement. Parameters that may be null
	 * are bound with their type (see {@link #text}), so that the statement stays
	 * prepared.
	 */
	long insert(WorkOrder order) {
		Site site = order.site;
		List<HistoryEntry> history = order.newHistory();
		var statement = jdbc
			.sql("WITH o AS ("
					+ """
							INSERT INTO work_order (number, tenant_id, project_id, project_code, project_name, home_id, area_id,
							    building, unit, room, area, status, grade, grade_source, category, channel, description,
							    reporter_name, reporter_phone, reporter_owner_id, created_by, assignee_id, assignee_name,
							    assignee_phone, appointment_from, appointment_to, reported_at, created_at, updated_at, rework_of,
							    grade_uncertain, grade_explanation, asset_id, version)
							VALUES (:number, :tenant, :project, :projectCode, :projectName, :home, :area_id, :building, :unit,
							    :room, :area, :status, :grade, :gradeSource, :category, :channel, :description, :reporterName,
							    :reporterPhone, :owner, :createdBy, :assigneeId, :assigneeName, :assigneePhone, :appFrom, :appTo,
							    :reportedAt, :createdAt, :updatedAt, :reworkOf, :gradeUncertain, CAST(:gradeExplanation AS JSONB), :assetId, 0)
							RETURNING id)
							"""
					+ historyFrom("o", history) + " SELECT id FROM o")
			.param("number", order.number)
			.param("tenant", order.tenantId)
			.param("project", site.project().id())
			.param("projectCode", site.project().code())
			.param("projectName", site.project().name())
			.param("home", site.homeId(), Types.BIGINT)
			.param("area_id", site.areaId(), Types.BIGINT)
			.param("building", site.building(), Types.VARCHAR)
			.param("unit", site.unit(), Types.VARCHAR)
			.param("room", site.room(), Types.VARCHAR)
			.param("area", site.area(), Types.VARCHAR)
			.param("status", order.status.name())
			.param("grade", order.grade.name())
			.param("gradeSource", order.gradeSource.name())
			.param("category", order.category.name())
			.param("channel", order.channel.name())
			.param("description", order.description)
			.param("reporterName", order.reporter.name())
			.param("reporterPhone", order.reporter.phone())
			.param("owner", order.reporterOwnerId, Types.BIGINT)
			.param("createdBy", order.createdBy)
			.param("assigneeId", order.assignee == null ? null : order.assignee.id(), Types.BIGINT)
			.param("assigneeName", order.assignee == null ? null : order.assignee.name(), Types.VARCHAR)
			.param("assigneePhone", order.assignee == null ? null : order.assignee.phone(), Types.VARCHAR)
			.param("appFrom", order.appointment == null ? null : timestamp(order.appointment.from().toInstant()),
					Types.TIMESTAMP)
			.param("appTo", order.appointment == null ? null : timestamp(order.appointment.to().toInstant()),
					Types.TIMESTAMP)
			.param("reportedAt", timestamp(order.reportedAt))
			.param("createdAt", timestamp(order.createdAt))
			.param("updatedAt", timestamp(order.updatedAt))
			.param("reworkJudged", order.reworkJudged, Types.BOOLEAN)
			.param("reworkOf", order.reworkOf, Types.VARCHAR)
			.param("gradeUncertain", order.gradeUncertain, Types.BOOLEAN)
			.param("gradeExplanation", order.gradeExplanation, Types.VARCHAR)
			.param("assetId", order.assetId, Types.BIGINT);
		long id = historyParams(statement, history).query(Long.class).single();
		written.put(order.number, order);
		return id;
	}

	/**
	 * A data-modifying CTE that appends {@code entries} to the order the CTE named
	 * {@code source} returns, so the order's row and its history lines go in one
	 * statement (one round trip).
	 */
	private static String historyFrom(String source, List<HistoryEntry> entries) {
		if (entries.isEmpty()) {
			return "";
		}
		StringBuilder sql = new StringBuilder(", h AS (INSERT INTO work_order_history "
				+ "(order_id, at, action, actor, role, from_value, to_value, note, channel, clock) SELECT " + source
				+ ".id, v.* FROM " + source + " CROSS JOIN (VALUES ");
		for (int i = 0; i < entries.size(); i++) {
			sql.append(i == 0 ? "" : ", ").append("(CAST(:hAt").append(i).append(" AS TIMESTAMPTZ)");
			for (String column : HISTORY_TEXT) {
				sql.append(", CAST(:h").append(column).append(i).append(" AS TEXT)");
			}
			sql.append(')');
		}
		return sql.append(") AS v(at, action, actor, role, from_value, to_value, note, channel, clock))").toString();
	}

	private static final List<String> HISTORY_TEXT = List.of("Action", "Actor", "Role", "From", "To", "Note", "Channel",
			"Clock");

	private static JdbcClient.StatementSpec historyParams(JdbcClient.StatementSpec statement,
			List<HistoryEntry> entries) {
		for (int i = 0; i < entries.size(); i++) {
			HistoryEntry e = entries.get(i);
			statement = statement.param("hAt" + i, timestamp(e.at()))
				.param("hAction" + i, e.action())
				.param("hActor" + i, e.actor())
				.param("hRole" + i, e.role())
				.param("hFrom" + i, e.from(), Types.VARCHAR)
				.param("hTo" + i, e.to(), Types.VARCHAR)
				.param("hNote" + i, e.note(), Types.VARCHAR)
				.param("hChannel" + i, e.channel(), Types.VARCHAR)
				.param("hClock" + i, e.clock(), Types.VARCHAR);
		}
		return statement;
	}

	/**
	 * Writes the mutable state back if the row is still at the version the order was read
	 * at.
	 */
	void update(WorkOrder order) {
		List<HistoryEntry> history = order.newHistory();
		var statement = jdbc.sql("WITH u AS (" + """
				UPDATE work_order SET status = :status, grade = :grade, grade_source = :gradeSource,
				    grade_uncertain = :gradeUncertain,
				    assignee_id = :assigneeId, assignee_name = :assigneeName, assignee_phone = :assigneePhone,
				    appointment_from = :appFrom, appointment_to = :appTo, updated_at = :updatedAt,
				    hold_reason = :holdReason, resolution = :resolution, rating = :rating,
				    rating_comment = :ratingComment, satisfied = :satisfied, rework_number = :reworkNumber,
				    rescued_at = :rescuedAt, version = version + 1,
				    rework_of = CASE WHEN :reworkJudged THEN :reworkOf ELSE rework_of END,
				    rework_check = CASE WHEN :reworkJudged THEN :reworkCheck ELSE rework_check END
				WHERE id = :id AND version = :version
				RETURNING id)
				""" + historyFrom("u", history) + " SELECT count(*) FROM u")
			.param("status", order.status.name())
			.param("grade", order.grade.name())
			.param("gradeSource", order.gradeSource.name())
			.param("gradeUncertain", order.gradeUncertain, Types.BOOLEAN)
			.param("assigneeId", order.assignee == null ? null : order.assignee.id(), Types.BIGINT)
			.param("assigneeName", order.assignee == null ? null : order.assignee.name(), Types.VARCHAR)
			.param("assigneePhone", order.assignee == null ? null : order.assignee.phone(), Types.VARCHAR)
			.param("appFrom", order.appointment == null ? null : timestamp(order.appointment.from().toInstant()),
					Types.TIMESTAMP)
			.param("appTo", order.appointment == null ? null : timestamp(order.appointment.to().toInstant()),
					Types.TIMESTAMP)
			.param("updatedAt", timestamp(order.updatedAt))
			.param("holdReason", order.holdReason, Types.VARCHAR)
			.param("resolution", order.resolution, Types.VARCHAR)
			.param("rating", order.rating, Types.INTEGER)
			.param("ratingComment", order.ratingComment, Types.VARCHAR)
			.param("satisfied", order.satisfied, Types.BOOLEAN)
			.param("reworkNumber", order.reworkNumber, Types.VARCHAR)
			.param("rescuedAt", timestamp(order.rescuedAt), Types.TIMESTAMP)
			.param("reworkJudged", order.reworkJudged, Types.BOOLEAN)
			.param("reworkOf", order.reworkOf, Types.VARCHAR)
			.param("reworkCheck", order.reworkCheck == null ? null : order.reworkCheck.name(), Types.VARCHAR)
			.param("id", order.id)
			.param("version", order.version);
		// the history lines go in with the row, and only if the row was still at its
		// version
		long updated = historyParams(statement, history).query(Long.class).single();
		if (updated == 0) {
			throw new ConcurrentChange("Work order " + order.number);
		}
		order.version++;
		written.put(order.number, order);
	}

	/**
	 * The order as this transaction stored it, if it did: listeners within the
	 * transaction learn its state without reading it back.
	 */
	Optional<WorkOrder> writtenInThisTransaction(String number) {
		return written.get(number);
	}

	Optional<WorkOrder> find(String number) {
		return jdbc.sql("SELECT * FROM work_order WHERE number = ?").param(number).query(this::order).optional();
	}

	/**
	 * The order and its history, oldest line first, in one statement: one round trip and
	 * one snapshot for both.
	 */
	Optional<WithHistory> findWithHistory(String number) {
		List<WithHistory> rows = new ArrayList<>();
		jdbc.sql(
				"""
						SELECT o.*, h.at AS h_at, h.action AS h_action, h.actor AS h_actor, h.role AS h_role,
						    h.from_value AS h_from, h.to_value AS h_to, h.note AS h_note, h.channel AS h_channel, h.clock AS h_clock
						FROM work_order o LEFT JOIN work_order_history h ON h.order_id = o.id
						WHERE o.number = ? ORDER BY h.id
						""")
			.param(number)
			.query(rs -> {
				if (rows.isEmpty()) {
					rows.add(new WithHistory(order(rs, 0), new ArrayList<>()));
				}
				Timestamp at = rs.getTimestamp("h_at");
				if (at != null) {
					rows.get(0)
						.history()
						.add(new HistoryEntry(at.toInstant(), rs.getString("h_action"), rs.getString("h_actor"),
								rs.getString("h_role"), rs.getString("h_from"), rs.getString("h_to"),
								rs.getString("h_note"), rs.getString("h_channel"), rs.getString("h_clock")));
				}
			});
		return rows.stream().findFirst();
	}

	record WithHistory(WorkOrder order, List<HistoryEntry> history) {
	}

	/** The project's orders from NEW up to ON_HOLD, oldest first. */
	List<WorkOrder> open(long projectId) {
		return jdbc.sql("""
				SELECT * FROM work_order WHERE project_id = ?
				AND status IN ('NEW', 'DISPATCHED', 'TAKEN', 'ARRIVED', 'IN_PROGRESS', 'ON_HOLD')
				ORDER BY created_at, id
				""").param(projectId).query(this::order).list();
	}

	List<HistoryEntry> history(long orderId) {
		return jdbc.sql("""
				SELECT at, action, actor, role, from_value, to_value, note, channel, clock
				FROM work_order_history WHERE order_id = ? ORDER BY id
				""")
			.param(orderId)
			.query((rs, n) -> new HistoryEntry(rs.getTimestamp("at").toInstant(), rs.getString("action"),
					rs.getString("actor"), rs.getString("role"), rs.getString("from_value"), rs.getString("to_value"),
					rs.getString("note"), rs.getString("channel"), rs.getString("clock")))
			.list();
	}

	/**
	 * One page of the orders matching {@code filter}, newest first, and how many match in
	 * all. With a cursor the page starts after it (keyset: an index range, however deep);
	 * without one at {@code page * size}. The total is counted exactly up to
	 * {@link WorkOrders.ListPage#EXACT_TOTAL_UP_TO}; beyond that the planner's estimate
	 * stands in, since an exact count reads every matching row.
	 */
	Page page(WorkOrderFilter filter, ListCursor after, int page, int size) {
		StringBuilder where = new StringBuilder(" WHERE TRUE");
		List<Object> params = new ArrayList<>();
		filter.appendTo(where, params);
		long offset = after == null ? (long) page * size : 0;
		List<WorkOrder> rows = rows(filter, where, params, after, offset, size);
		boolean more = rows.size() > size;
		List<WorkOrder> items = more ? rows.subList(0, size) : rows;
		ListCursor next = more ? ListCursor.of(items.get(items.size() - 1)) : null;
		if (after == null && !more && (page == 0 || !items.isEmpty())) {
			// the last page tells the total without counting
			return new Page(items, offset + items.size(), false, next);
		}
		List<Object> countParams = new ArrayList<>(params);
		countParams.add(WorkOrders.ListPage.EXACT_TOTAL_UP_TO + 1);
		long bounded = jdbc.sql("SELECT count(*) FROM (SELECT 1 FROM work_order" + where + " LIMIT ?) AS matching")
			.params(countParams)
			.query(Long.class)
			.single();
		if (bounded <= WorkOrders.ListPage.EXACT_TOTAL_UP_TO) {
			return new Page(items, bounded, false, next);
		}
		String plan = jdbc.sql("EXPLAIN SELECT 1 FROM work_order" + where)
			.params(params)
			.query(String.class)
			.list()
			.get(0);
		Matcher rows_ = ESTIMATED_ROWS.matcher(plan);
		long estimate = rows_.find() ? Long.parseLong(rows_.group(1)) : bounded;
		return new Page(items, Math.max(estimate, bounded), true, next);
	}

	/**
	 * One page's rows, newest first, each way of asking read as an index range in the
	 * list's order: {@code status = ANY(…)} in one scan cannot keep that order, so
	 * PostgreSQL would either sort every match or walk the tenant's newest orders
	 * skipping the other statuses — 26,000 of them for the agent's follow-ups behind a
	 * day of new orders, 31,000 for a technician's open jobs at a million orders (issue
	 * 19).
	 */
	private List<WorkOrder> rows(WorkOrderFilter filter, StringBuilder where, List<Object> params, ListCursor after,
			long offset, int size) {
		Set<Status> statuses = filter.statuses().isEmpty() ? Set.of() : EnumSet.copyOf(filter.statuses());
		if (statuses.isEmpty()) {
			return pageOf(where, params, after, offset, size);
		}
		StringBuilder butStatus = new StringBuilder(" WHERE TRUE");
		List<Object> butStatusParams = new ArrayList<>();
		filter.appendAllButStatusTo(butStatus, butStatusParams);
		if (statuses.size() == 1) {
			// (…, status, created_at, id): the newest of the one status first
			butStatus.append(" AND status = ?");
			butStatusParams.add(statuses.iterator().next().name());
			return pageOf(butStatus, butStatusParams, after, offset, size);
		}
		if (statuses.equals(ACTIVE) && filter.mentionsProject()) {
			// the dispatcher's open orders of a project: the partial index of exactly
			// these statuses, which the planner uses only when it sees them written out
			butStatus.append(" AND status IN ").append(ACTIVE_LIST);
			return pageOf(butStatus, butStatusParams, after, offset, size);
		}
		return pageMerged(statuses, butStatus, butStatusParams, after, offset, size);
	}

	/** The statuses of the partial index {@code work_order_open_by_project}. */
	private static final Set<Status> ACTIVE = EnumSet.of(Status.NEW, Status.DISPATCHED, Status.TAKEN, Status.ARRIVED,
			Status.IN_PROGRESS, Status.ON_HOLD);

	private static final String ACTIVE_LIST = "('NEW', 'DISPATCHED', 'TAKEN', 'ARRIVED', 'IN_PROGRESS', 'ON_HOLD')";

	private List<WorkOrder> pageOf(StringBuilder where, List<Object> params, ListCursor after, long offset, int size) {
		StringBuilder pageWhere = new StringBuilder(where);
		List<Object> pageParams = new ArrayList<>(params);
		appendCursor(pageWhere, pageParams, after);
		pageParams.add(size + 1);
		pageParams.add(offset);
		return jdbc.sql("SELECT * FROM work_order" + pageWhere + " ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?")
			.params(pageParams)
			.query(this::order)
			.list();
	}

	/**
	 * Several statuses: the newest rows of each status (one index range each: tenant,
	 * project or technician, then status), merged.
	 */
	private List<WorkOrder> pageMerged(Set<Status> statuses, StringBuilder butStatus, List<Object> butStatusParams,
			ListCursor after, long offset, int size) {
		StringBuilder where = new StringBuilder(butStatus).append(" AND status = s.status");
		List<Object> params = new ArrayList<>();
		params.add(statuses.stream().map(Enum::name).toArray(String[]::new));
		params.addAll(butStatusParams);
		appendCursor(where, params, after);
		params.add(offset + size + 1);
		params.add(size + 1);
		params.add(offset);
		return jdbc
			.sql("SELECT w.* FROM unnest(CAST(? AS TEXT[])) AS s(status) CROSS JOIN LATERAL (SELECT * FROM work_order"
					+ where + " ORDER BY created_at DESC, id DESC LIMIT ?) AS w"
					+ " ORDER BY w.created_at DESC, w.id DESC LIMIT ? OFFSET ?")
			.params(params)
			.query(this::order)
			.list();
	}

	private static void appendCursor(StringBuilder where, List<Object> params, ListCursor after) {
		if (after != null) {
			where.append(" AND (created_at, id) < (?, ?)");
			params.add(Timestamp.from(after.createdAt()));
			params.add(after.id());
		}
	}

	/**
	 * Every order the filter lets through, newest first, fetched from a cursor
	 * {@code batch} at a time and handed on in batches of that size (in the caller's
	 * transaction: PostgreSQL keeps a cursor open only inside one).
	 */
	void stream(WorkOrderFilter filter, int batch, java.util.function.Consumer<List<WorkOrder>> each) {
		StringBuilder where = new StringBuilder(" WHERE TRUE");
		List<Object> params = new ArrayList<>();
		filter.appendTo(where, params);
		List<WorkOrder> pending = new ArrayList<>(batch);
		try (java.util.stream.Stream<WorkOrder> rows = jdbc
			.sql("SELECT * FROM work_order" + where + " ORDER BY created_at DESC, id DESC")
			.withFetchSize(batch)
			.params(params)
			.query(this::order)
			.stream()) {
			rows.forEach(order -> {
				pending.add(order);
				if (pending.size() == batch) {
					each.accept(List.copyOf(pending));
					pending.clear();
				}
			});
		}
		if (!pending.isEmpty()) {
			each.accept(List.copyOf(pending));
		}
	}

	private static final Pattern ESTIMATED_ROWS = Pattern.compile("rows=(\\d+)");

	record Page(List<WorkOrder> items, long total, boolean totalIsEstimate, ListCursor next) {
	}

	/**
	 * How many orders of a project were created from {@code from} until {@code to}, by
	 * grade and status.
	 */
	List<GradeStatusCount> counts(long projectId, Instant from, Instant to) {
		return jdbc.sql("""
				SELECT grade, status, count(*) AS n FROM work_order
				WHERE project_id = ? AND created_at >= ? AND created_at < ?
				GROUP BY grade, status ORDER BY grade, status
				""")
			.params(projectId, Timestamp.from(from), Timestamp.from(to))
			.query((rs, n) -> new GradeStatusCount(Grade.valueOf(rs.getString("grade")),
					Status.valueOf(rs.getString("status")), rs.getLong("n")))
			.list();
	}

	/**
	 * Orders still open at the same place (home or common area) in the same category,
	 * created since {@code since}, newest first.
	 */
	List<WorkOrder> openAt(long projectId, Long homeId, Long areaId, Category category, Instant since) {
		return jdbc.sql("""
				SELECT * FROM work_order
				WHERE project_id = ? AND home_id IS NOT DISTINCT FROM ? AND area_id IS NOT DISTINCT FROM ?
				  AND category = ? AND created_at >= ? AND status NOT IN ('CLOSED', 'CANCELLED')
				ORDER BY created_at DESC, id DESC LIMIT 10
				""")
			.params(projectId, homeId, areaId, category.name(), Timestamp.from(since))
			.query(this::order)
			.list();
	}

	private void appendHistory(long orderId, List<HistoryEntry> entries) {
		for (HistoryEntry entry : entries) {
			jdbc.sql(
					"""
							INSERT INTO work_order_history (order_id, at, action, actor, role, from_value, to_value, note, channel, clock)
							VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
							""")
				.params(orderId, timestamp(entry.at()), entry.action(), entry.actor(), entry.role(), text(entry.from()),
						text(entry.to()), text(entry.note()), text(entry.channel()), text(entry.clock()))
				.update();
		}
	}

	/**
	 * Appends a line that is not a state change (an SLA warning, say) without touching
	 * the version.
	 */
	boolean appendHistory(String number, HistoryEntry entry) {
		Optional<Long> id = jdbc.sql("SELECT id FROM work_order WHERE number = ?")
			.param(number)
			.query(Long.class)
			.optional();
		id.ifPresent(orderId -> appendHistory(orderId, List.of(entry)));
		return id.isPresent();
	}

	private WorkOrder order(ResultSet rs, int row) throws SQLException {
		Project project = new Project(rs.getLong("project_id"), rs.getLong("tenant_id"), rs.getString("project_code"),
				rs.getString("project_name"));
		Site site = new Site(project, (Long) rs.getObject("home_id"), (Long) rs.getObject("area_id"),
				rs.getString("building"), rs.getString("unit"), rs.getString("room"), rs.getString("area"));
		WorkOrder order = new WorkOrder(rs.getLong("id"), rs.getString("number"), rs.getLong("tenant_id"), site,
				Category.valueOf(rs.getString("category")), Channel.valueOf(rs.getString("channel")),
				rs.getString("description"),
				new Reporter(rs.getString("reporter_name"), rs.getString("reporter_phone")),
				(Long) rs.getObject("reporter_owner_id"), rs.getString("created_by"), instant(rs, "reported_at"),
				instant(rs, "created_at"), rs.getString("rework_of"), rs.getInt("version"));
		order.status = Status.valueOf(rs.getString("status"));
		order.grade = Grade.valueOf(rs.getString("grade"));
		order.gradeSource = GradeSource.valueOf(rs.getString("grade_source"));
		order.gradeUncertain = rs.getBoolean("grade_uncertain");
		order.gradeExplanation = rs.getString("grade_explanation");
		long assigneeId = rs.getLong("assignee_id");
		order.assignee = rs.wasNull() ? null
				: new Assignee(assigneeId, rs.getString("assignee_name"), rs.getString("assignee_phone"));
		Instant from = instant(rs, "appointment_from");
		order.appointment = from == null ? null : new Appointment(from.atOffset(ZoneOffset.UTC),
				instant(rs, "appointment_to").atOffset(ZoneOffset.UTC));
		order.updatedAt = instant(rs, "updated_at");
		order.holdReason = rs.getString("hold_reason");
		order.resolution = rs.getString("resolution");
		int rating = rs.getInt("rating");
		order.rating = rs.wasNull() ? null : rating;
		order.ratingComment = rs.getString("rating_comment");
		boolean satisfied = rs.getBoolean("satisfied");
		order.satisfied = rs.wasNull() ? null : satisfied;
		order.reworkNumber = rs.getString("rework_number");
		order.rescuedAt = instant(rs, "rescued_at");
		String reworkCheck = rs.getString("rework_check");
		order.reworkCheck = reworkCheck == null ? null : ReworkCheck.valueOf(reworkCheck);
		order.assetId = (Long) rs.getObject("asset_id");
		return order;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	/**
	 * Text that may be null, bound as text either way: a null bound untyped changes the
	 * statement's parameter types, so the driver prepares it anew and PostgreSQL plans it
	 * again on every call whose nulls differ from the last (issue 19: the order's insert
	 * was planned on 91 % of its calls, 0.1 ms each).
	 */
	private static SqlParameterValue text(String value) {
		return new SqlParameterValue(Types.VARCHAR, value);
	}

	private static Timestamp timestamp(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	List<WorkOrder> waiting(long projectId) {
		return jdbc
			.sql("SELECT * FROM work_order WHERE project_id = ? AND status = 'NEW' ORDER BY reported_at, id LIMIT 500")
			.param(projectId)
			.query(this::order)
			.list();
	}

	int waitingEmergencies(long projectId, java.util.Collection<String> besides) {
		return jdbc.sql("""
				SELECT count(*) FROM work_order
				WHERE project_id = ? AND status = 'NEW' AND grade = 'L1' AND number <> ALL (?)
				""").params(projectId, besides.toArray(String[]::new)).query(Integer.class).single();
	}

	List<PastOrder> reportedBetween(long projectId, Instant from, Instant to) {
		return reportedBetween(projectId, from, to, "");
	}

	/** The lift emergencies (L1 ELEVATOR) reported in the period, rescued or not. */
	List<PastOrder> entrapmentsReportedBetween(long projectId, Instant from, Instant to) {
		return reportedBetween(projectId, from, to, " AND o.grade = 'L1' AND o.category = 'ELEVATOR'");
	}

	/** The latest 200 orders naming the asset, newest first. */
	List<PastOrder> ofAsset(long assetId) {
		return past("WHERE o.asset_id = ? AND o.status <> 'CANCELLED' ORDER BY o.reported_at DESC, o.id DESC LIMIT 200",
				assetId);
	}

	private List<PastOrder> reportedBetween(long projectId, Instant from, Instant to, String only) {
		return past("WHERE o.project_id = ? AND o.reported_at >= ? AND o.reported_at < ? AND o.status <> 'CANCELLED'"
				+ only + " ORDER BY o.reported_at, o.id", projectId, Timestamp.from(from), Timestamp.from(to));
	}

	private List<PastOrder> past(String whereAndOrder, Object... params) {
		return jdbc
			.sql("""
					SELECT o.number, o.grade, o.category, o.building, o.area, o.reported_at, o.appointment_from,
					       o.appointment_to, o.status, o.rescued_at,
					       (SELECT min(h.at) FROM work_order_history h WHERE h.order_id = o.id AND h.action = 'take') AS taken,
					       (SELECT min(h.at) FROM work_order_history h WHERE h.order_id = o.id AND h.action = 'arrive') AS arrived,
					       (SELECT min(h.at) FROM work_order_history h WHERE h.order_id = o.id AND h.action = 'start') AS started,
					       (SELECT max(h.at) FROM work_order_history h WHERE h.order_id = o.id AND h.action = 'complete') AS completed
					FROM work_order o
					"""
					+ whereAndOrder)
			.params(params)
			.query((rs, n) -> new PastOrder(rs.getString("number"), Grade.valueOf(rs.getString("grade")),
					Category.valueOf(rs.getString("category")), rs.getString("building"), rs.getString("area"),
					instant(rs, "reported_at"), instant(rs, "appointment_from"), instant(rs, "appointment_to"),
					instant(rs, "arrived"), instant(rs, "started"), instant(rs, "completed"),
					Status.valueOf(rs.getString("status")), instant(rs, "taken"), instant(rs, "rescued_at")))
			.list();
	}

	private static String place(ResultSet rs) throws SQLException {
		String area = rs.getString("area");
		if (area != null) {
			return area;
		}
		String building = rs.getString("building");
		String unit = rs.getString("unit");
		String room = rs.getString("room");
		return building == null ? null : building + (unit == null ? "" : "-" + unit) + (room == null ? "" : "-" + room);
	}

	/** The columns of an order's life: its row and its milestones from its history. */
	private static final String LIFE = """
			SELECT o.number, o.tenant_id, o.project_id, o.grade, o.category, o.channel, o.status, o.reported_at,
			       o.assignee_id, o.assignee_name, o.rating, o.satisfied, o.rework_of, o.rework_number, o.building, o.unit, o.room, o.area,
			       o.rework_check,
			       (o.rework_number IS NOT NULL OR EXISTS (SELECT 1 FROM work_order r WHERE r.rework_of = o.number
			           AND (r.rework_check IS NULL OR r.rework_check = 'CONFIRMED'))) AS reworked,
			       h.dispatched, h.taken, h.arrived, h.completed, h.holds
			FROM work_order o
			LEFT JOIN LATERAL (
			    SELECT min(at) FILTER (WHERE action IN ('dispatch', 'grab')) AS dispatched,
			           min(at) FILTER (WHERE action IN ('take', 'grab')) AS taken,
			           min(at) FILTER (WHERE action = 'arrive') AS arrived,
			           max(at) FILTER (WHERE action = 'complete') AS completed,
			           array_agg(CASE action WHEN 'hold' THEN coalesce(note, '')
			                                 WHEN 'await-owner' THEN 'WAITING_OWNER' ELSE 'PREEMPTED' END
			                     ORDER BY at, id) FILTER (WHERE action IN ('hold', 'await-owner', 'interrupt')) AS holds
			    FROM work_order_history hh WHERE hh.order_id = o.id) h ON TRUE
			""";

	/**
	 * Orders' lives in figures: the order's row with its milestones from its history, in
	 * order of number after {@code afterNumber} (all when {@code null}), or the one order
	 * {@code only}.
	 */
	List<OrderLife> lives(String afterNumber, String only, int size) {
		if (only != null) {
			return livesOf(List.of(only));
		}
		return jdbc.sql(LIFE + """
				WHERE (CAST(:after AS TEXT) IS NULL OR o.number > :after)
				ORDER BY o.number
				LIMIT :size
				""").param("after", afterNumber).param("size", size).query(WorkOrderRepository::life).list();
	}

	/**
	 * The lives of these orders (those that exist), in order of number, in one statement
	 * whatever their count.
	 */
	List<OrderLife> livesOf(java.util.Collection<String> numbers) {
		if (numbers.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(LIFE + " WHERE o.number = ANY(?) ORDER BY o.number")
			.param(numbers.toArray(String[]::new))
			.query(WorkOrderRepository::life)
			.list();
	}

	private static OrderLife life(ResultSet rs, int n) throws SQLException {
		int rating = rs.getInt("rating");
		Integer ratingOrNull = rs.wasNull() ? null : rating;
		boolean satisfied = rs.getBoolean("satisfied");
		Boolean satisfiedOrNull = rs.wasNull() ? null : satisfied;
		java.sql.Array holds = rs.getArray("holds");
		List<String> holdReasons = holds == null ? List.of() : List.of((String[]) holds.getArray());
		return new OrderLife(rs.getString("number"), rs.getLong("tenant_id"), rs.getLong("project_id"),
				Grade.valueOf(rs.getString("grade")), Category.valueOf(rs.getString("category")),
				Channel.valueOf(rs.getString("channel")), Status.valueOf(rs.getString("status")),
				instant(rs, "reported_at"), instant(rs, "dispatched"), instant(rs, "taken"), instant(rs, "arrived"),
				instant(rs, "completed"), (Long) rs.getObject("assignee_id"), rs.getString("assignee_name"),
				ratingOrNull, satisfiedOrNull, rs.getString("rework_of"), rs.getString("rework_number"), holdReasons,
				place(rs),
				rs.getString("rework_check") == null ? null : ReworkCheck.valueOf(rs.getString("rework_check")),
				rs.getBoolean("reworked"));
	}

}

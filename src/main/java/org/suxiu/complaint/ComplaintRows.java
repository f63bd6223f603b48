package org.suxiu.complaint;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.suxiu.shared.Category;
import org.suxiu.shared.ConcurrentChange;

/** The complaint tables: the record, its steps and its two timers. */
@Component
class ComplaintRows {

	private final JdbcClient jdbc;

	ComplaintRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Stores a new complaint with its first step and timers; empty when a follow-up's
	 * complaint exists already.
	 */
	Optional<Long> insert(Complaint c) {
		Optional<Long> id = jdbc
			.sql("""
					INSERT INTO complaint (tenant_id, project_id, project_code, order_number, technician_id, technician_name,
					    category, owner_id, complainant_name, complainant_phone, channel, description, status, supervisor_id,
					    supervisor_name, opened_at, opened_by, respond_by, resolve_by)
					VALUES (:tenant, :project, :code, :number, :technician, :technicianName, :category, :owner, :name, :phone,
					    :channel, :description, :status, :supervisor, :supervisorName, :openedAt, :openedBy, :respondBy,
					    :resolveBy)
					ON CONFLICT (order_number) WHERE channel = 'FOLLOW_UP' DO NOTHING
					RETURNING id
					""")
			.param("tenant", c.tenantId)
			.param("project", c.projectId)
			.param("code", c.projectCode)
			.param("number", c.number)
			.param("technician", c.technicianId)
			.param("technicianName", c.technicianName)
			.param("category", c.category == null ? null : c.category.name())
			.param("owner", c.ownerId)
			.param("name", c.complainantName)
			.param("phone", c.complainantPhone)
			.param("channel", c.channel.name())
			.param("description", c.description)
			.param("status", c.status.name())
			.param("supervisor", c.supervisorId)
			.param("supervisorName", c.supervisorName)
			.param("openedAt", Timestamp.from(c.openedAt))
			.param("openedBy", c.openedBy)
			.param("respondBy", Timestamp.from(c.respondBy))
			.param("resolveBy", Timestamp.from(c.resolveBy))
			.query(Long.class)
			.optional();
		id.ifPresent(value -> {
			c.id = value;
			steps(c);
			jdbc.sql(
					"INSERT INTO complaint_timer (complaint_id, clock, due_at) VALUES (?, 'RESPOND', ?), (?, 'RESOLVE', ?)")
				.params(value, Timestamp.from(c.respondBy), value, Timestamp.from(c.resolveBy))
				.update();
		});
		return id;
	}

	Optional<Complaint> find(long id) {
		return jdbc.sql("SELECT * FROM complaint WHERE id = ?").param(id).query(ComplaintRows::complaint).optional();
	}

	/**
	 * Writes the complaint back if it is still at the version read, with its new steps; a
	 * step taken stops its clock.
	 */
	void update(Complaint c) {
		int updated = jdbc.sql("""
				UPDATE complaint SET status = :status, supervisor_id = :supervisor, supervisor_name = :supervisorName,
				    responded_at = :respondedAt, response = :response, resolved_at = :resolvedAt,
				    resolution = :resolution, closed_at = :closedAt, closed_how = :closedHow,
				    close_reason = :closeReason, respond_escalated = :respondEscalated,
				    resolve_escalated = :resolveEscalated, version = version + 1
				WHERE id = :id AND version = :version
				""")
			.param("status", c.status.name())
			.param("supervisor", c.supervisorId)
			.param("supervisorName", c.supervisorName)
			.param("respondedAt", timestamp(c.respondedAt))
			.param("response", c.response)
			.param("resolvedAt", timestamp(c.resolvedAt))
			.param("resolution", c.resolution)
			.param("closedAt", timestamp(c.closedAt))
			.param("closedHow", c.closedHow == null ? null : c.closedHow.name())
			.param("closeReason", c.closeReason)
			.param("respondEscalated", c.respondEscalated)
			.param("resolveEscalated", c.resolveEscalated)
			.param("id", c.id)
			.param("version", c.version)
			.update();
		if (updated == 0) {
			throw new ConcurrentChange("Complaint " + c.id);
		}
		c.version++;
		steps(c);
	}

	List<Complaint.Step> steps(long id) {
		return jdbc.sql("SELECT at, action, actor, role, note FROM complaint_step WHERE complaint_id = ? ORDER BY id")
			.param(id)
			.query((rs, n) -> new Complaint.Step(rs.getTimestamp("at").toInstant(), rs.getString("action"),
					rs.getString("actor"), rs.getString("role"), rs.getString("note")))
			.list();
	}

	/**
	 * A page of complaints, newest first.
	 * @param ownerId an owner's own, or {@code null} for staff
	 * @param projects the projects to include; empty for all of the tenant's
	 */
	List<Complaint> page(Long tenantId, Long ownerId, Set<Long> projects, ComplaintStatus status, String number,
			int page, int size) {
		StringBuilder sql = new StringBuilder("SELECT * FROM complaint WHERE TRUE");
		List<Object> params = new ArrayList<>();
		filter(sql, params, tenantId, ownerId, projects, status, number);
		sql.append(" ORDER BY opened_at DESC, id DESC LIMIT ? OFFSET ?");
		params.add(size);
		params.add((long) page * size);
		return jdbc.sql(sql.toString()).params(params).query(ComplaintRows::complaint).list();
	}

	long count(Long tenantId, Long ownerId, Set<Long> projects, ComplaintStatus status, String number) {
		StringBuilder sql = new StringBuilder("SELECT count(*) FROM complaint WHERE TRUE");
		List<Object> params = new ArrayList<>();
		filter(sql, params, tenantId, ownerId, projects, status, number);
		return jdbc.sql(sql.toString()).params(params).query(Long.class).single();
	}

	private static void filter(StringBuilder sql, List<Object> params, Long tenantId, Long ownerId, Set<Long> projects,
			ComplaintStatus status, String number) {
		if (tenantId != null) {
			sql.append(" AND tenant_id = ?");
			params.add(tenantId);
		}
		if (ownerId != null) {
			sql.append(" AND owner_id = ?");
			params.add(ownerId);
		}
		if (!projects.isEmpty()) {
			sql.append(" AND project_id = ANY (?)");
			params.add(projects.toArray(Long[]::new));
		}
		if (status != null) {
			sql.append(" AND status = ?");
			params.add(status.name());
		}
		if (number != null) {
			sql.append(" AND order_number = ?");
			params.add(number);
		}
	}

	/** Claims one due timer, locked until the transaction ends. */
	Optional<Due> claimDue(Instant now) {
		return jdbc.sql("""
				SELECT complaint_id, clock FROM complaint_timer WHERE fired_at IS NULL AND due_at <= ?
				ORDER BY due_at LIMIT 1 FOR UPDATE SKIP LOCKED
				""").param(Timestamp.from(now)).query((rs, n) -> new Due(rs.getLong(1), rs.getString(2))).optional();
	}

	void fired(Due due, Instant now) {
		jdbc.sql("UPDATE complaint_timer SET fired_at = ? WHERE complaint_id = ? AND clock = ?")
			.params(Timestamp.from(now), due.complaintId(), due.clock())
			.update();
	}

	/** A due timer: the complaint and its clock ({@code RESPOND}, {@code RESOLVE}). */
	record Due(long complaintId, String clock) {
	}

	private void steps(Complaint c) {
		for (Complaint.Step step : c.newSteps()) {
			jdbc.sql(
					"INSERT INTO complaint_step (complaint_id, at, action, actor, role, note) VALUES (?, ?, ?, ?, ?, ?)")
				.params(c.id, Timestamp.from(step.at()), step.action(), step.actor(), step.role(), step.note())
				.update();
		}
	}

	private static Complaint complaint(ResultSet rs, int n) throws SQLException {
		Complaint c = new Complaint();
		c.id = rs.getLong("id");
		c.tenantId = rs.getLong("tenant_id");
		c.projectId = rs.getLong("project_id");
		c.projectCode = rs.getString("project_code");
		c.number = rs.getString("order_number");
		c.technicianId = (Long) rs.getObject("technician_id");
		c.technicianName = rs.getString("technician_name");
		String category = rs.getString("category");
		c.category = category == null ? null : Category.valueOf(category);
		c.ownerId = (Long) rs.getObject("owner_id");
		c.complainantName = rs.getString("complainant_name");
		c.complainantPhone = rs.getString("complainant_phone");
		c.channel = ComplaintChannel.valueOf(rs.getString("channel"));
		c.description = rs.getString("description");
		c.status = ComplaintStatus.valueOf(rs.getString("status"));
		c.supervisorId = (Long) rs.getObject("supervisor_id");
		c.supervisorName = rs.getString("supervisor_name");
		c.openedAt = instant(rs, "opened_at");
		c.openedBy = rs.getString("opened_by");
		c.respondBy = instant(rs, "respond_by");
		c.resolveBy = instant(rs, "resolve_by");
		c.respondedAt = instant(rs, "responded_at");
		c.response = rs.getString("response");
		c.resolvedAt = instant(rs, "resolved_at");
		c.resolution = rs.getString("resolution");
		c.closedAt = instant(rs, "closed_at");
		String how = rs.getString("closed_how");
		c.closedHow = how == null ? null : ClosedHow.valueOf(how);
		c.closeReason = rs.getString("close_reason");
		c.respondEscalated = rs.getBoolean("respond_escalated");
		c.resolveEscalated = rs.getBoolean("resolve_escalated");
		c.version = rs.getInt("version");
		return c;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	private static Timestamp timestamp(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

}

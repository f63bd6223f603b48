package org.suxiu.analytics.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.suxiu.analytics.Scorecards;

/** Supervisors' remarks on technicians' months ({@code analytics_remark}). */
@Repository
class Remarks {

	private final JdbcClient jdbc;

	Remarks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Map<Long, Scorecards.Remark> of(long projectId, YearMonth month) {
		Map<Long, Scorecards.Remark> remarks = new HashMap<>();
		jdbc.sql("SELECT technician_id, remark, written_by, written_at FROM analytics_remark "
				+ "WHERE project_id = ? AND month = ?")
			.params(projectId, Date.valueOf(month.atDay(1)))
			.query(rs -> {
				remarks.put(rs.getLong("technician_id"), new Scorecards.Remark(rs.getString("remark"),
						rs.getString("written_by"), rs.getTimestamp("written_at").toInstant()));
			});
		return remarks;
	}

	void write(long tenantId, long projectId, YearMonth month, long technicianId, String remark, String by,
			Instant at) {
		jdbc.sql(
				"""
						INSERT INTO analytics_remark (project_id, month, technician_id, tenant_id, remark, written_by, written_at)
						VALUES (?, ?, ?, ?, ?, ?, ?)
						ON CONFLICT (project_id, month, technician_id) DO UPDATE
						SET remark = EXCLUDED.remark, written_by = EXCLUDED.written_by, written_at = EXCLUDED.written_at
						""")
			.params(projectId, Date.valueOf(month.atDay(1)), technicianId, tenantId, remark, by, Timestamp.from(at))
			.update();
	}

}

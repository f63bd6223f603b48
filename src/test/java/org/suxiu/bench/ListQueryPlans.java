package org.suxiu.bench;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * With {@code -Dbench.explain=true}, prints PostgreSQL's executed plans for the SQL the
 * list endpoint sends for each measured query (a count bounded at 10,001 and a page), so
 * a slow variant can be traced to its plan. The SQL mirrors
 * {@code WorkOrderRepository.page} for a tenant-wide staff member.
 */
final class ListQueryPlans {

	private final JdbcTemplate jdbc;

	ListQueryPlans(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
	}

	String explain(long tenantId, long projectId) {
		StringBuilder out = new StringBuilder("\n=== Plans of the list queries ===\n");
		plan(out, "page=0", "", List.of(tenantId), 0);
		plan(out, "status=NEW", " AND status = ANY(?)", List.of(tenantId, new String[] { "NEW" }), 0);
		plan(out, "grade=L1", " AND grade = ?", List.of(tenantId, "L1"), 0);
		plan(out, "projectCode=DEMO", " AND project_id = ?", List.of(tenantId, projectId), 0);
		plan(out, "page=200", "", List.of(tenantId), 200);
		plan(out, "open of DEMO (dispatcher)", " AND status = ANY(?) AND project_id = ?", List.of(tenantId,
				new String[] { "NEW", "DISPATCHED", "TAKEN", "ARRIVED", "IN_PROGRESS", "ON_HOLD" }, projectId), 0);
		long tech01 = this.jdbc.queryForObject("SELECT id FROM staff WHERE username = 'tech01'", Long.class);
		plan(out, "open jobs of tech01", " AND status = ANY(?) AND assignee_id = ?",
				List.of(tenantId, new String[] { "DISPATCHED", "TAKEN", "ARRIVED", "IN_PROGRESS", "ON_HOLD" }, tech01),
				0);
		return out.toString();
	}

	private void plan(StringBuilder out, String name, String filter, List<Object> params, int page) {
		String where = " WHERE TRUE AND tenant_id = ?" + filter;
		out.append("-- ").append(name).append(": count\n");
		List<Object> countParams = new ArrayList<>(params);
		countParams.add(10_001);
		explain(out, "SELECT count(*) FROM (SELECT 1 FROM work_order" + where + " LIMIT ?) AS matching", countParams);
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(20);
		pageParams.add(page * 20L);
		out.append("-- ").append(name).append(": page\n");
		explain(out, "SELECT * FROM work_order" + where + " ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?",
				pageParams);
	}

	private void explain(StringBuilder out, String sql, List<Object> params) {
		this.jdbc.query("EXPLAIN (ANALYZE, BUFFERS) " + sql, (rs) -> {
			out.append(rs.getString(1)).append('\n');
		}, params.toArray());
	}

}

package org.suxiu.bench;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * With {@code -Dbench.explain=true}, prints PostgreSQL's executed plans for the SQL the
 * list endpoint sends for each measured query (a count bounded at 10,001 and a page), so
 * a slow variant can be traced to its plan. The SQL mirrors
 * {@code WorkOrderRepository.page} for a tenant-wide staff member (one status as
 * {@code status = ?}, a project's open orders by the partial index's statuses, several
 * statuses merged per status).
 */
final class ListQueryPlans {

	private final JdbcTemplate jdbc;

	ListQueryPlans(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
	}

	String explain(long tenantId, long projectId) {
		StringBuilder out = new StringBuilder("\n=== Plans of the list queries ===\n");
		plan(out, "page=0", "", List.of(tenantId), 0);
		plan(out, "status=NEW", " AND status = ?", List.of(tenantId, "NEW"), 0);
		plan(out, "status=ACCEPTED", " AND status = ?", List.of(tenantId, "ACCEPTED"), 0);
		plan(out, "grade=L1", " AND grade = ?", List.of(tenantId, "L1"), 0);
		plan(out, "projectCode=DEMO", " AND project_id = ?", List.of(tenantId, projectId), 0);
		plan(out, "page=200", "", List.of(tenantId), 200);
		plan(out, "open of DEMO (dispatcher)",
				" AND project_id = ? AND status IN ('NEW', 'DISPATCHED', 'TAKEN', 'ARRIVED', 'IN_PROGRESS', 'ON_HOLD')",
				List.of(tenantId, projectId), 0);
		long tech01 = this.jdbc.queryForObject("SELECT id FROM staff WHERE username = 'tech01'", Long.class);
		mergedPlan(out, "open jobs of tech01", " AND assignee_id = ?",
				new String[] { "DISPATCHED", "TAKEN", "ARRIVED", "IN_PROGRESS", "ON_HOLD" }, List.of(tenantId, tech01));
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

	/** Several statuses: the newest of each status, merged, as the repository asks. */
	private void mergedPlan(StringBuilder out, String name, String filter, String[] statuses, List<Object> params) {
		out.append("-- ").append(name).append(": count\n");
		List<Object> countParams = new ArrayList<>(params);
		countParams.add(1, statuses);
		countParams.add(10_001);
		explain(out, "SELECT count(*) FROM (SELECT 1 FROM work_order WHERE TRUE AND tenant_id = ? AND status = ANY(?)"
				+ filter + " LIMIT ?) AS matching", countParams);
		List<Object> pageParams = new ArrayList<>();
		pageParams.add(statuses);
		pageParams.addAll(params);
		pageParams.add(101L);
		pageParams.add(101);
		pageParams.add(0L);
		out.append("-- ").append(name).append(": page\n");
		explain(out,
				"SELECT w.* FROM unnest(CAST(? AS TEXT[])) AS s(status) CROSS JOIN LATERAL (SELECT * FROM work_order"
						+ " WHERE status = s.status AND tenant_id = ?" + filter
						+ " ORDER BY created_at DESC, id DESC LIMIT ?) AS w ORDER BY w.created_at DESC, w.id DESC LIMIT ? OFFSET ?",
				pageParams);
	}

	private void explain(StringBuilder out, String sql, List<Object> params) {
		this.jdbc.query("EXPLAIN (ANALYZE, BUFFERS) " + sql, (rs) -> {
			out.append(rs.getString(1)).append('\n');
		}, params.toArray());
	}

}

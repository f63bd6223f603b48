package org.suxiu.analytics.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.suxiu.analytics.BreachCause;
import org.suxiu.analytics.DrillDown;
import org.suxiu.analytics.Figure;
import org.suxiu.analytics.OrderLine;

/**
 * The orders behind a figure, from {@code analytics_order}: the same rules that counted
 * them into the roll-ups pick them out again, so a figure and its list agree.
 */
@Repository
class OrderLines {

	/** Rows fetched per round trip when streaming an export. */
	static final int FETCH = 1000;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	OrderLines(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	List<OrderLine> page(long projectId, DrillDown drill, int page, int size) {
		List<Object> params = new ArrayList<>();
		String where = where(projectId, drill, params);
		params.add(size);
		params.add((long) page * size);
		return jdbc
			.sql("SELECT * FROM analytics_order WHERE " + where + " ORDER BY reported_at DESC, number DESC "
					+ "LIMIT ? OFFSET ?")
			.params(params)
			.query(OrderLines::line)
			.list();
	}

	long count(long projectId, DrillDown drill) {
		List<Object> params = new ArrayList<>();
		String where = where(projectId, drill, params);
		return jdbc.sql("SELECT count(*) FROM analytics_order WHERE " + where)
			.params(params)
			.query(Long.class)
			.single();
	}

	/** Streams the rows with a cursor: memory stays flat whatever their number. */
	void stream(long projectId, DrillDown drill, Consumer<OrderLine> each) {
		List<Object> params = new ArrayList<>();
		String where = where(projectId, drill, params);
		template.query(connection -> {
			var statement = connection.prepareStatement(
					"SELECT * FROM analytics_order WHERE " + where + " ORDER BY reported_at DESC, number DESC",
					ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
			statement.setFetchSize(FETCH);
			for (int i = 0; i < params.size(); i++) {
				statement.setObject(i + 1, params.get(i));
			}
			return statement;
		}, (ResultSet rs) -> {
			each.accept(line(rs, 0));
		});
	}

	String technicianName(long technicianId) {
		return jdbc.sql("SELECT technician_name FROM analytics_order WHERE technician_id = ? LIMIT 1")
			.param(technicianId)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private static String where(long projectId, DrillDown drill, List<Object> params) {
		StringBuilder where = new StringBuilder("project_id = ? AND day BETWEEN ? AND ?");
		params.add(projectId);
		params.add(Date.valueOf(drill.from()));
		params.add(Date.valueOf(drill.to()));
		if (drill.grade() != null) {
			where.append(" AND grade = ?");
			params.add(drill.grade());
		}
		if (drill.category() != null) {
			where.append(" AND category = ?");
			params.add(drill.category());
		}
		if (drill.channel() != null) {
			where.append(" AND channel = ?");
			params.add(drill.channel());
		}
		if (drill.technicianId() != null) {
			where.append(" AND technician_id = ?");
			params.add(drill.technicianId());
		}
		where.append(switch (drill.figure() == null ? Figure.ORDERS : drill.figure()) {
			case ORDERS -> "";
			case CANCELLED -> " AND status = 'CANCELLED'";
			case COMPLETED -> " AND " + COMPLETED;
			case KEPT -> " AND " + COMPLETED + " AND NOT " + BREACHED;
			case BREACHED -> " AND status <> 'CANCELLED' AND " + BREACHED;
			case FIRST_FIX -> " AND " + COMPLETED + " AND NOT reworked";
			case REWORKED -> " AND status <> 'CANCELLED' AND reworked";
			case POORLY_RATED -> " AND status <> 'CANCELLED' AND rating <= 3";
			case UNSATISFIED -> " AND status <> 'CANCELLED' AND satisfied = FALSE";
			case PROBABLE_REWORK -> " AND status <> 'CANCELLED' AND probable_rework";
		});
		return where.toString();
	}

	/** As {@link OrderRow#completed()}. */
	private static final String COMPLETED = "(completion_minutes IS NOT NULL AND status <> 'CANCELLED')";

	/** As {@link OrderRow#breached()}. */
	private static final String BREACHED = "('MISSED' IN (coalesce(respond_clock, ''), coalesce(arrive_clock, ''), "
			+ "coalesce(complete_clock, '')))";

	private static OrderLine line(ResultSet rs, int n) throws SQLException {
		OrderRow row = OrderRows.row(rs, n);
		return new OrderLine(row.number(), row.reportedAt(), row.grade(), row.category(), row.channel(), row.status(),
				row.technicianName(), row.responseMinutes(), row.arrivalMinutes(), row.completionMinutes(), row.kept(),
				row.breached() && !row.cancelled(), row.cancelled() ? null : row.cause(), row.rating());
	}

}

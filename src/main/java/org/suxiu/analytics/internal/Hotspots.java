package org.suxiu.analytics.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Places that broke down again and again in a period (repeat-fault hotspots), from
 * analytics' own order rows.
 */
@Repository
class Hotspots {

	private final JdbcClient jdbc;

	Hotspots(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The places with two orders or more, the most first. */
	List<Hotspot> of(long projectId, LocalDate from, LocalDate to, int limit) {
		return jdbc.sql("""
				SELECT place, count(*) AS orders, string_agg(DISTINCT category, ',' ORDER BY category) AS categories
				FROM analytics_order
				WHERE project_id = ? AND day BETWEEN ? AND ? AND place IS NOT NULL AND status <> 'CANCELLED'
				GROUP BY place HAVING count(*) >= 2
				ORDER BY count(*) DESC, place
				LIMIT ?
				""")
			.params(projectId, Date.valueOf(from), Date.valueOf(to), limit)
			.query((rs, n) -> new Hotspot(rs.getString("place"), rs.getLong("orders"),
					List.of(rs.getString("categories").split(","))))
			.list();
	}

	/**
	 * A place that kept breaking down.
	 *
	 * @param place where
	 * @param orders how many orders in the period
	 * @param categories their repair types
	 */
	record Hotspot(String place, long orders, List<String> categories) {
	}

}

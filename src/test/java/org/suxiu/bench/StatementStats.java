package org.suxiu.bench;

import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * With {@code -Dbench.statements=true} (and the embedded PostgreSQL started with
 * {@code -Dsuxiu.embedded.postgres-config=shared_preload_libraries=pg_stat_statements}),
 * prints PostgreSQL's own time per statement over a phase: which statements a request
 * sends, how often, and what each costs the database, so that a change to the SQL or the
 * indexes is measured by what PostgreSQL spends rather than by a noisy rate.
 */
final class StatementStats {

	private final JdbcTemplate jdbc;

	private final boolean enabled;

	StatementStats(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.enabled = Boolean.getBoolean("bench.statements");
		if (this.enabled) {
			this.jdbc.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
		}
	}

	void reset() {
		if (this.enabled) {
			this.jdbc.execute("SELECT pg_stat_statements_reset()");
		}
	}

	/** The statements of the phase, most expensive first, per {@code requests}. */
	String report(String phase, long requests) {
		if (!this.enabled) {
			return "";
		}
		StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
				"%n=== PostgreSQL statements during %s (%d requests) ===%n%10s %9s %10s %10s %8s %8s %8s  %s%n", phase,
				requests, "calls", "per req", "total ms", "mean ms", "ms/req", "plans", "plan ms", "statement"));
		double[] sum = new double[1];
		this.jdbc.query(
				"""
						SELECT calls, plans, total_plan_time, total_exec_time, mean_exec_time, regexp_replace(query, '\\s+', ' ', 'g') AS query
						FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
						ORDER BY total_exec_time DESC LIMIT 25
						""",
				(rs) -> {
					double total = rs.getDouble("total_exec_time");
					sum[0] += total;
					String query = rs.getString("query");
					out.append(String.format(Locale.ROOT, "%10d %9.2f %10.0f %10.3f %8.3f %8d %8.0f  %s%n",
							rs.getLong("calls"), rs.getLong("calls") / (double) requests, total,
							rs.getDouble("mean_exec_time"), total / requests, rs.getLong("plans"),
							rs.getDouble("total_plan_time"), query.substring(0, Math.min(150, query.length()))));
				});
		out.append(
				String.format(Locale.ROOT, "top 25 statements: %.3f ms of execution per request%n", sum[0] / requests));
		this.jdbc.query(
				"""
						SELECT sum(calls) AS calls, sum(total_exec_time) AS exec, sum(total_plan_time) AS plan, sum(plans) AS plans
						FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
						""",
				(rs) -> {
					out.append(String.format(Locale.ROOT,
							"all statements: %.2f calls, %.3f ms executing, %.3f ms planning (%.2f plans) per request%n",
							rs.getDouble("calls") / requests, rs.getDouble("exec") / requests,
							rs.getDouble("plan") / requests, rs.getDouble("plans") / requests));
				});
		return out.toString();
	}

}

package org.suxiu.bench;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tops the order table up to a target size with plausible history in SQL, a million rows
 * per statement, since creating 100,000 orders through the API would take minutes of the
 * run. Rows belong to project DEMO, are numbered from the same sequence as real orders
 * (so they never collide; past 999,999 a number grows a digit, as the API's do, where
 * {@code lpad} alone would cut it to six digits and collide), are older than anything the
 * API created, and each gets its create history line.
 */
final class BulkOrders {

	private static final String INSERT = """
			WITH project AS (
			    SELECT id, tenant_id, code, name FROM project WHERE code = 'DEMO'),
			homes AS (
			    SELECT h.id, b.code AS building, h.unit, h.room, row_number() OVER (ORDER BY h.id) - 1 AS k
			    FROM home h JOIN building b ON b.id = h.building_id JOIN project p ON p.id = b.project_id),
			technicians AS (
			    SELECT s.id, s.name, s.phone, row_number() OVER (ORDER BY s.id) - 1 AS k
			    FROM staff s JOIN project p ON p.tenant_id = s.tenant_id WHERE s.role = 'TECHNICIAN'),
			counts AS (
			    SELECT (SELECT count(*) FROM homes) AS homes, (SELECT count(*) FROM technicians) AS technicians),
			generated AS (
			    SELECT g,
			        -- mostly finished work, as in a live system's history
			        (ARRAY['CLOSED','CLOSED','CLOSED','CLOSED','CLOSED','CLOSED','CLOSED','CLOSED','CLOSED','CLOSED',
			               'CLOSED','ACCEPTED','COMPLETED','CANCELLED','IN_PROGRESS','TAKEN','ARRIVED','ON_HOLD',
			               'DISPATCHED','NEW'])[1 + g % 20] AS status,
			        (ARRAY['L1','L2','L2','L2','L2','L3','L3','L3','L3','L3','L3','L3','L3','L3','L3','L3','L4','L4',
			               'L3','L2'])[1 + (g * 7) % 20] AS grade,
			        (ARRAY['ELEVATOR','PLUMBING','ELECTRICAL','GAS','FIRE','DOOR_WINDOW','WALL_CEILING','APPLIANCE',
			               'PUBLIC_FACILITY','OTHER'])[1 + (g * 3) % 10] AS category,
			        (ARRAY['厨房水龙头一直滴水，关不紧','卫生间下水道堵了，水下不去','客厅插座没电，其他房间正常',
			               '入户门锁芯坏了，钥匙转不动','卧室天花板有水渍，墙皮起泡'])[1 + g % 5] AS description,
			        now() - interval '1 hour' - g * CAST(? AS DOUBLE PRECISION) * interval '1 second' AS at,
			        nextval('work_order_number_seq') AS seq
			    FROM generate_series(CAST(? AS INT), CAST(? AS INT)) g),
			inserted AS (
			    INSERT INTO work_order (number, tenant_id, project_id, project_code, project_name, home_id, building,
			        unit, room, status, grade, grade_source, category, channel, description, reporter_name,
			        reporter_phone, created_by, assignee_id, assignee_name, assignee_phone, reported_at, created_at,
			        updated_at, version)
			    SELECT 'BX' || to_char(r.at AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD')
			            || lpad(r.seq::text, greatest(6, length(r.seq::text)), '0'),
			        p.tenant_id, p.id, p.code, p.name, h.id, h.building, h.unit, h.room, r.status, r.grade, 'AUTO',
			        r.category, 'HOTLINE', r.description, '历史报修人', '139' || lpad((r.g::bigint * 7919 % 100000000)::text, 8, '0'),
			        'agent',
			        CASE WHEN r.status IN ('NEW', 'CANCELLED') THEN NULL ELSE t.id END,
			        CASE WHEN r.status IN ('NEW', 'CANCELLED') THEN NULL ELSE t.name END,
			        CASE WHEN r.status IN ('NEW', 'CANCELLED') THEN NULL ELSE t.phone END,
			        r.at, r.at, r.at, 0
			    FROM generated r CROSS JOIN project p CROSS JOIN counts c
			    JOIN homes h ON h.k = (r.g % c.homes)
			    JOIN technicians t ON t.k = (r.g % c.technicians)
			    RETURNING id, created_at, channel)
			INSERT INTO work_order_history (order_id, at, action, actor, role, from_value, to_value, note, channel)
			SELECT id, created_at, 'create', 'agent', 'AGENT', NULL, 'NEW', 'bulk-loaded for the benchmark', channel
			FROM inserted
			""";

	private static final long CHUNK = 1_000_000;

	private final JdbcTemplate jdbc;

	private final double spacingSeconds;

	BulkOrders(DataSource dataSource) {
		this(dataSource, 67);
	}

	/** Orders {@code spacingSeconds} apart, back from an hour ago. */
	BulkOrders(DataSource dataSource, double spacingSeconds) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.spacingSeconds = spacingSeconds;
	}

	long count() {
		Long count = this.jdbc.queryForObject("SELECT count(*) FROM work_order", Long.class);
		return (count != null) ? count : 0;
	}

	/**
	 * Adds orders until there are {@code target}, then refreshes the planner's statistics
	 * and the visibility map, as autovacuum would soon after a bulk load.
	 * @return how many were added
	 */
	long topUpTo(long target) {
		long present = count();
		long missing = target - present;
		// in statements of at most a million rows, so that ten million do not make one
		// transaction of many gigabytes
		for (long from = present + 1; from <= target; from += CHUNK) {
			this.jdbc.update(INSERT, spacingSeconds, from, Math.min(target, from + CHUNK - 1));
		}
		this.jdbc.execute("VACUUM (ANALYZE) work_order");
		this.jdbc.execute("VACUUM (ANALYZE) work_order_history");
		return Math.max(missing, 0);
	}

}

package org.suxiu.inspection.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.suxiu.inspection.ItemKind;
import org.suxiu.inspection.RoundDetails.ResultView;
import org.suxiu.inspection.RoundState;
import org.suxiu.inspection.RoundView;
import org.suxiu.inspection.RouteView.CheckpointView;
import org.suxiu.inspection.RouteView.ItemView;

/** Routes, checkpoints, items, rounds and check-ins: the inspection module's tables. */
@Repository
class InspectionStore {

	private static final String ROUND = """
			SELECT r.*, t.name AS route_name,
			    (SELECT count(*) FROM round_checkin c JOIN checkpoint p ON p.id = c.checkpoint_id
			        WHERE c.round_id = r.id AND p.retired_at IS NULL) AS checked_in,
			    (SELECT count(*) FROM checkpoint p WHERE p.route_id = r.route_id AND p.retired_at IS NULL) AS checkpoints
			FROM inspection_round r JOIN inspection_route t ON t.id = r.route_id
			""";

	private final JdbcClient jdbc;

	InspectionStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Route(long id, long tenantId, long projectId, String projectCode, String name, int version) {
	}

	Optional<Long> insertRoute(long tenantId, long projectId, String projectCode, String name, Instant now) {
		return jdbc.sql("""
				INSERT INTO inspection_route (tenant_id, project_id, project_code, name, created_at)
				VALUES (?, ?, ?, ?, ?) ON CONFLICT (project_id, name) DO NOTHING RETURNING id
				""").params(tenantId, projectId, projectCode, name, Timestamp.from(now)).query(Long.class).optional();
	}

	long insertCheckpoint(long routeId, int seq, String name, String place, Long assetId) {
		return jdbc
			.sql("INSERT INTO checkpoint (route_id, seq, name, place, asset_id) VALUES (?, ?, ?, ?, ?) RETURNING id")
			.params(routeId, seq, name, place, assetId)
			.query(Long.class)
			.single();
	}

	long insertItem(long checkpointId, int seq, String text, ItemKind kind, BigDecimal min, BigDecimal max,
			String unit) {
		return jdbc.sql("""
				INSERT INTO check_item (checkpoint_id, seq, text, kind, min_value, max_value, unit)
				VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id
				""").params(checkpointId, seq, text, kind.name(), min, max, unit).query(Long.class).single();
	}

	Optional<Route> route(long id) {
		return jdbc.sql("SELECT * FROM inspection_route WHERE id = ?")
			.param(id)
			.query((rs, n) -> new Route(rs.getLong("id"), rs.getLong("tenant_id"), rs.getLong("project_id"),
					rs.getString("project_code"), rs.getString("name"), rs.getInt("version")))
			.optional();
	}

	List<Long> routesOf(long projectId) {
		return jdbc.sql("SELECT id FROM inspection_route WHERE project_id = ? ORDER BY name")
			.param(projectId)
			.query(Long.class)
			.list();
	}

	/** The route's checkpoints and items in use now (not retired). */
	List<CheckpointView> checkpoints(long routeId) {
		return checkpoints(routeId, "AND p.retired_at IS NULL", "AND i.retired_at IS NULL");
	}

	/**
	 * The checkpoints as a round saw them: those in use now and those it checked in at; a
	 * checked-in point with the items it answered, others with the items in use.
	 */
	List<CheckpointView> checkpointsOfRound(long routeId, long roundId) {
		String checked = "(SELECT c.checkpoint_id FROM round_checkin c WHERE c.round_id = " + roundId + ")";
		return checkpoints(routeId, "AND (p.retired_at IS NULL OR p.id IN " + checked + ")", """
				AND CASE WHEN p.id IN %s
				    THEN i.id IN (SELECT r.item_id FROM round_result r JOIN round_checkin c ON c.id = r.checkin_id
				        WHERE c.round_id = %d)
				    ELSE i.retired_at IS NULL END
				""".formatted(checked, roundId));
	}

	private List<CheckpointView> checkpoints(long routeId, String pointFilter, String itemFilter) {
		Map<Long, List<ItemView>> items = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT i.* FROM check_item i JOIN checkpoint p ON p.id = i.checkpoint_id
				WHERE p.route_id = ? %s %s ORDER BY i.checkpoint_id, i.seq, i.id
				""".formatted(pointFilter, itemFilter)).param(routeId).query((rs, n) -> {
			items.computeIfAbsent(rs.getLong("checkpoint_id"), k -> new ArrayList<>())
				.add(new ItemView(rs.getLong("id"), rs.getString("text"), ItemKind.valueOf(rs.getString("kind")),
						rs.getBigDecimal("min_value"), rs.getBigDecimal("max_value"), rs.getString("unit")));
			return null;
		}).list();
		return jdbc.sql("SELECT * FROM checkpoint p WHERE route_id = ? %s ORDER BY seq, id".formatted(pointFilter))
			.param(routeId)
			.query((rs, n) -> new CheckpointView(rs.getLong("id"), rs.getLong("route_id"), rs.getInt("seq"),
					rs.getString("name"), rs.getString("place"), (Long) rs.getObject("asset_id"),
					items.getOrDefault(rs.getLong("id"), List.of())))
			.list();
	}

	/**
	 * Renames the route and counts the edit, if nobody edited it since {@code version}.
	 */
	boolean changeRoute(long routeId, String name, int version) {
		return jdbc.sql("UPDATE inspection_route SET name = ?, version = version + 1 WHERE id = ? AND version = ?")
			.params(name, routeId, version)
			.update() == 1;
	}

	boolean nameTaken(long projectId, String name, long exceptRouteId) {
		return jdbc.sql("SELECT count(*) FROM inspection_route WHERE project_id = ? AND name = ? AND id <> ?")
			.params(projectId, name, exceptRouteId)
			.query(Long.class)
			.single() > 0;
	}

	void changeCheckpoint(long id, int seq, String name, String place, Long assetId) {
		jdbc.sql("UPDATE checkpoint SET seq = ?, name = ?, place = ?, asset_id = ? WHERE id = ?")
			.params(seq, name, place, assetId, id)
			.update();
	}

	void retireCheckpoints(long routeId, List<Long> kept, Instant now) {
		jdbc.sql("""
				UPDATE checkpoint SET retired_at = ? WHERE route_id = ? AND retired_at IS NULL
				  AND NOT (id = ANY (?))
				""").params(Timestamp.from(now), routeId, kept.toArray(Long[]::new)).update();
	}

	void changeItem(long id, int seq, String text, ItemKind kind, BigDecimal min, BigDecimal max, String unit) {
		jdbc.sql("""
				UPDATE check_item SET seq = ?, text = ?, kind = ?, min_value = ?, max_value = ?, unit = ? WHERE id = ?
				""").params(seq, text, kind.name(), min, max, unit, id).update();
	}

	void retireItems(long checkpointId, List<Long> kept, Instant now) {
		jdbc.sql("""
				UPDATE check_item SET retired_at = ? WHERE checkpoint_id = ? AND retired_at IS NULL
				  AND NOT (id = ANY (?))
				""").params(Timestamp.from(now), checkpointId, kept.toArray(Long[]::new)).update();
	}

	Optional<Long> routeOfCheckpoint(long checkpointId) {
		return jdbc.sql("SELECT route_id FROM checkpoint WHERE id = ?")
			.param(checkpointId)
			.query(Long.class)
			.optional();
	}

	long insertRound(long routeId, long tenantId, long projectId, long assigneeId, String assigneeName, Instant dueFrom,
			Instant dueBy, Instant now) {
		return jdbc.sql("""
				INSERT INTO inspection_round (route_id, tenant_id, project_id, assignee_id, assignee_name, due_from,
				    due_by, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
				""")
			.params(routeId, tenantId, projectId, assigneeId, assigneeName, Timestamp.from(dueFrom),
					Timestamp.from(dueBy), Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	/** A round row with the tenant, for access checks. */
	record Round(RoundView view, long tenantId) {
	}

	Optional<Round> round(long id, Instant now) {
		return jdbc.sql(ROUND + " WHERE r.id = ?").param(id).query((rs, n) -> round(rs, now)).optional();
	}

	/** Locks the round for a check-in. */
	void lock(long id) {
		jdbc.sql("SELECT id FROM inspection_round WHERE id = ? FOR UPDATE").param(id).query(Long.class).single();
	}

	List<Round> roundsOfProject(long projectId, Instant now) {
		return jdbc.sql(ROUND + " WHERE r.project_id = ? ORDER BY r.due_from DESC, r.id DESC LIMIT 200")
			.param(projectId)
			.query((rs, n) -> round(rs, now))
			.list();
	}

	List<Round> roundsOf(long assigneeId, Instant now) {
		return jdbc.sql(ROUND + " WHERE r.assignee_id = ? ORDER BY r.due_from DESC, r.id DESC LIMIT 100")
			.param(assigneeId)
			.query((rs, n) -> round(rs, now))
			.list();
	}

	/**
	 * The assignee's unfinished rounds whose route has the checkpoint, soonest due first.
	 */
	Optional<Long> openRoundAt(long assigneeId, long checkpointId) {
		return jdbc.sql("""
				SELECT r.id FROM inspection_round r JOIN checkpoint p ON p.route_id = r.route_id
				WHERE r.assignee_id = ? AND p.id = ? AND p.retired_at IS NULL AND r.finished_at IS NULL
				  AND NOT EXISTS (SELECT 1 FROM round_checkin c WHERE c.round_id = r.id AND c.checkpoint_id = p.id)
				ORDER BY r.due_by LIMIT 1
				""").params(assigneeId, checkpointId).query(Long.class).optional();
	}

	/**
	 * Records the check-in; empty if the checkpoint was checked in already on this round.
	 */
	Optional<Long> insertCheckin(long roundId, long checkpointId, Instant at, Double lat, Double lng) {
		return jdbc.sql("""
				INSERT INTO round_checkin (round_id, checkpoint_id, at, lat, lng) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (round_id, checkpoint_id) DO NOTHING RETURNING id
				""").params(roundId, checkpointId, Timestamp.from(at), lat, lng).query(Long.class).optional();
	}

	void insertResult(long checkinId, long itemId, boolean pass, BigDecimal value, String note, String number) {
		jdbc.sql("""
				INSERT INTO round_result (checkin_id, item_id, pass, value, note, order_number)
				VALUES (?, ?, ?, ?, ?, ?)
				""").params(checkinId, itemId, pass, value, note, number).update();
	}

	void progress(long roundId, Instant now, boolean finished) {
		jdbc.sql("""
				UPDATE inspection_round SET started_at = coalesce(started_at, ?),
				    finished_at = CASE WHEN ? THEN ? ELSE finished_at END
				WHERE id = ?
				""").params(Timestamp.from(now), finished, Timestamp.from(now), roundId).update();
	}

	/** A checkpoint's check-in on a round, with its results. */
	record PointCheckin(Instant at, Double lat, Double lng, List<ResultView> results) {
	}

	Map<Long, PointCheckin> checkins(long roundId) {
		Map<Long, List<ResultView>> results = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT c.checkpoint_id, r.* FROM round_result r JOIN round_checkin c ON c.id = r.checkin_id
				WHERE c.round_id = ? ORDER BY r.id
				""").param(roundId).query((rs, n) -> {
			results.computeIfAbsent(rs.getLong("checkpoint_id"), k -> new ArrayList<>())
				.add(new ResultView(rs.getLong("item_id"), rs.getBoolean("pass"), rs.getBigDecimal("value"),
						rs.getString("note"), rs.getString("order_number")));
			return null;
		}).list();
		Map<Long, PointCheckin> checkins = new LinkedHashMap<>();
		jdbc.sql("SELECT * FROM round_checkin WHERE round_id = ?").param(roundId).query((rs, n) -> {
			checkins.put(rs.getLong("checkpoint_id"),
					new PointCheckin(rs.getTimestamp("at").toInstant(), (Double) rs.getObject("lat"),
							(Double) rs.getObject("lng"),
							results.getOrDefault(rs.getLong("checkpoint_id"), List.of())));
			return null;
		}).list();
		return checkins;
	}

	/** The latest 20 check-ins at checkpoints of the asset. */
	List<org.suxiu.asset.AssetRounds.RoundCheck> checksOf(long assetId) {
		return jdbc.sql("""
				SELECT c.round_id, t.name AS route_name, p.name AS checkpoint_name, c.at,
				    NOT EXISTS (SELECT 1 FROM round_result r WHERE r.checkin_id = c.id AND NOT r.pass) AS passed
				FROM round_checkin c JOIN checkpoint p ON p.id = c.checkpoint_id
				JOIN inspection_route t ON t.id = p.route_id
				WHERE p.asset_id = ? ORDER BY c.at DESC LIMIT 20
				""")
			.param(assetId)
			.query((rs, n) -> new org.suxiu.asset.AssetRounds.RoundCheck(rs.getLong("round_id"),
					rs.getString("route_name"), rs.getString("checkpoint_name"), rs.getTimestamp("at").toInstant(),
					rs.getBoolean("passed")))
			.list();
	}

	/** Rounds past their time, not finished and not yet flagged. */
	List<Long> overdue(Instant now) {
		return jdbc
			.sql("SELECT id FROM inspection_round WHERE finished_at IS NULL AND flagged_at IS NULL AND due_by < ? "
					+ "ORDER BY due_by LIMIT 500")
			.param(Timestamp.from(now))
			.query(Long.class)
			.list();
	}

	/** Flags the round; false if another instance did. */
	boolean flag(long roundId, Instant now) {
		return jdbc
			.sql("UPDATE inspection_round SET flagged_at = ? WHERE id = ? AND flagged_at IS NULL "
					+ "AND finished_at IS NULL")
			.params(Timestamp.from(now), roundId)
			.update() == 1;
	}

	private static Round round(ResultSet rs, Instant now) throws SQLException {
		Instant dueBy = instant(rs, "due_by");
		Instant started = instant(rs, "started_at");
		Instant finished = instant(rs, "finished_at");
		RoundState state = finished != null ? (finished.isAfter(dueBy) ? RoundState.LATE : RoundState.DONE)
				: now.isAfter(dueBy) ? RoundState.MISSED
						: started != null ? RoundState.IN_PROGRESS : RoundState.PLANNED;
		return new Round(new RoundView(rs.getLong("id"), rs.getLong("route_id"), rs.getString("route_name"),
				rs.getLong("project_id"), rs.getLong("assignee_id"), rs.getString("assignee_name"),
				instant(rs, "due_from"), dueBy, started, finished, instant(rs, "flagged_at"), rs.getInt("checked_in"),
				rs.getInt("checkpoints"), state), rs.getLong("tenant_id"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

}

package org.suxiu.sla;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suxiu.shared.ConcurrentChange;
import org.suxiu.shared.InvalidInput;
import org.suxiu.shared.SuxiuProperties;

/**
 * Each project's SLA policy and calendar days, read from the database every time so that
 * an edit made on any instance counts everywhere at once.
 */
@Service
class SlaPolicies {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	private final ShippedCalendar shipped;

	private final SuxiuProperties properties;

	SlaPolicies(JdbcClient jdbc, JsonMapper json, Clock clock, SuxiuProperties properties) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
		this.properties = properties;
		this.shipped = ShippedCalendar.load(json);
	}

	@Transactional(readOnly = true)
	SlaPolicy policy(long projectId) {
		return jdbc.sql("SELECT document::text, version FROM sla_policy WHERE project_id = ?")
			.param(projectId)
			.query((rs, n) -> json.readValue(rs.getString(1), SlaPolicy.class).withVersion(rs.getInt(2)))
			.optional()
			.orElseGet(SlaPolicy::defaults);
	}

	@Transactional(readOnly = true)
	WorkingCalendar calendar(long projectId, SlaPolicy policy) {
		Map<LocalDate, DayType> overrides = new HashMap<>();
		jdbc.sql("SELECT day, type FROM sla_calendar_day WHERE project_id = ?")
			.param(projectId)
			.query((rs, n) -> overrides.put(rs.getDate(1).toLocalDate(), DayType.valueOf(rs.getString(2))))
			.list();
		return new WorkingCalendar(shipped, overrides, policy.opens(), policy.closes(), properties.zone());
	}

	/**
	 * The project's policy and calendar in one round trip. The policy's document is sent
	 * and parsed again only when its row changed since this instance last read it (its
	 * version and transaction stamp), so an edit on any instance still counts at once.
	 */
	@Transactional(readOnly = true)
	Rules rules(long projectId) {
		Rules known = rules.get(projectId);
		return jdbc
			.sql("""
					SELECT p.version || ':' || p.xmin::text AS stamp,
					    CASE WHEN p.version || ':' || p.xmin::text IS DISTINCT FROM CAST(? AS TEXT) THEN p.document::text END
					        AS document,
					    (SELECT string_agg(d.day::text || '=' || d.type, ',' ORDER BY d.day) FROM sla_calendar_day d
					     WHERE d.project_id = ?) AS days
					FROM (SELECT 1) one LEFT JOIN sla_policy p ON p.project_id = ?
					""")
			.params(known == null ? null : known.stamp(), projectId, projectId)
			.query((rs, n) -> {
				String stamp = rs.getString("stamp");
				String days = rs.getString("days");
				if (known != null && Objects.equals(known.stamp(), stamp) && Objects.equals(known.days(), days)) {
					return known;
				}
				SlaPolicy policy;
				if (stamp == null) {
					policy = SlaPolicy.defaults();
				}
				else if (known != null && stamp.equals(known.stamp())) {
					policy = known.policy();
				}
				else {
					policy = json.readValue(rs.getString("document"), SlaPolicy.class)
						.withVersion(Integer.parseInt(stamp.substring(0, stamp.indexOf(':'))));
				}
				Map<LocalDate, DayType> overrides = new HashMap<>();
				if (days != null) {
					for (String day : days.split(",")) {
						int at = day.indexOf('=');
						overrides.put(LocalDate.parse(day.substring(0, at)), DayType.valueOf(day.substring(at + 1)));
					}
				}
				Rules fresh = new Rules(stamp, days, policy,
						new WorkingCalendar(shipped, overrides, policy.opens(), policy.closes(), properties.zone()));
				rules.put(projectId, fresh);
				return fresh;
			})
			.single();
	}

	/**
	 * A project's policy and calendar as read together.
	 *
	 * @param stamp the policy row's version and transaction id, or {@code null} for the
	 * defaults
	 * @param days the calendar declarations as read
	 */
	record Rules(String stamp, String days, SlaPolicy policy, WorkingCalendar calendar) {
	}

	private final Map<Long, Rules> rules = new ConcurrentHashMap<>();

	/**
	 * Applies {@code changes} (the whole document as read, or just the members to change)
	 * to the project's policy. A {@code version} in it must match the stored one.
	 */
	@Transactional
	SlaPolicy update(long projectId, JsonNode changes, String editor) {
		if (changes == null || !changes.isObject()) {
			throw new InvalidInput("policy", "must be a JSON object");
		}
		SlaPolicy current = policy(projectId);
		JsonNode expected = changes.get("version");
		if (expected != null && !expected.isNull() && expected.asInt() != current.version()) {
			throw new ConcurrentChange("The SLA policy of this project");
		}
		ObjectNode merged = (ObjectNode) json.valueToTree(current);
		merge(merged, (ObjectNode) changes);
		merged.remove("version");
		SlaPolicy updated;
		try {
			updated = json.treeToValue(merged, SlaPolicy.class);
		}
		catch (RuntimeException ex) {
			throw new InvalidInput("policy", "cannot be read: " + firstLine(ex.getMessage()));
		}
		updated.validate();
		int version = current.version() + 1;
		String document = json.writeValueAsString(updated.withVersion(0));
		Timestamp now = Timestamp.from(clock.instant());
		int changed = current.version() == 0 ? jdbc.sql("""
				INSERT INTO sla_policy (project_id, document, version, updated_at, updated_by)
				VALUES (?, CAST(? AS JSONB), 1, ?, ?) ON CONFLICT (project_id) DO NOTHING
				""").params(projectId, document, now, editor).update() : jdbc.sql("""
				UPDATE sla_policy SET document = CAST(? AS JSONB), version = version + 1, updated_at = ?, updated_by = ?
				WHERE project_id = ? AND version = ?
				""").params(document, now, editor, projectId, current.version()).update();
		if (changed == 0) {
			throw new ConcurrentChange("The SLA policy of this project");
		}
		return updated.withVersion(version);
	}

	@Transactional
	void declare(long projectId, LocalDate day, DayType type) {
		jdbc.sql("""
				INSERT INTO sla_calendar_day (project_id, day, type) VALUES (?, ?, ?)
				ON CONFLICT (project_id, day) DO UPDATE SET type = EXCLUDED.type
				""").params(projectId, Date.valueOf(day), type.name()).update();
	}

	@Transactional
	void restore(long projectId, LocalDate day) {
		jdbc.sql("DELETE FROM sla_calendar_day WHERE project_id = ? AND day = ?")
			.params(projectId, Date.valueOf(day))
			.update();
	}

	/** The project's own declarations. */
	@Transactional(readOnly = true)
	Map<LocalDate, DayType> declaredDays(long projectId) {
		Map<LocalDate, DayType> days = new HashMap<>();
		jdbc.sql("SELECT day, type FROM sla_calendar_day WHERE project_id = ?")
			.param(projectId)
			.query((rs, n) -> days.put(rs.getDate(1).toLocalDate(), DayType.valueOf(rs.getString(2))))
			.list();
		return days;
	}

	/** The project's own declaration for a day, if any. */
	@Transactional(readOnly = true)
	Optional<DayType> declared(long projectId, LocalDate day) {
		return jdbc.sql("SELECT type FROM sla_calendar_day WHERE project_id = ? AND day = ?")
			.params(projectId, Date.valueOf(day))
			.query((rs, n) -> DayType.valueOf(rs.getString(1)))
			.optional();
	}

	private static void merge(ObjectNode target, ObjectNode changes) {
		changes.properties().forEach(entry -> {
			JsonNode existing = target.get(entry.getKey());
			if (existing instanceof ObjectNode existingObject && entry.getValue() instanceof ObjectNode change) {
				merge(existingObject, change);
			}
			else {
				target.set(entry.getKey(), entry.getValue());
			}
		});
	}

	private static String firstLine(String message) {
		if (message == null) {
			return "invalid document";
		}
		int newline = message.indexOf('\n');
		return newline > 0 ? message.substring(0, newline) : message;
	}

}

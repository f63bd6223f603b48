package org.suxiu.triage;

import java.time.Clock;
import java.sql.Timestamp;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suxiu.shared.Category;
import org.suxiu.shared.ConcurrentChange;

/**
 * Grades descriptions with each tenant's rules. Compiled rule sets are kept per stored
 * version, so an edit made through any instance is used by every instance on its next
 * order.
 */
@Service
public class Triage {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	private final RuleEngine shipped;

	private final Map<Long, Versioned> compiled = new ConcurrentHashMap<>();

	Triage(JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
		this.shipped = new RuleEngine(ShippedRules.load(json));
	}

	@Transactional(readOnly = true)
	public TriageResult grade(long tenantId, Category category, String description) {
		return engineFor(tenantId).grade(category, description);
	}

	/** The tenant's rules and their version; version 0 is the shipped set. */
	@Transactional(readOnly = true)
	public VersionedRules rules(long tenantId) {
		Optional<Integer> version = currentVersion(tenantId);
		return new VersionedRules(version.orElse(0), version.isEmpty() ? shipped.rules() : engineFor(tenantId).rules());
	}

	/**
	 * Replaces the tenant's rules if nobody changed them since {@code expectedVersion}.
	 */
	@Transactional
	public VersionedRules replace(long tenantId, int expectedVersion, TriageRules rules, String editor) {
		new RuleEngine(rules);
		String document = json.writeValueAsString(rules);
		Timestamp now = Timestamp.from(clock.instant());
		int changed = expectedVersion == 0 ? jdbc.sql("""
				INSERT INTO triage_rule_set (tenant_id, rules, version, updated_at, updated_by)
				VALUES (?, CAST(? AS JSONB), 1, ?, ?) ON CONFLICT (tenant_id) DO NOTHING
				""").params(tenantId, document, now, editor).update()
				: jdbc
					.sql("""
							UPDATE triage_rule_set SET rules = CAST(? AS JSONB), version = version + 1, updated_at = ?, updated_by = ?
							WHERE tenant_id = ? AND version = ?
							""")
					.params(document, now, editor, tenantId, expectedVersion)
					.update();
		if (changed == 0) {
			throw new ConcurrentChange("The triage rules");
		}
		return new VersionedRules(expectedVersion + 1, rules);
	}

	/** Goes back to the shipped rules. */
	@Transactional
	public void restoreShipped(long tenantId) {
		jdbc.sql("DELETE FROM triage_rule_set WHERE tenant_id = ?").param(tenantId).update();
	}

	/**
	 * The tenant's compiled rules, cached by row version: the stored version plus the
	 * row's {@code xmin}, since restoring the shipped rules deletes the row and the next
	 * edit starts again at version 1.
	 */
	private RuleEngine engineFor(long tenantId) {
		Optional<String> stamp = jdbc
			.sql("SELECT version || ':' || xmin::text FROM triage_rule_set WHERE tenant_id = ?")
			.param(tenantId)
			.query(String.class)
			.optional();
		if (stamp.isEmpty()) {
			return shipped;
		}
		Versioned cached = compiled.get(tenantId);
		if (cached != null && cached.stamp().equals(stamp.get())) {
			return cached.engine();
		}
		Versioned loaded = jdbc.sql(
				"SELECT version || ':' || xmin::text AS stamp, rules::text AS rules FROM triage_rule_set WHERE tenant_id = ?")
			.param(tenantId)
			.query((rs, n) -> new Versioned(rs.getString("stamp"),
					new RuleEngine(json.readValue(rs.getString("rules"), TriageRules.class))))
			.optional()
			.orElse(new Versioned("", shipped));
		compiled.put(tenantId, loaded);
		return loaded.engine();
	}

	private Optional<Integer> currentVersion(long tenantId) {
		return jdbc.sql("SELECT version FROM triage_rule_set WHERE tenant_id = ?")
			.param(tenantId)
			.query(Integer.class)
			.optional();
	}

	private record Versioned(String stamp, RuleEngine engine) {
	}

	/**
	 * A tenant's rules with the version to send back when replacing them.
	 *
	 * @param version 0 for the shipped set
	 * @param rules the rules
	 */
	public record VersionedRules(int version, TriageRules rules) {
	}

}

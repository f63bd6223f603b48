package org.suxiu.triage;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suxiu.shared.Category;
import org.suxiu.shared.ConcurrentChange;
import org.suxiu.shared.Grade;
import org.suxiu.triage.model.EmbeddingText;
import org.suxiu.triage.model.GradeModel;
import org.suxiu.triage.model.LabelledVector;
import org.suxiu.triage.model.NearestExemplars;
import org.suxiu.triage.model.SentenceEncoder;
import org.suxiu.triage.model.ShippedExemplars;

/**
 * Grades descriptions with each tenant's rules and safety floors, the sentence model and
 * the labelled exemplars (shipped, and the tenant's own from regrades and imports).
 * Compiled rule sets and exemplar sets are kept per stored version, so an edit or a
 * regrade made through any instance is used by every instance on its next order.
 */
@Service
public class Triage {

	/** How long grading one description takes (rules, floors and the sentence model). */
	private final Timer latency;

	/** Descriptions are cut here before grading, as the order's field is. */
	public static final int MAX_DESCRIPTION = 2000;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	private final RuleEngine shipped;

	private final SentenceEncoder encoder;

	private final GradeModel model;

	private final HybridGrader grader = new HybridGrader(HybridGrader.Thresholds.SHIPPED);

	private final TenantExemplars tenantExemplars;

	private final Map<Long, Versioned> compiled = new ConcurrentHashMap<>();

	private final Map<ResultKey, TriageResult> results = new java.util.LinkedHashMap<>(256, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<ResultKey, TriageResult> eldest) {
			return size() > 2048;
		}

	};

	Triage(JdbcClient jdbc, JsonMapper json, Clock clock, ObjectProvider<SentenceEncoder> encoder,
			TenantExemplars tenantExemplars, MeterRegistry meters,
			@Value("${suxiu.triage.model:bge}") String modelSetting) {
		if (!modelSetting.equals("off") && encoder.getIfAvailable() == null) {
			throw new IllegalStateException("suxiu.triage.model is '" + modelSetting
					+ "': use bge (the default, rules and the sentence model) or off (rules alone)");
		}
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
		this.shipped = new RuleEngine(ShippedRules.load(json));
		this.encoder = encoder.getIfAvailable();
		List<LabelledVector> exemplars = this.encoder == null ? List.of() : ShippedExemplars.load(json, this.encoder);
		this.model = this.encoder == null ? null
				: new GradeModel(exemplars, new NearestExemplars(Settings.K, Settings.TEMPERATURE),
						ShippedExemplars.regression(exemplars, Settings.LAMBDA, Settings.EPOCHS));
		this.tenantExemplars = tenantExemplars;
		this.latency = Timer.builder("suxiu.triage")
			.description("Time to grade one description")
			.publishPercentileHistogram()
			.register(meters);
	}

	/**
	 * The model's settings, chosen by cross-validation on the training part (README,
	 * Triage).
	 */
	static final class Settings {

		/** Neighbours that vote. */
		static final int K = 10;

		/** How much more a nearer neighbour weighs. */
		static final double TEMPERATURE = 0.03;

		/** The logistic regression's L2 penalty. */
		static final double LAMBDA = 1e-4;

		/** The logistic regression's passes over the exemplars. */
		static final int EPOCHS = 150;

		private Settings() {
		}

	}

	/** Whether grades use the sentence model ({@code suxiu.triage.model}). */
	public boolean modelOn() {
		return encoder != null;
	}

	@Transactional(readOnly = true)
	public TriageResult grade(long tenantId, Category category, String description) {
		return latency.record(() -> gradeNow(tenantId, category, description));
	}

	private TriageResult gradeNow(long tenantId, Category category, String description) {
		String text = description == null ? "" : description;
		text = text.length() > MAX_DESCRIPTION ? text.substring(0, MAX_DESCRIPTION) : text;
		// whether the tenant's rules and exemplars changed, asked in one round trip
		Stamps stamps = jdbc
			.sql("SELECT (SELECT version || ':' || xmin::text FROM triage_rule_set WHERE tenant_id = :t)"
					+ " AS rules, " + TenantExemplars.STAMP + " AS exemplars")
			.param("t", tenantId)
			.query((rs, n) -> new Stamps(Optional.ofNullable(rs.getString("rules")), rs.getString("exemplars")))
			.single();
		RuleEngine engine = engineFor(tenantId, stamps.rules());
		TenantExemplars.Set own = encoder == null ? null : tenantExemplars.of(tenantId, stamps.exemplars());
		// the same text under the same rules and exemplars grades the same: the agent's
		// console grades a description while it is typed and again when it is submitted
		ResultKey key = new ResultKey(tenantId, engine, own == null ? "" : own.stamp(), category, text);
		synchronized (results) {
			TriageResult cached = results.get(key);
			if (cached != null) {
				return cached;
			}
		}
		RuleEngine.RuleVerdict rules = engine.grade(category, text);
		Optional<RuleEngine.FloorMatch> floor = engine.floor(category, text);
		NearestExemplars.Vote vote = null;
		if (own != null) {
			float[] vector = encoder.encode(EmbeddingText.prepare(text));
			vote = model.vote(vector, own.vectors(), own.hidden());
		}
		TriageResult result = grader.combine(rules, floor, vote);
		synchronized (results) {
			results.put(key, result);
		}
		return result;
	}

	/**
	 * A grade's inputs; the rule engine compares by identity, a new one per rule version.
	 */
	private record ResultKey(long tenantId, RuleEngine rules, String exemplars, Category category, String text) {
	}

	/**
	 * Staff regraded an order with a reason: the description becomes an exemplar of the
	 * tenant with the grade staff chose, used from the next order on.
	 */
	@Transactional
	public void learn(long tenantId, Category category, String description, Grade grade, String reason, String by) {
		if (encoder == null || description == null || description.isBlank()) {
			return;
		}
		tenantExemplars.add(tenantId, description, grade, category, Exemplar.Source.REGRADE, reason, by);
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
	 * edit starts again at version 1. A stored document without floors gets the shipped
	 * floors.
	 */
	private RuleEngine engineFor(long tenantId) {
		return engineFor(tenantId,
				jdbc.sql("SELECT version || ':' || xmin::text FROM triage_rule_set WHERE tenant_id = ?")
					.param(tenantId)
					.query(String.class)
					.optional());
	}

	private record Stamps(Optional<String> rules, String exemplars) {
	}

	private RuleEngine engineFor(long tenantId, Optional<String> stamp) {
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
			.query((rs, n) -> new Versioned(rs.getString("stamp"), new RuleEngine(withFloors(rs.getString("rules")))))
			.optional()
			.orElse(new Versioned("", shipped));
		compiled.put(tenantId, loaded);
		return loaded.engine();
	}

	private TriageRules withFloors(String document) {
		TriageRules rules = json.readValue(document, TriageRules.class);
		return rules.floors() == null ? rules.withFloors(shipped.rules().safetyFloors()) : rules;
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

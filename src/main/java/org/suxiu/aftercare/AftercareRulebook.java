package org.suxiu.aftercare;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.suxiu.property.Project;
import org.suxiu.property.PropertyDirectory;
import org.suxiu.shared.Actor;
import org.suxiu.shared.Category;
import org.suxiu.shared.ConcurrentChange;
import org.suxiu.shared.Forbidden;
import org.suxiu.shared.Grade;
import org.suxiu.shared.NotFound;
import org.suxiu.shared.Role;
import org.suxiu.workorder.AftercarePolicy;

/**
 * Each project's {@link AftercareRules}, kept as one row that exists once somebody
 * changed them (the defaults before that); the project's staff read them, managers and
 * administrators change them.
 */
@Service
public class AftercareRulebook implements AftercarePolicy {

	private static final Set<Role> EDITORS = Set.of(Role.MANAGER, Role.ADMIN);

	private final JdbcClient jdbc;

	private final PropertyDirectory property;

	private final Clock clock;

	AftercareRulebook(JdbcClient jdbc, PropertyDirectory property, Clock clock) {
		this.jdbc = jdbc;
		this.property = property;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public AftercareRules read(Actor actor, String projectCode) {
		return rules(project(actor, projectCode).id());
	}

	/**
	 * Changes the given fields; all checked first, nothing saved if any is wrong.
	 * @throws ConcurrentChange if {@code changes.version()} is given and not the current
	 * one, or another change was saved meanwhile
	 */
	@Transactional
	public AftercareRules update(Actor actor, String projectCode, AftercareRules changes) {
		Project project = project(actor, projectCode);
		if (!EDITORS.contains(actor.role())) {
			throw new Forbidden("aftercare rules are changed by a manager or an administrator");
		}
		AftercareRules current = rules(project.id());
		if (changes.version() != null && !changes.version().equals(current.version())) {
			throw new ConcurrentChange("Aftercare rules of " + projectCode);
		}
		AftercareRules next = current.with(changes).validated();
		int written = jdbc
			.sql("""
					INSERT INTO aftercare_rules (project_id, tenant_id, call_grades, call_charged, call_rating_at_most,
					    sample_percent, due_days, max_tries, close_after_hours, auto_accept_days, warranty_days,
					    warranty_by_category, version, updated_at, updated_by)
					VALUES (:project, :tenant, :grades, :charged, :rating, :sample, :due, :tries, :close, :accept, :warranty,
					    :byCategory, 1, :at, :by)
					ON CONFLICT (project_id) DO UPDATE SET call_grades = EXCLUDED.call_grades,
					    call_charged = EXCLUDED.call_charged, call_rating_at_most = EXCLUDED.call_rating_at_most,
					    sample_percent = EXCLUDED.sample_percent, due_days = EXCLUDED.due_days,
					    max_tries = EXCLUDED.max_tries, close_after_hours = EXCLUDED.close_after_hours,
					    auto_accept_days = EXCLUDED.auto_accept_days, warranty_days = EXCLUDED.warranty_days,
					    warranty_by_category = EXCLUDED.warranty_by_category, version = aftercare_rules.version + 1,
					    updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by
					WHERE aftercare_rules.version = :version
					""")
			.param("project", project.id())
			.param("tenant", project.tenantId())
			.param("grades", next.callGrades().stream().map(Grade::name).collect(Collectors.joining(",")))
			.param("charged", next.callCharged())
			.param("rating", next.callRatingAtMost())
			.param("sample", next.samplePercent())
			.param("due", next.dueDays())
			.param("tries", next.maxTries())
			.param("close", next.closeAfterHours())
			.param("accept", next.autoAcceptDays())
			.param("warranty", next.warrantyDays())
			.param("byCategory",
					next.warrantyDaysByCategory()
						.entrySet()
						.stream()
						.map(e -> e.getKey().name() + "=" + e.getValue())
						.sorted()
						.collect(Collectors.joining(",")))
			.param("version", current.version())
			.param("at", Timestamp.from(clock.instant()))
			.param("by", actor.username())
			.update();
		if (written == 0) {
			throw new ConcurrentChange("Aftercare rules of " + projectCode);
		}
		return rules(project.id());
	}

	/** The project's rules, or the defaults. */
	AftercareRules rules(long projectId) {
		return stored(projectId).orElseGet(AftercareRules::defaults);
	}

	@Override
	public Optional<Duration> autoAcceptAfter(long projectId) {
		return stored(projectId).map(rules -> Duration.ofDays(rules.autoAcceptDays()));
	}

	@Override
	public Optional<Duration> warrantyWindow(long projectId, Category category) {
		return stored(projectId).map(rules -> rules.warranty(category));
	}

	private Optional<AftercareRules> stored(long projectId) {
		return jdbc.sql("SELECT * FROM aftercare_rules WHERE project_id = ?")
			.param(projectId)
			.query(AftercareRulebook::rules)
			.optional();
	}

	private Project project(Actor actor, String code) {
		Project project = property.project(code == null ? "" : code)
			.filter(p -> actor.serves(p.tenantId(), p.id()))
			.orElseThrow(() -> new NotFound("Project", code));
		if (actor.is(Role.TECHNICIAN)) {
			throw new Forbidden("aftercare rules are for the office");
		}
		return project;
	}

	private static AftercareRules rules(ResultSet rs, int row) throws SQLException {
		List<Grade> grades = Arrays.stream(rs.getString("call_grades").split(","))
			.filter(s -> !s.isBlank())
			.map(Grade::valueOf)
			.toList();
		Map<Category, Integer> byCategory = new EnumMap<>(Category.class);
		for (String pair : rs.getString("warranty_by_category").split(",")) {
			if (pair.contains("=")) {
				String[] parts = pair.split("=");
				byCategory.put(Category.valueOf(parts[0]), Integer.valueOf(parts[1]));
			}
		}
		return new AftercareRules(grades, rs.getBoolean("call_charged"), rs.getInt("call_rating_at_most"),
				rs.getInt("sample_percent"), rs.getInt("due_days"), rs.getInt("max_tries"),
				rs.getInt("close_after_hours"), rs.getInt("auto_accept_days"), rs.getInt("warranty_days"),
				Map.copyOf(byCategory), rs.getInt("version"));
	}

}

package org.suxiu.dispatch;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.suxiu.shared.Actor;
import org.suxiu.shared.BusinessRuleViolation;
import org.suxiu.shared.Category;
import org.suxiu.shared.ConcurrentChange;
import org.suxiu.shared.Grade;
import org.suxiu.workorder.GrabRule;
import org.suxiu.workorder.OrderFacts;

/**
 * A project's grab pool (抢单): when it is open, qualified technicians on duty may claim
 * its planned and general orders (L3/L4) themselves; emergencies and urgent orders are
 * always dispatched.
 */
@Component
class GrabPool implements GrabRule {

	private final JdbcClient jdbc;

	private final TechnicianDirectory technicians;

	private final Clock clock;

	GrabPool(JdbcClient jdbc, TechnicianDirectory technicians, Clock clock) {
		this.jdbc = jdbc;
		this.technicians = technicians;
		this.clock = clock;
	}

	GrabPoolSettings settings(long projectId) {
		return jdbc
			.sql("SELECT enabled, grades, categories, offer_minutes, version FROM grab_pool WHERE project_id = ?")
			.param(projectId)
			.query((rs, n) -> new GrabPoolSettings(rs.getBoolean(1), grades(rs.getString(2)),
					categories(rs.getString(3)), (Integer) rs.getObject(4), rs.getInt(5)))
			.optional()
			.orElse(GrabPoolSettings.CLOSED);
	}

	GrabPoolSettings update(long tenantId, long projectId, GrabPoolSettings wanted, Integer expectedVersion,
			Actor actor) {
		int current = settings(projectId).version();
		if (expectedVersion != null && expectedVersion != current) {
			throw new ConcurrentChange("Grab pool of project " + projectId);
		}
		int updated = jdbc.sql("""
				INSERT INTO grab_pool (project_id, tenant_id, enabled, grades, categories, offer_minutes, updated_at,
				    updated_by, version)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)
				ON CONFLICT (project_id) DO UPDATE SET enabled = EXCLUDED.enabled, grades = EXCLUDED.grades,
				    categories = EXCLUDED.categories, offer_minutes = EXCLUDED.offer_minutes,
				    updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by, version = grab_pool.version + 1
				WHERE grab_pool.version = ?
				""")
			.params(projectId, tenantId, wanted.enabled(), names(wanted.grades()), names(wanted.categories()),
					wanted.offerMinutes(), Timestamp.from(clock.instant()), actor.username(), current)
			.update();
		if (updated == 0) {
			throw new ConcurrentChange("Grab pool of project " + projectId);
		}
		return settings(projectId);
	}

	@Override
	public void check(OrderFacts order, Actor actor) {
		if (!settings(order.projectId()).offers(order.grade(), order.category(), order.reportedAt(), clock.instant())) {
			throw new BusinessRuleViolation("not-in-grab-pool",
					"Order " + order.number() + " is not in a grab pool; a dispatcher sends it");
		}
		Optional<Technician> technician = technicians.technician(order.tenantId(), String.valueOf(actor.id()));
		if (technician.isEmpty() || !technician.get().isAvailable() || !technician.get().serves(order.projectId())
				|| technician.get().level(order.category()) == 0) {
			throw new BusinessRuleViolation("technician-not-qualified",
					"Only technicians on duty with the " + order.category() + " skill may grab this order");
		}
	}

	private static String names(Set<? extends Enum<?>> values) {
		return values.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
	}

	private static Set<Category> categories(String text) {
		return Arrays.stream(text.split(","))
			.filter(s -> !s.isBlank())
			.map(Category::valueOf)
			.collect(Collectors.toCollection(() -> EnumSet.noneOf(Category.class)));
	}

	private static Set<Grade> grades(String text) {
		return Arrays.stream(text.split(","))
			.filter(s -> !s.isBlank())
			.map(Grade::valueOf)
			.collect(Collectors.toCollection(() -> EnumSet.noneOf(Grade.class)));
	}

}

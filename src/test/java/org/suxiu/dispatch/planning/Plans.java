package org.suxiu.dispatch.planning;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.suxiu.shared.Category;
import org.suxiu.shared.GeoPoint;
import org.suxiu.shared.Grade;

/**
 * Object mother for day-plan tests: a few places in one district of Shanghai, a roster,
 * and orders. Travel is straight-line × 1.3 at 20 km/h, at least two minutes.
 */
final class Plans {

	static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");

	static final GeoPoint DEPOT = new GeoPoint(31.2304, 121.4737);

	/** About 1 km east of the depot: 4 minutes away. */
	static final GeoPoint EAST = new GeoPoint(31.2304, 121.4842);

	/** About 5 km north of the depot: 20 minutes away. */
	static final GeoPoint NORTH = new GeoPoint(31.2754, 121.4737);

	private Plans() {
	}

	static RoadMap roads() {
		return new RoadMap((a, b) -> {
			double hours = a.kilometresTo(b) * 1.3 / 20;
			long seconds = Math.max(120, Math.round(hours * 3600));
			return Duration.ofSeconds(seconds);
		}, Duration.ofMinutes(15));
	}

	static PlanTechnician plumber(long id) {
		return technician(id, Map.of(Category.PLUMBING, 4));
	}

	static PlanTechnician technician(long id, Map<Category, Integer> skills) {
		return new PlanTechnician(id, "tech" + id, skills, DEPOT, 0, hours(8), 5);
	}

	static PlanVisit leak(String id, GeoPoint site) {
		return visit(id, Grade.L3, Category.PLUMBING, site);
	}

	static PlanVisit visit(String id, Grade grade, Category category, GeoPoint site) {
		return new PlanVisit(id, grade, category, site, minutes(45), 0, null, null, null);
	}

	static DayPlanSolution problem(List<PlanTechnician> technicians, List<PlanVisit> visits) {
		return new DayPlanSolution(NOW, roads(), technicians, visits);
	}

	static long minutes(long minutes) {
		return minutes * 60;
	}

	static long hours(long hours) {
		return hours * 3600;
	}

}

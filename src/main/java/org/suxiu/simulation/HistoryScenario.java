package org.suxiu.simulation;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.suxiu.shared.Category;
import org.suxiu.shared.GeoPoint;
import org.suxiu.shared.Grade;
import org.suxiu.workorder.PastOrder;
import org.suxiu.dispatch.Recommender;
import org.suxiu.dispatch.Shift;
import org.suxiu.dispatch.Technician;

/**
 * Turns a project's real orders of a past period and its roster into a simulator
 * scenario: each order a request at its site with its real service time (the default for
 * its repair type when it was never finished), each technician with their skills and
 * shifts, based where they were last seen.
 */
final class HistoryScenario {

	/** Service times outside this range are taken as data-entry slips. */
	private static final double MIN_SERVICE = 5;

	private static final double MAX_SERVICE = 8 * 60;

	private final Map<String, GeoPoint> sites = new LinkedHashMap<>();

	private final Map<String, String> siteIds = new LinkedHashMap<>();

	private HistoryScenario() {
	}

	/**
	 * @param name scenario name
	 * @param from first day
	 * @param to last day (inclusive)
	 * @param zone the project's time zone
	 * @param orders the period's orders, with their sites ({@code null} when unknown)
	 * @param positions order number → site
	 * @param roster the technicians serving the project
	 */
	static Scenario of(String name, LocalDate from, LocalDate to, ZoneId zone, List<PastOrder> orders,
			Map<String, GeoPoint> positions, List<Technician> roster) {
		HistoryScenario builder = new HistoryScenario();
		GeoPoint centre = centre(positions.values());
		ZonedDateTime start = from.atStartOfDay(zone);
		double hours = Duration.between(start, to.plusDays(1).atStartOfDay(zone)).toMinutes() / 60.0;
		List<Scenario.RequestSpec> requests = new ArrayList<>();
		for (PastOrder order : orders) {
			String site = builder.site(positions.getOrDefault(order.number(), centre));
			Scenario.Window window = order.appointmentFrom() == null ? null
					: new Scenario.Window(order.appointmentFrom().atZone(zone).toOffsetDateTime(),
							order.appointmentTo().atZone(zone).toOffsetDateTime());
			requests.add(new Scenario.RequestSpec(order.number(), order.reportedAt().atZone(zone).toOffsetDateTime(),
					site, order.category(), order.grade(), serviceMinutes(order), window));
		}
		List<Scenario.TechnicianSpec> technicians = new ArrayList<>();
		for (Technician technician : roster) {
			if (technician.skills().isEmpty()) {
				continue;
			}
			GeoPoint base = technician.position() == null ? centre : technician.position();
			technicians.add(new Scenario.TechnicianSpec(technician.username(),
					List.copyOf(technician.skills().keySet()), builder.site(base), shifts(technician.shifts())));
		}
		List<Scenario.SiteSpec> siteSpecs = builder.sites.entrySet()
			.stream()
			.map(e -> new Scenario.SiteSpec(builder.siteIds.get(key(e.getValue())), e.getValue().lat(),
					e.getValue().lng()))
			.toList();
		return new Scenario(name, 1, start.toOffsetDateTime(), hours, new Scenario.Travel(20, 1.3), 2.0, siteSpecs,
				technicians, null, requests, null, List.of());
	}

	/**
	 * The scenario with {@code extra} more technicians: each a copy of the technician
	 * whose skills cover most of the period's emergencies and urgent orders (then the
	 * next), based at the centre of the orders' sites.
	 */
	static Scenario withExtraTechnicians(Scenario scenario, int extra) {
		if (extra <= 0) {
			return scenario;
		}
		Map<Category, Long> urgentDemand = new LinkedHashMap<>();
		for (Scenario.RequestSpec request : scenario.requests()) {
			if (request.grade() == Grade.L1 || request.grade() == Grade.L2) {
				urgentDemand.merge(request.category(), request.grade() == Grade.L1 ? 3L : 1L, Long::sum);
			}
		}
		List<Scenario.TechnicianSpec> ranked = scenario.technicians()
			.stream()
			.sorted(Comparator
				.comparingLong((Scenario.TechnicianSpec t) -> -t.skills()
					.stream()
					.mapToLong(c -> urgentDemand.getOrDefault(c, 0L))
					.sum())
				.thenComparing(Scenario.TechnicianSpec::id))
			.toList();
		if (ranked.isEmpty()) {
			return scenario;
		}
		List<Scenario.SiteSpec> sites = new ArrayList<>(scenario.sites());
		GeoPoint centre = centre(sites.stream().map(s -> new GeoPoint(s.lat(), s.lng())).toList());
		sites.add(new Scenario.SiteSpec("CENTRE", centre.lat(), centre.lng()));
		List<Scenario.TechnicianSpec> technicians = new ArrayList<>(scenario.technicians());
		for (int i = 0; i < extra; i++) {
			Scenario.TechnicianSpec model = ranked.get(i % ranked.size());
			technicians.add(new Scenario.TechnicianSpec("EXTRA" + (i + 1) + "-like-" + model.id(), model.skills(),
					"CENTRE", model.shifts()));
		}
		return new Scenario(scenario.name() + " +" + extra, scenario.seed(), scenario.start(), scenario.hours(),
				scenario.travel(), scenario.dispatchOverheadMinutes(), sites, technicians, scenario.sla(),
				scenario.requests(), scenario.generator(), scenario.incidents(), scenario.onCallWakeUpMinutes());
	}

	private String site(GeoPoint point) {
		String key = key(point);
		if (!siteIds.containsKey(key)) {
			siteIds.put(key, "S" + (siteIds.size() + 1));
			sites.put(key, point);
		}
		return siteIds.get(key);
	}

	private static String key(GeoPoint point) {
		return point.lat() + "," + point.lng();
	}

	private static double serviceMinutes(PastOrder order) {
		if (order.startedAt() != null && order.completedAt() != null) {
			double minutes = Duration.between(order.startedAt(), order.completedAt()).toSeconds() / 60.0;
			if (minutes >= MIN_SERVICE && minutes <= MAX_SERVICE) {
				return Math.round(minutes * 10) / 10.0;
			}
		}
		return Recommender.service(order.category()).toMinutes();
	}

	/**
	 * Weekly shifts become daily ones in the scenario format, each with its days; on-call
	 * duty keeps its flag.
	 */
	private static List<Scenario.ShiftSpec> shifts(List<Shift> shifts) {
		return shifts.stream()
			.map(s -> new Scenario.ShiftSpec(s.from().toString(), s.to().toString(),
					s.dayOfWeek() == null ? null : Set.copyOf(EnumSet.of(s.dayOfWeek())), s.onCall() ? true : null))
			.toList();
	}

	private static GeoPoint centre(java.util.Collection<GeoPoint> points) {
		if (points.isEmpty()) {
			return new GeoPoint(31.23, 121.47);
		}
		double lat = points.stream().mapToDouble(GeoPoint::lat).average().orElseThrow();
		double lng = points.stream().mapToDouble(GeoPoint::lng).average().orElseThrow();
		return new GeoPoint(lat, lng);
	}

}

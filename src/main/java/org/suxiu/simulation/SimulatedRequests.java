package org.suxiu.simulation;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.suxiu.shared.Category;
import org.suxiu.shared.GeoPoint;
import org.suxiu.shared.Grade;

/**
 * Expands a scenario into its requests once, from its seed, so every policy sees the very
 * same requests, service times and appointments (common random numbers).
 */
final class SimulatedRequests {

	/**
	 * One request, times in minutes from the scenario's start.
	 *
	 * @param id request id
	 * @param at when it comes in
	 * @param siteId where
	 * @param site its position
	 * @param category repair type
	 * @param grade grade
	 * @param serviceMinutes how long the work takes on site
	 * @param notBefore appointment start, or the request time
	 */
	record Request(String id, double at, String siteId, GeoPoint site, Category category, Grade grade,
			double serviceMinutes, double notBefore) {
	}

	private SimulatedRequests() {
	}

	static List<Request> expand(Scenario scenario, Map<String, GeoPoint> sites) {
		List<Request> requests = new ArrayList<>();
		if (scenario.requests() != null) {
			for (Scenario.RequestSpec spec : scenario.requests()) {
				double at = minutes(scenario.start(), spec.at());
				double notBefore = spec.appointment() == null ? at
						: minutes(scenario.start(), spec.appointment().from());
				requests.add(new Request(spec.id(), at, spec.site(), site(sites, spec.site()), spec.category(),
						spec.grade(), spec.serviceMinutes() == null ? 45 : spec.serviceMinutes(), notBefore));
			}
		}
		if (scenario.generator() != null) {
			requests.addAll(generate(scenario, sites));
		}
		requests.sort(Comparator.comparingDouble(Request::at).thenComparing(Request::id));
		return requests;
	}

	private static List<Request> generate(Scenario scenario, Map<String, GeoPoint> sites) {
		Scenario.Generator generator = scenario.generator();
		Random random = new Random(scenario.seed());
		List<String> siteIds = scenario.sites().stream().map(Scenario.SiteSpec::id).toList();
		List<Request> requests = new ArrayList<>();
		int hours = (int) Math.ceil(scenario.hours());
		for (int hour = 0; hour < hours; hour++) {
			double rate = generator.perHour().get(hour % generator.perHour().size()) * surge(scenario, hour);
			int count = poisson(random, rate);
			for (int i = 0; i < count; i++) {
				double at = hour * 60 + random.nextDouble() * 60;
				Grade grade = pick(random, generator.grades());
				Category category = pick(random, generator.emergencyCategories() != null && grade == Grade.L1
						? generator.emergencyCategories() : generator.categories());
				String siteId = siteIds.get(random.nextInt(siteIds.size()));
				Scenario.Spread spread = generator.serviceMinutes() == null ? new Scenario.Spread(45, 20)
						: generator.serviceMinutes()
							.getOrDefault(category.name(),
									generator.serviceMinutes().getOrDefault("default", new Scenario.Spread(45, 20)));
				double service = Math.max(5, spread.mean() + spread.sd() * random.nextGaussian());
				double notBefore = grade == Grade.L4 ? nextMorning(scenario, at) : at;
				requests.add(new Request(String.format("G%05d", requests.size() + 1), at, siteId, site(sites, siteId),
						category, grade, Math.round(service * 10) / 10.0, notBefore));
			}
		}
		if (generator.clusters() != null) {
			requests.addAll(clusters(scenario, requests));
		}
		return requests;
	}

	/**
	 * Follow-up calls after urgent ones, from a random stream of their own, so the other
	 * requests are those the scenario draws without clusters.
	 */
	private static List<Request> clusters(Scenario scenario, List<Request> first) {
		Scenario.Clusters clusters = scenario.generator().clusters();
		Random random = new Random(scenario.seed() * 31 + 17);
		List<Request> more = new ArrayList<>();
		for (Request request : first) {
			if (request.grade() != Grade.L1 && request.grade() != Grade.L2) {
				continue;
			}
			if (random.nextDouble() >= clusters.chance()) {
				continue;
			}
			int count = clusters.min() + random.nextInt(clusters.max() - clusters.min() + 1);
			for (int i = 0; i < count; i++) {
				double at = request.at() + random.nextDouble() * clusters.withinMinutes();
				double service = Math.max(5, request.serviceMinutes() * (0.7 + 0.6 * random.nextDouble()));
				if (at < scenario.hours() * 60) {
					more.add(new Request(String.format("C%05d", more.size() + 1), at, request.siteId(), request.site(),
							request.category(), request.grade(), Math.round(service * 10) / 10.0, at));
				}
			}
		}
		return more;
	}

	/** Planned work is booked for 09:00 the next day. */
	private static double nextMorning(Scenario scenario, double at) {
		OffsetDateTime when = scenario.start().plus(Duration.ofSeconds((long) (at * 60)));
		OffsetDateTime morning = when.toLocalDate().plusDays(1).atTime(9, 0).atOffset(scenario.start().getOffset());
		return minutes(scenario.start(), morning);
	}

	private static double surge(Scenario scenario, int hour) {
		double factor = 1;
		if (scenario.generator().surges() != null) {
			for (Scenario.Surge surge : scenario.generator().surges()) {
				double from = minutes(scenario.start(), surge.from()) / 60;
				if (hour + 0.5 >= from && hour + 0.5 < from + surge.hours()) {
					factor *= surge.factor();
				}
			}
		}
		return factor;
	}

	private static int poisson(Random random, double rate) {
		double limit = Math.exp(-rate);
		double product = random.nextDouble();
		int count = 0;
		while (product > limit) {
			product *= random.nextDouble();
			count++;
		}
		return count;
	}

	private static <T> T pick(Random random, Map<T, Double> weights) {
		double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
		double draw = random.nextDouble() * total;
		T last = null;
		for (Map.Entry<T, Double> entry : weights.entrySet()
			.stream()
			.sorted(Comparator.comparing(e -> e.getKey().toString()))
			.toList()) {
			last = entry.getKey();
			draw -= entry.getValue();
			if (draw < 0) {
				return entry.getKey();
			}
		}
		return last;
	}

	static double minutes(OffsetDateTime start, OffsetDateTime at) {
		return Duration.between(start, at).toSeconds() / 60.0;
	}

	private static GeoPoint site(Map<String, GeoPoint> sites, String id) {
		GeoPoint site = sites.get(id);
		if (site == null) {
			throw new IllegalArgumentException("unknown site " + id);
		}
		return site;
	}

}

package org.suxiu.simulation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.suxiu.shared.Category;
import org.suxiu.shared.GeoPoint;
import org.suxiu.shared.Grade;
import org.suxiu.simulation.ScenarioGenerator.Profile;
import org.suxiu.simulation.SimulatedRequests.Request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The generator draws what {@code docs/scenario-generator.md} says it draws: the
 * documented figures are written out here again (not read from the generator), and each
 * is checked over many draws with a tolerance of about four standard errors.
 */
class ScenarioGeneratorTest {

	/** docs/scenario-generator.md, "Hour profile". */
	private static final double[] HOURLY = { 2, 1, 1, 1, 1, 2, 4, 8, 12, 14, 12, 10, 9, 10, 11, 12, 12, 13, 14, 12, 9,
			6, 4, 3 };

	private static final int DRAWS = 400;

	@Test
	void theSameProfileAndSeedGiveTheSameScenario() {
		assertThat(ScenarioGenerator.generate(Profile.STORM, 42))
			.isEqualTo(ScenarioGenerator.generate(Profile.STORM, 42));
		assertThat(ScenarioGenerator.generate(Profile.STORM, 42))
			.isNotEqualTo(ScenarioGenerator.generate(Profile.STORM, 43));
		assertThat(ScenarioGenerator.generate("mixed", 5)).isEqualTo(ScenarioGenerator.generate("mixed", 5));
	}

	@Test
	void estatesAreAsDocumented() {
		double sites = 0;
		double distance = 0;
		int points = 0;
		GeoPoint centre = new GeoPoint(31.2304, 121.4737);
		for (int seed = 0; seed < DRAWS; seed++) {
			Scenario s = ScenarioGenerator.generate(Profile.DAY, seed);
			assertThat(s.sites().size()).isBetween(12, 24);
			sites += s.sites().size();
			for (Scenario.SiteSpec site : s.sites()) {
				double km = centre.kilometresTo(new GeoPoint(site.lat(), site.lng()));
				assertThat(km).isLessThanOrEqualTo(6.01);
				distance += km;
				points++;
			}
		}
		// U{12..24}: mean 18, sd 3.74; uniform in a disc of radius U[3, 6]: mean distance
		// 2/3 · 4.5
		assertThat(sites / DRAWS).isCloseTo(18, within(0.75));
		assertThat(distance / points).isCloseTo(3.0, within(0.12));
	}

	@Test
	void volumeAndHourProfileAreAsDocumented() {
		double sum = 0;
		for (double w : HOURLY) {
			sum += w;
		}
		Map<Profile, double[]> volume = Map.of(Profile.DAY, new double[] { 180, 320 }, Profile.STORM,
				new double[] { 150, 250 }, Profile.NIGHT, new double[] { 120, 220 });
		for (Profile profile : Profile.values()) {
			double total = 0;
			for (int seed = 0; seed < DRAWS; seed++) {
				Scenario s = ScenarioGenerator.generate(profile, seed);
				List<Double> perHour = s.generator().perHour();
				int first = s.start().getHour();
				double v = perHour.get(0) * sum / HOURLY[first];
				for (int h = 0; h < perHour.size(); h++) {
					assertThat(perHour.get(h)).isCloseTo(v * HOURLY[(first + h) % 24] / sum, within(0.01));
				}
				assertThat(v).isBetween(volume.get(profile)[0] - 0.5, volume.get(profile)[1] + 0.5);
				total += v;
			}
			double[] range = volume.get(profile);
			double sd = (range[1] - range[0]) / Math.sqrt(12);
			assertThat(total / DRAWS).as(profile.name())
				.isCloseTo((range[0] + range[1]) / 2, within(4 * sd / Math.sqrt(DRAWS)));
		}
		for (Profile night : List.of(Profile.NIGHT, Profile.STORM)) {
			assertThat(ScenarioGenerator.generate(night, 1).start().getHour()).isEqualTo(18);
			assertThat(ScenarioGenerator.generate(night, 1).hours()).isEqualTo(14);
		}
		assertThat(ScenarioGenerator.generate(Profile.DAY, 1).start().getHour()).isZero();
	}

	@Test
	void drawnRequestsFollowTheGradeCategoryHourAndServiceDistributions() {
		Map<Grade, Double> grades = Map.of(Grade.L1, 0.04, Grade.L2, 0.13, Grade.L3, 0.60, Grade.L4, 0.23);
		Map<Category, Double> categories = new EnumMap<>(Category.class);
		categories.putAll(Map.of(Category.PLUMBING, 0.30, Category.ELECTRICAL, 0.20, Category.DOOR_WINDOW, 0.14,
				Category.WALL_CEILING, 0.10, Category.APPLIANCE, 0.08, Category.ELEVATOR, 0.06,
				Category.PUBLIC_FACILITY, 0.05, Category.OTHER, 0.03, Category.GAS, 0.02, Category.FIRE, 0.02));
		Map<Category, Double> emergencyCategories = new EnumMap<>(Category.class);
		emergencyCategories.putAll(Map.of(Category.PLUMBING, 0.30, Category.ELECTRICAL, 0.24, Category.DOOR_WINDOW,
				0.06, Category.WALL_CEILING, 0.05, Category.APPLIANCE, 0.02, Category.ELEVATOR, 0.18,
				Category.PUBLIC_FACILITY, 0.04, Category.OTHER, 0.01, Category.GAS, 0.07, Category.FIRE, 0.03));
		Map<Category, double[]> service = Map.of(Category.PLUMBING, new double[] { 45, 20 }, Category.ELEVATOR,
				new double[] { 40, 15 }, Category.GAS, new double[] { 30, 10 }, Category.WALL_CEILING,
				new double[] { 60, 25 });
		List<Request> all = new ArrayList<>();
		double[] byHour = new double[24];
		for (int seed = 0; seed < 100; seed++) {
			Scenario s = ScenarioGenerator.generate(Profile.DAY, seed);
			// the calls drawn hour by hour; follow-ups (C…) are checked on their own
			List<Request> requests = SimulatedRequests.expand(s, Simulation.sites(s))
				.stream()
				.filter(r -> r.id().startsWith("G"))
				.toList();
			all.addAll(requests);
			if (s.generator().surges().isEmpty()) {
				requests.forEach(r -> byHour[(int) (r.at() / 60)]++);
			}
		}
		int n = all.size();
		grades.forEach((grade, p) -> assertThat(share(all, r -> r.grade() == grade)).as(grade.name())
			.isCloseTo(p, within(4 * Math.sqrt(p * (1 - p) / n))));
		List<Request> routine = all.stream().filter(r -> r.grade() != Grade.L1).toList();
		List<Request> urgent = all.stream().filter(r -> r.grade() == Grade.L1).toList();
		categories
			.forEach((category, p) -> assertThat(share(routine, r -> r.category() == category)).as(category.name())
				.isCloseTo(p, within(4 * Math.sqrt(p * (1 - p) / routine.size()))));
		emergencyCategories.forEach((category, p) -> assertThat(share(urgent, r -> r.category() == category))
			.as("urgent " + category.name())
			.isCloseTo(p, within(4 * Math.sqrt(p * (1 - p) / urgent.size()) + 0.001)));
		double hours = java.util.Arrays.stream(byHour).sum();
		double sum = java.util.Arrays.stream(HOURLY).sum();
		for (int h = 0; h < 24; h++) {
			double p = HOURLY[h] / sum;
			assertThat(byHour[h] / hours).as("hour " + h)
				.isCloseTo(p, within(4 * Math.sqrt(p * (1 - p) / hours) + 0.002));
		}
		service.forEach((category, spread) -> {
			double[] minutes = all.stream()
				.filter(r -> r.category() == category)
				.mapToDouble(Request::serviceMinutes)
				.toArray();
			double mean = java.util.Arrays.stream(minutes).average().orElseThrow();
			double sd = Math
				.sqrt(java.util.Arrays.stream(minutes).map(m -> (m - mean) * (m - mean)).sum() / (minutes.length - 1));
			// truncation below at 5 min moves the mean of 45/20 by +0.2, of 60/25 by +0.1
			assertThat(mean).as(category.name())
				.isCloseTo(spread[0], within(4 * spread[1] / Math.sqrt(minutes.length) + 0.3));
			assertThat(sd).as(category.name()).isCloseTo(spread[1], within(0.08 * spread[1]));
			assertThat(java.util.Arrays.stream(minutes).min().orElseThrow()).isGreaterThanOrEqualTo(5);
		});
	}

	@Test
	void rosterSkillsAndShiftsAreAsDocumented() {
		Map<Category, Double> chance = Map.of(Category.PLUMBING, 0.4, Category.ELECTRICAL, 0.4, Category.DOOR_WINDOW,
				0.35, Category.WALL_CEILING, 0.25, Category.APPLIANCE, 0.25, Category.PUBLIC_FACILITY, 0.25,
				Category.OTHER, 0.3, Category.ELEVATOR, 0.12, Category.GAS, 0.1, Category.FIRE, 0.1);
		int technicians = 0;
		int dayTechnicians = 0;
		double perTechnician = 0;
		double night = 0;
		Map<Category, Integer> skilled = new EnumMap<>(Category.class);
		Map<String, Integer> shifts = new java.util.HashMap<>();
		double sum = java.util.Arrays.stream(HOURLY).sum();
		for (int seed = 0; seed < DRAWS; seed++) {
			Scenario s = ScenarioGenerator.generate(Profile.DAY, seed);
			double volume = s.generator().perHour().get(0) * sum / HOURLY[0];
			int day = 0;
			int nights = 0;
			for (Scenario.TechnicianSpec t : s.technicians()) {
				Scenario.ShiftSpec shift = t.shifts().get(0);
				if (Boolean.TRUE.equals(shift.onCall())) {
					continue;
				}
				technicians++;
				t.skills().forEach(c -> skilled.merge(c, 1, Integer::sum));
				if (shift.from().equals("20:00")) {
					nights++;
				}
				else {
					day++;
					shifts.merge(shift.from() + "-" + shift.to(), 1, Integer::sum);
				}
				assertThat(s.sites().stream().map(Scenario.SiteSpec::id)).contains(t.base());
			}
			for (Category category : Category.values()) {
				assertThat(s.technicians().stream().anyMatch(t -> t.skills().contains(category))).isTrue();
			}
			assertThat(nights).isBetween(2, 4);
			assertThat(day).isBetween((int) Math.round(volume / 20) - 1, (int) Math.round(volume / 12) + 1);
			dayTechnicians += day;
			perTechnician += volume / day;
			night += nights;
		}
		int total = technicians;
		// every trade nobody has goes to one technician: with ~20 technicians a few
		// tenths
		// of a point at most
		chance
			.forEach((category, p) -> assertThat((double) skilled.getOrDefault(category, 0) / total).as(category.name())
				.isCloseTo(p, within(4 * Math.sqrt(p * (1 - p) / total) + 0.01)));
		assertThat(night / DRAWS).isCloseTo(3, within(4 * 0.816 / Math.sqrt(DRAWS)));
		// V ÷ round(V ÷ U[12, 20]): close to the mean of U[12, 20]
		assertThat(perTechnician / DRAWS).isCloseTo(16, within(0.6));
		int days = dayTechnicians;
		assertThat((double) shifts.get("08:00-20:00") / days).isCloseTo(0.6, within(0.03));
		assertThat((double) shifts.get("07:00-15:00") / days).isCloseTo(0.2, within(0.025));
		assertThat((double) shifts.get("12:00-22:00") / days).isCloseTo(0.2, within(0.025));
		assertThat(shifts).hasSize(3);
	}

	@Test
	void onCallRosterIsAsDocumented() {
		Map<Profile, int[]> range = Map.of(Profile.DAY, new int[] { 0, 1 }, Profile.STORM, new int[] { 2, 4 },
				Profile.NIGHT, new int[] { 1, 3 });
		Map<Profile, Double> sd = Map.of(Profile.DAY, 0.5, Profile.STORM, 0.816, Profile.NIGHT, 0.816);
		double wakeUp = 0;
		for (Profile profile : Profile.values()) {
			double onCall = 0;
			for (int seed = 0; seed < DRAWS; seed++) {
				Scenario s = ScenarioGenerator.generate(profile, seed);
				List<Scenario.TechnicianSpec> duty = s.technicians()
					.stream()
					.filter(t -> Boolean.TRUE.equals(t.shifts().get(0).onCall()))
					.toList();
				assertThat(duty.size()).isBetween(range.get(profile)[0], range.get(profile)[1]);
				for (Scenario.TechnicianSpec t : duty) {
					Scenario.ShiftSpec shift = t.shifts().get(0);
					assertThat(shift.from() + "-" + shift.to())
						.isEqualTo(profile == Profile.STORM ? "00:00-00:00" : "20:00-08:00");
					assertThat(t.skills()).isNotEmpty();
					// asleep on call: nobody's drop-out
					assertThat(s.incidents()).noneMatch(i -> i.technician().equals(t.id()));
				}
				onCall += duty.size();
				assertThat(s.onCallWakeUpMinutes()).isBetween(10.0, 20.0);
				wakeUp += s.onCallWakeUpMinutes();
			}
			double mean = (range.get(profile)[0] + range.get(profile)[1]) / 2.0;
			assertThat(onCall / DRAWS).as(profile.name())
				.isCloseTo(mean, within(4 * sd.get(profile) / Math.sqrt(DRAWS)));
		}
		assertThat(wakeUp / (3 * DRAWS)).isCloseTo(15, within(4 * Math.sqrt(10) / Math.sqrt(3 * DRAWS)));
	}

	@Test
	void urgentCallsComeInClustersAsDocumented() {
		Map<Profile, double[]> documented = Map.of(Profile.DAY, new double[] { 0.2, 1, 2 }, Profile.STORM,
				new double[] { 0.3, 1, 2 }, Profile.NIGHT, new double[] { 0.25, 1, 2 });
		for (Profile profile : Profile.values()) {
			double[] d = documented.get(profile);
			int urgent = 0;
			int followUps = 0;
			for (int seed = 0; seed < DRAWS; seed++) {
				Scenario s = ScenarioGenerator.generate(profile, seed);
				List<Request> requests = SimulatedRequests.expand(s, Simulation.sites(s));
				List<Request> first = requests.stream()
					.filter(r -> r.id().startsWith("G") && (r.grade() == Grade.L1 || r.grade() == Grade.L2))
					.toList();
				urgent += first.size();
				for (Request more : requests.stream().filter(r -> r.id().startsWith("C")).toList()) {
					followUps++;
					// from the same site, the same grade and trade, within 30 minutes of
					// an
					// urgent call
					assertThat(first).anyMatch(r -> r.siteId().equals(more.siteId()) && r.grade() == more.grade()
							&& r.category() == more.category() && more.at() >= r.at() && more.at() <= r.at() + 30);
				}
			}
			// expected follow-ups per urgent call: chance × mean of U{min..max} (a few
			// fall after the period's end, so slightly fewer)
			double expected = d[0] * (d[1] + d[2]) / 2;
			assertThat((double) followUps / urgent).as(profile.name()).isBetween(expected * 0.85, expected * 1.1);
		}
	}

	@Test
	void surgesAndDropOutsAreAsDocumented() {
		Map<Profile, double[]> surgeChance = Map.of(Profile.DAY, new double[] { 0.25 }, Profile.NIGHT,
				new double[] { 0.25 }, Profile.STORM, new double[] { 1 });
		Map<Profile, Double> dropouts = Map.of(Profile.DAY, 0.3, Profile.STORM, 1.5, Profile.NIGHT, 0.5);
		for (Profile profile : Profile.values()) {
			int surges = 0;
			int incidents = 0;
			double length = 0;
			for (int seed = 0; seed < DRAWS; seed++) {
				Scenario s = ScenarioGenerator.generate(profile, seed);
				for (Scenario.Surge surge : s.generator().surges()) {
					surges++;
					double from = SimulatedRequests.minutes(s.start(), surge.from()) / 60;
					if (profile == Profile.STORM) {
						assertThat(from).isBetween(1.0, 6.0);
						assertThat(surge.hours()).isBetween(2.0, 5.0);
						assertThat(surge.factor()).isBetween(2.0, 4.0);
					}
					else {
						assertThat(from).isBetween(profile == Profile.DAY ? 8.0 : 0.0,
								profile == Profile.DAY ? 19.0 : 9.0);
						assertThat(surge.hours()).isBetween(1.0, 3.0);
						assertThat(surge.factor()).isBetween(1.5, 2.5);
					}
				}
				assertThat(s.generator().surges().size()).isLessThanOrEqualTo(1);
				Simulation sim = new Simulation(s, List.of(), Simulation.sites(s), Simulation.limits(s));
				for (Scenario.Incident incident : s.incidents()) {
					incidents++;
					length += incident.hours();
					double at = SimulatedRequests.minutes(s.start(), incident.at());
					assertThat(at).isBetween(60.0, s.hours() * 60 - 120);
					assertThat(incident.hours()).isBetween(2.0, 6.0);
					Simulation.Tech tech = sim.techs.stream()
						.filter(t -> t.name.equals(incident.technician()))
						.findFirst()
						.orElseThrow();
					// the drop-out's own window is in the simulation: look just before it
					tech.away.clear();
					assertThat(sim.isOnShift(tech, at)).isTrue();
				}
			}
			double p = surgeChance.get(profile)[0];
			assertThat((double) surges / DRAWS).as(profile + " surges")
				.isCloseTo(p, within(4 * Math.sqrt(p * (1 - p) / DRAWS) + 1e-9));
			assertThat((double) incidents / DRAWS).as(profile + " drop-outs")
				.isCloseTo(dropouts.get(profile), within(4 * 0.5 / Math.sqrt(DRAWS)));
			assertThat(length / incidents).as(profile + " drop-out hours").isCloseTo(4, within(0.35));
		}
	}

	private static double share(List<Request> requests, java.util.function.Predicate<Request> test) {
		return (double) requests.stream().filter(test).count() / requests.size();
	}

}

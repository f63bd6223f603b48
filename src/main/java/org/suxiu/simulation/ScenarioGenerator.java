package org.suxiu.simulation;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.suxiu.shared.Category;
import org.suxiu.shared.Grade;

/**
 * Draws whole scenarios — estates, roster, skills, shifts, arrival profile, grade and
 * category mix, surges, service times and drop-outs — from the distributions documented
 * in {@code docs/scenario-generator.md}; the same profile and seed always give the same
 * scenario. Requests themselves are drawn by {@link SimulatedRequests} from the
 * scenario's {@code generator} block, as for any scenario file.
 */
final class ScenarioGenerator {

	/** What kind of period is drawn. */
	enum Profile {

		DAY, STORM, NIGHT;

		static Profile parse(String name) {
			return valueOf(name.toUpperCase(Locale.ROOT));
		}

	}

	/** The phoned-in weekday profile, calls per hour 00–23 (relative weights). */
	static final double[] HOURLY = { 2, 1, 1, 1, 1, 2, 4, 8, 12, 14, 12, 10, 9, 10, 11, 12, 12, 13, 14, 12, 9, 6, 4,
			3 };

	static final double CENTRE_LAT = 31.2304;

	static final double CENTRE_LNG = 121.4737;

	/** Independent chance that a technician has each skill. */
	static final Map<Category, Double> SKILL_CHANCE = new EnumMap<>(
			Map.of(Category.PLUMBING, 0.4, Category.ELECTRICAL, 0.4, Category.DOOR_WINDOW, 0.35, Category.WALL_CEILING,
					0.25, Category.APPLIANCE, 0.25, Category.PUBLIC_FACILITY, 0.25, Category.OTHER, 0.3,
					Category.ELEVATOR, 0.12, Category.GAS, 0.1, Category.FIRE, 0.1));

	private static final Map<String, Scenario.Spread> SERVICE = new LinkedHashMap<>();

	static {
		SERVICE.put("default", new Scenario.Spread(45, 20));
		SERVICE.put("ELEVATOR", new Scenario.Spread(40, 15));
		SERVICE.put("GAS", new Scenario.Spread(30, 10));
		SERVICE.put("FIRE", new Scenario.Spread(30, 10));
		SERVICE.put("WALL_CEILING", new Scenario.Spread(60, 25));
	}

	private ScenarioGenerator() {
	}

	static Map<Grade, Double> grades(Profile profile) {
		return switch (profile) {
			case DAY -> grades(0.04, 0.13, 0.60, 0.23);
			case STORM -> grades(0.08, 0.10, 0.60, 0.22);
			case NIGHT -> grades(0.10, 0.25, 0.50, 0.15);
		};
	}

	static Map<Category, Double> categories(Profile profile) {
		Map<Category, Double> mix = new EnumMap<>(Category.class);
		if (profile == Profile.STORM) {
			put(mix, 0.36, 0.24, 0.16, 0.10, 0.05, 0.03, 0.01, 0.01, 0.03, 0.01);
		}
		else {
			put(mix, 0.30, 0.20, 0.10, 0.14, 0.06, 0.08, 0.02, 0.02, 0.05, 0.03);
		}
		return mix;
	}

	/**
	 * The trades of emergencies (L1): burst pipes, power, people trapped in lifts and gas
	 * come first, whatever the mix of other work.
	 */
	static Map<Category, Double> emergencyCategories(Profile profile) {
		Map<Category, Double> mix = new EnumMap<>(Category.class);
		if (profile == Profile.STORM) {
			put(mix, 0.34, 0.30, 0.10, 0.06, 0.12, 0.00, 0.03, 0.01, 0.03, 0.01);
		}
		else {
			put(mix, 0.30, 0.24, 0.05, 0.06, 0.18, 0.02, 0.07, 0.03, 0.04, 0.01);
		}
		return mix;
	}

	/** Follow-up calls after an urgent one. */
	static Scenario.Clusters clusters(Profile profile) {
		return switch (profile) {
			case DAY -> new Scenario.Clusters(0.2, 1, 2, 30);
			case STORM -> new Scenario.Clusters(0.3, 1, 2, 30);
			case NIGHT -> new Scenario.Clusters(0.25, 1, 2, 30);
		};
	}

	private static void put(Map<Category, Double> mix, double plumbing, double electrical, double wallCeiling,
			double doorWindow, double elevator, double appliance, double gas, double fire, double publicFacility,
			double other) {
		mix.put(Category.PLUMBING, plumbing);
		mix.put(Category.ELECTRICAL, electrical);
		mix.put(Category.WALL_CEILING, wallCeiling);
		mix.put(Category.DOOR_WINDOW, doorWindow);
		mix.put(Category.ELEVATOR, elevator);
		mix.put(Category.APPLIANCE, appliance);
		mix.put(Category.GAS, gas);
		mix.put(Category.FIRE, fire);
		mix.put(Category.PUBLIC_FACILITY, publicFacility);
		mix.put(Category.OTHER, other);
	}

	private static Map<Grade, Double> grades(double l1, double l2, double l3, double l4) {
		Map<Grade, Double> mix = new EnumMap<>(Grade.class);
		mix.put(Grade.L1, l1);
		mix.put(Grade.L2, l2);
		mix.put(Grade.L3, l3);
		mix.put(Grade.L4, l4);
		return mix;
	}

	static Map<String, Scenario.Spread> serviceMinutes() {
		return new LinkedHashMap<>(SERVICE);
	}

	/** The scenario for one profile and seed. */
	static Scenario generate(Profile profile, long seed) {
		Random random = new Random(seed * 0x9E3779B97F4A7C15L + profile.ordinal());
		OffsetDateTime day = OffsetDateTime.parse("2026-12-07T00:00:00+08:00");
		// storms are storm nights, as the outside days have them
		int startHour = profile == Profile.DAY ? 0 : 18;
		int hours = profile == Profile.DAY ? 24 : 14;
		OffsetDateTime start = day.plusHours(startHour);

		// estates: a disc around the centre
		int siteCount = uniformInt(random, 12, 24);
		double radiusKm = uniform(random, 3, 6);
		List<Scenario.SiteSpec> sites = new ArrayList<>();
		for (int i = 0; i < siteCount; i++) {
			double r = radiusKm * Math.sqrt(random.nextDouble());
			double angle = 2 * Math.PI * random.nextDouble();
			double lat = CENTRE_LAT + r * Math.sin(angle) / 111.32;
			double lng = CENTRE_LNG + r * Math.cos(angle) / (111.32 * Math.cos(Math.toRadians(CENTRE_LAT)));
			sites.add(new Scenario.SiteSpec(String.format("S%02d", i + 1), round(lat, 5), round(lng, 5)));
		}

		// volume and the hour profile (rotated to the scenario's first hour)
		double volume = switch (profile) {
			case DAY -> uniform(random, 180, 320);
			case STORM -> uniform(random, 150, 250);
			case NIGHT -> uniform(random, 120, 220);
		};
		double weightSum = 0;
		for (double w : HOURLY) {
			weightSum += w;
		}
		List<Double> perHour = new ArrayList<>();
		for (int h = 0; h < hours; h++) {
			perHour.add(round(volume * HOURLY[(startHour + h) % 24] / weightSum, 3));
		}

		// roster
		int dayTechs = Math.max(2, (int) Math.round(volume / uniform(random, 12, 20)));
		if (profile == Profile.NIGHT) {
			dayTechs = uniformInt(random, 2, 4);
		}
		// a storm night has a night crew as large as a quiet night's
		int nightTechs = profile == Profile.DAY ? uniformInt(random, 2, 4) : uniformInt(random, 3, 5);
		List<Scenario.TechnicianSpec> technicians = new ArrayList<>();
		List<List<Category>> skills = new ArrayList<>();
		for (int i = 0; i < dayTechs + nightTechs; i++) {
			List<Category> has = new ArrayList<>();
			for (Category category : Category.values()) {
				if (random.nextDouble() < SKILL_CHANCE.get(category)) {
					has.add(category);
				}
			}
			skills.add(has);
		}
		// every category has at least one technician
		for (Category category : Category.values()) {
			if (skills.stream().noneMatch(s -> s.contains(category))) {
				skills.get(random.nextInt(skills.size())).add(category);
			}
		}
		for (int i = 0; i < dayTechs + nightTechs; i++) {
			Scenario.ShiftSpec shift;
			if (i >= dayTechs) {
				shift = new Scenario.ShiftSpec("20:00", "08:00", null, null);
			}
			else {
				double draw = random.nextDouble();
				shift = draw < 0.6 ? new Scenario.ShiftSpec("08:00", "20:00", null, null)
						: draw < 0.8 ? new Scenario.ShiftSpec("07:00", "15:00", null, null)
								: new Scenario.ShiftSpec("12:00", "22:00", null, null);
			}
			List<Category> sorted = skills.get(i).stream().sorted().toList();
			technicians.add(new Scenario.TechnicianSpec(String.format("T%02d", i + 1), sorted,
					sites.get(random.nextInt(siteCount)).id(), List.of(shift)));
		}

		// surges
		List<Scenario.Surge> surges = new ArrayList<>();
		if (profile == Profile.STORM) {
			surges.add(new Scenario.Surge(start.plusHours(uniformInt(random, 1, 6)), uniformInt(random, 2, 5),
					round(uniform(random, 2, 4), 2)));
		}
		else if (random.nextDouble() < 0.25) {
			int from = profile == Profile.DAY ? uniformInt(random, 8, 19) : uniformInt(random, 0, 9);
			surges.add(new Scenario.Surge(start.plusHours(from), uniformInt(random, 1, 3),
					round(uniform(random, 1.5, 2.5), 2)));
		}

		// drop-outs
		int dropouts = switch (profile) {
			case DAY -> random.nextDouble() < 0.3 ? 1 : 0;
			case STORM -> 1 + (random.nextDouble() < 0.5 ? 1 : 0);
			case NIGHT -> random.nextDouble() < 0.5 ? 1 : 0;
		};
		List<Scenario.Incident> incidents = new ArrayList<>();
		Scenario shell = new Scenario("shell", 0, start, hours, new Scenario.Travel(20, 1.3), 2.0, sites, technicians,
				null, null, null, List.of());
		Simulation roster = new Simulation(shell, List.of(), Simulation.sites(shell), Simulation.limits(shell));
		for (int k = 0; k < dropouts; k++) {
			double at = Math.round(uniform(random, 60, hours * 60 - 120));
			// never the same technician twice: drawn among those on shift who have not
			// dropped out yet
			List<Simulation.Tech> onShift = roster.techs.stream()
				.filter(t -> roster.isOnShift(t, at))
				.filter(t -> incidents.stream().noneMatch(i -> i.technician().equals(t.name)))
				.toList();
			double length = uniformInt(random, 120, 360) / 60.0;
			if (!onShift.isEmpty()) {
				Simulation.Tech who = onShift.get(random.nextInt(onShift.size()));
				incidents.add(new Scenario.Incident(start.plusMinutes((long) at), "TECHNICIAN_UNAVAILABLE", who.name,
						length));
			}
		}

		// the on-call roster, from a stream of its own so the rest of the scenario is the
		// same as without it
		Random duty = new Random(seed * 0x9E3779B97F4A7C15L + 31 + profile.ordinal());
		int onCall = switch (profile) {
			case DAY -> uniformInt(duty, 0, 1);
			case STORM -> uniformInt(duty, 2, 4);
			case NIGHT -> uniformInt(duty, 1, 3);
		};
		Scenario.ShiftSpec onCallShift = profile == Profile.STORM ? new Scenario.ShiftSpec("00:00", "00:00", null, true)
				: new Scenario.ShiftSpec("20:00", "08:00", null, true);
		for (int i = 0; i < onCall; i++) {
			List<Category> has = new ArrayList<>();
			for (Category category : Category.values()) {
				if (duty.nextDouble() < SKILL_CHANCE.get(category)) {
					has.add(category);
				}
			}
			if (has.isEmpty()) {
				has.add(Category.PLUMBING);
			}
			technicians.add(new Scenario.TechnicianSpec(String.format("T%02d", technicians.size() + 1), has,
					sites.get(duty.nextInt(siteCount)).id(), List.of(onCallShift)));
		}
		double wakeUp = uniformInt(duty, 10, 20);

		Scenario.Generator generator = new Scenario.Generator(perHour, grades(profile), categories(profile),
				serviceMinutes(), surges, emergencyCategories(profile), clusters(profile));
		return new Scenario(profile.name().toLowerCase(Locale.ROOT) + "-" + seed, random.nextLong(), start, hours,
				new Scenario.Travel(20, 1.3), 2.0, sites, technicians, null, null, generator, incidents, wakeUp);
	}

	/**
	 * {@code mixed} draws day, storm or night with probabilities 0.5, 0.3, 0.2 from the
	 * seed.
	 */
	static Scenario generate(String profile, long seed) {
		if (profile.equalsIgnoreCase("mixed")) {
			double draw = new Random(seed).nextDouble();
			return generate(draw < 0.5 ? Profile.DAY : draw < 0.8 ? Profile.STORM : Profile.NIGHT, seed);
		}
		return generate(Profile.parse(profile), seed);
	}

	private static double uniform(Random random, double from, double to) {
		return from + (to - from) * random.nextDouble();
	}

	/** Uniform on the integers from {@code from} to {@code to}, both included. */
	private static int uniformInt(Random random, int from, int to) {
		return from + random.nextInt(to - from + 1);
	}

	private static double round(double value, int digits) {
		double scale = Math.pow(10, digits);
		return Math.round(value * scale) / scale;
	}

}

package org.suxiu.simulation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.suxiu.dispatch.Recommender;

/**
 * {@code java -jar suxiu.jar simulate --scenario FILE [--policies a,b] [--out RESULT.json]}:
 * replays a scenario under each policy with the same requests, prints the table and
 * writes the result JSON. No web server, no database.
 */
public final class SimulateCommand {

	static final List<String> POLICIES = List.of("round-robin", "nearest-idle", "suxiu", "timefold");

	/** Every policy the simulator knows. */
	static final List<String> KNOWN = List.of("round-robin", "nearest-idle", "suxiu", "suxiu-reserve", "suxiu-plain",
			"suxiu-no-wake", "suxiu-no-l2-preempt", "suxiu-l2-preempt-always", "suxiu-replan", "suxiu-standby",
			"suxiu-reserve-preempt", "suxiu-no-wake-ahead", "timefold");

	/**
	 * {@code suxiu-standby}: a place counts as covered when reachable this many minutes
	 * inside the L1 limit (after the dispatch overhead).
	 */
	static final double STANDBY_MARGIN_MINUTES = 3;

	/**
	 * {@code suxiu-standby}: a standby trip must newly cover 0.1 % of likely emergencies.
	 */
	static final double STANDBY_MINIMUM_GAIN = 0.001;

	static final List<String> BATCH_POLICIES = List.of("nearest-idle", "suxiu", "suxiu-reserve");

	static final String USAGE = "usage: simulate --scenario FILE [--policies round-robin,nearest-idle,suxiu,timefold] [--out FILE]"
			+ " | simulate --generate N [--seed S] [--profile day|storm|night|mixed] [--policies nearest-idle,suxiu]"
			+ " [--no-reference] [--write-scenarios DIR] [--out FILE]";

	private SimulateCommand() {
	}

	/**
	 * Generates {@code count} scenarios from seeds {@code seed} on, runs each policy on
	 * each, prints one batch table (and each scenario's file when asked).
	 */
	static Batch.Result batch(JsonMapper json, int count, long seed, String profile, List<String> policies,
			boolean reference, String outDir, String out) throws IOException {
		if (outDir != null) {
			Files.createDirectories(Path.of(outDir));
			for (int i = 0; i < count; i++) {
				Scenario scenario = ScenarioGenerator.generate(profile, seed + i);
				Files.writeString(Path.of(outDir, scenario.name() + ".json"), json.writeValueAsString(scenario));
			}
		}
		Batch.Result result = Batch.run(profile, seed, count, policies, reference, counts -> {
		});
		System.out.print(Batch.table(result));
		System.out.printf("load average %s%n", loadAverage());
		if (out != null) {
			Files.writeString(Path.of(out), json.writeValueAsString(result));
			System.out.println("Result written to " + out);
		}
		return result;
	}

	private static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).trim();
		}
		catch (IOException | RuntimeException ex) {
			return String.format("%.2f",
					java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		}
	}

	public static void main(String[] args) throws IOException {
		// the solver logs every plan; the table is what the command is for
		LoggingSystem.get(SimulateCommand.class.getClassLoader()).setLogLevel("ai.timefold", LogLevel.WARN);
		String scenarioFile = null;
		String out = null;
		List<String> policies = null;
		Integer generate = null;
		long seed = 1;
		String profile = "day";
		String outDir = null;
		boolean reference = true;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--scenario" -> scenarioFile = args[++i];
				case "--out" -> out = args[++i];
				case "--policies" -> policies = Arrays.asList(args[++i].split(","));
				case "--generate" -> generate = Integer.parseInt(args[++i]);
				case "--seed" -> seed = Long.parseLong(args[++i]);
				case "--profile" -> profile = args[++i];
				case "--write-scenarios" -> outDir = args[++i];
				case "--no-reference" -> reference = false;
				default -> throw new IllegalArgumentException("unknown option " + args[i] + "; " + USAGE);
			}
		}
		JsonMapper json = mapper();
		if (generate != null) {
			batch(json, generate, seed, profile, policies == null ? BATCH_POLICIES : policies, reference, outDir, out);
			return;
		}
		if (policies == null) {
			policies = POLICIES;
		}
		if (scenarioFile == null) {
			throw new IllegalArgumentException(USAGE);
		}
		Scenario scenario = json.readValue(Files.readString(Path.of(scenarioFile)), Scenario.class);
		List<String> notes = new ArrayList<>();
		SimulationReport.Result result = run(scenario, policies, notes::add);
		System.out.print(SimulationReport.table(result));
		notes.forEach(System.out::println);
		if (out != null) {
			Files.writeString(Path.of(out), json.writeValueAsString(result));
			System.out.println("Result written to " + out);
		}
	}

	/** Keeps the scenario's offset: shifts are in its local time. */
	static JsonMapper mapper() {
		return JsonMapper.builder()
			.enable(SerializationFeature.INDENT_OUTPUT)
			.disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
			.build();
	}

	static SimulationReport.Result run(Scenario scenario, List<String> policies) {
		return run(scenario, policies, note -> {
		});
	}

	/**
	 * As {@link #run(Scenario, List)}, telling {@code notes} what a policy reports of
	 * itself.
	 */
	static SimulationReport.Result run(Scenario scenario, List<String> policies,
			java.util.function.Consumer<String> notes) {
		var sites = Simulation.sites(scenario);
		var requests = SimulatedRequests.expand(scenario, sites);
		var limits = Simulation.limits(scenario);
		List<SimulationReport.PolicyFigures> figures = new ArrayList<>();
		for (String name : policies) {
			Simulation sim = new Simulation(scenario, requests, sites, limits);
			SimulationPolicy policy = policy(name, sim);
			Timed timed = new Timed(policy);
			List<Simulation.Job> jobs = sim.run(timed);
			figures.add(SimulationReport.figures(name, sim, jobs, timed.nanos()));
			if (policy instanceof TimefoldPolicy timefold) {
				notes.accept(timefold.summary());
			}
		}
		Simulation reference = new Simulation(scenario, requests, sites, limits);
		return new SimulationReport.Result(scenario.name(), requests.size(), SimulationReport.bounds(reference),
				figures);
	}

	/** The reservation weight; {@code -Dsuxiu.sim.reserve=} overrides it (tuning). */
	static double reserveMinutes() {
		return Double.parseDouble(System.getProperty("suxiu.sim.reserve", String.valueOf(RESERVE_MINUTES)));
	}

	/** Tuned on seeds 1–100 of each profile (README, "Tuning"). */
	static final double RESERVE_MINUTES = 150;

	static SimulationPolicy policy(String name, Simulation sim) {
		return switch (name) {
			case "round-robin" -> new SimulationPolicy.RoundRobin();
			case "nearest-idle" -> new SimulationPolicy.NearestIdle();
			case "suxiu" -> new SimulationPolicy.Suxiu(sim);
			case "suxiu-reserve" -> new SimulationPolicy.Suxiu(sim, reserveMinutes());
			case "suxiu-reserve-preempt" -> SimulationPolicy.Suxiu.reservingAndPreempting(sim, reserveMinutes());
			// the shipped policy with one part changed, to measure what each part buys;
			// plain is the policy before surge mode
			case "suxiu-plain" ->
				new SimulationPolicy.Suxiu(sim, name, 0, false, Recommender.UrgentPreemption.ALWAYS, false);
			case "suxiu-no-wake" ->
				new SimulationPolicy.Suxiu(sim, name, 0, false, Recommender.UrgentPreemption.IN_SURGE, false);
			case "suxiu-no-l2-preempt" ->
				new SimulationPolicy.Suxiu(sim, name, 0, true, Recommender.UrgentPreemption.NEVER, false);
			case "suxiu-l2-preempt-always" ->
				new SimulationPolicy.Suxiu(sim, name, 0, true, Recommender.UrgentPreemption.ALWAYS, false);
			case "suxiu-replan" ->
				new SimulationPolicy.Suxiu(sim, name, 0, true, Recommender.UrgentPreemption.IN_SURGE, true);
			case "suxiu-standby" ->
				new SimulationPolicy.Suxiu(sim, name, 0, true, Recommender.UrgentPreemption.IN_SURGE, false)
					.standby(sim, STANDBY_MARGIN_MINUTES, STANDBY_MINIMUM_GAIN);
			case "suxiu-no-wake-ahead" ->
				new SimulationPolicy.Suxiu(sim, name, 0, true, Recommender.UrgentPreemption.IN_SURGE, false)
					.wakeAhead(0);
			case "timefold" -> new TimefoldPolicy(sim);
			default -> throw new IllegalArgumentException("unknown policy " + name + "; known: " + KNOWN);
		};
	}

	/** Measures each decision of the policy it wraps. */
	static final class Timed implements SimulationPolicy {

		private final SimulationPolicy policy;

		private final List<Long> nanos = new ArrayList<>();

		Timed(SimulationPolicy policy) {
			this.policy = policy;
		}

		@Override
		public String name() {
			return policy.name();
		}

		@Override
		public Choice choose(Simulation sim, Simulation.Job job, double now) {
			long started = System.nanoTime();
			Choice choice = policy.choose(sim, job, now);
			nanos.add(System.nanoTime() - started);
			return choice;
		}

		@Override
		public void given(Simulation sim, Simulation.Tech tech, Simulation.Job job, double now) {
			policy.given(sim, tech, job, now);
		}

		@Override
		public void rest(Simulation sim, Simulation.Tech tech, double now) {
			policy.rest(sim, tech, now);
		}

		@Override
		public java.util.Optional<Simulation.Job> idle(Simulation sim, Simulation.Tech tech, double now) {
			return policy.idle(sim, tech, now);
		}

		double[] nanos() {
			return nanos.stream().mapToDouble(Long::doubleValue).toArray();
		}

	}

}

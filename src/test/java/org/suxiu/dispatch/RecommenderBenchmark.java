package org.suxiu.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.suxiu.shared.Category;
import org.suxiu.shared.GeoPoint;
import org.suxiu.shared.Grade;

/**
 * How long one dispatch decision takes: ranking every technician of a large company for a
 * new order, with the open orders in their hands. Run with
 * {@code ./mvnw -B -Pbench -DskipTests verify -Dbench.main=org.suxiu.dispatch.RecommenderBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 10)
@Fork(1)
public class RecommenderBenchmark {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final Instant NOW = Instant.parse("2026-12-01T06:00:00Z");

	@Param("200")
	int technicians;

	@Param("2000")
	int openOrders;

	private Recommender recommender;

	private List<Technician> roster;

	private Map<Long, List<Job>> jobs;

	private List<Recommender.Order> orders;

	private int next;

	@Setup
	public void setUp() {
		Random random = new Random(42);
		Category[] categories = Category.values();
		recommender = new Recommender(new TravelTimes.StraightLine(20, 1.3, Duration.ofMinutes(2)),
				Duration.ofMinutes(2), Duration.ofMinutes(15));
		roster = new ArrayList<>();
		for (long id = 1; id <= technicians; id++) {
			Map<Category, Integer> skills = new EnumMap<>(Category.class);
			for (int s = 0; s < 3; s++) {
				skills.put(categories[random.nextInt(categories.length)], 1 + random.nextInt(5));
			}
			List<Shift> shifts = id % 5 == 0
					? List.of(new Shift(null, LocalTime.of(20, 0), LocalTime.of(8, 0), true),
							new Shift(null, LocalTime.of(8, 0), LocalTime.of(20, 0), false))
					: List.of(new Shift(null, LocalTime.of(8, 0), LocalTime.of(20, 0), false));
			roster.add(new Technician(id, 1, "tech" + id, "师傅" + id, null, TechnicianStatus.ON_DUTY, place(random), NOW,
					1000, skills, shifts, Set.of()));
		}
		jobs = new HashMap<>();
		String[] statuses = { "DISPATCHED", "TAKEN", "ARRIVED", "IN_PROGRESS" };
		for (int i = 0; i < openOrders; i++) {
			long technician = 1 + random.nextInt(technicians);
			Grade grade = Grade.values()[random.nextInt(4)];
			String status = statuses[random.nextInt(statuses.length)];
			boolean started = status.equals("ARRIVED") || status.equals("IN_PROGRESS");
			jobs.computeIfAbsent(technician, t -> new ArrayList<>())
				.add(new Job("BX" + i, technician, grade, categories[random.nextInt(categories.length)], status,
						place(random), NOW.minusSeconds(600), started ? NOW.minusSeconds(300) : null,
						NOW.plusSeconds(60L * random.nextInt(600))));
		}
		orders = new ArrayList<>();
		for (int i = 0; i < 1024; i++) {
			Grade grade = Grade.values()[random.nextInt(4)];
			orders.add(new Recommender.Order("BX-NEW" + i, 1, grade, categories[random.nextInt(categories.length)],
					place(random), NOW.plus(Duration.ofMinutes(grade == Grade.L1 ? 30 : 120))));
		}
	}

	@Benchmark
	public List<Proposal> rankOneOrder() {
		Recommender.Order order = orders.get(next++ & 1023);
		return recommender.rank(order, roster, jobs, NOW, ZONE);
	}

	/** A site somewhere in a city district about 10 km across. */
	private static GeoPoint place(Random random) {
		return new GeoPoint(31.19 + random.nextDouble() * 0.09, 121.43 + random.nextDouble() * 0.1);
	}

	public static void main(String[] args) throws RunnerException {
		Iterable<RunResult> results = new Runner(
				new OptionsBuilder().include(RecommenderBenchmark.class.getSimpleName()).build())
			.run();
		for (RunResult result : results) {
			var statistics = result.getPrimaryResult().getStatistics();
			System.out.printf(
					"decision time with %s technicians and %s open orders: p50 %.3f ms, p99 %.3f ms, "
							+ "p99.9 %.3f ms, max %.3f ms (%d samples)%n",
					result.getParams().getParam("technicians"), result.getParams().getParam("openOrders"),
					statistics.getPercentile(50), statistics.getPercentile(99), statistics.getPercentile(99.9),
					statistics.getMax(), statistics.getN());
		}
	}

}

package org.suxiu.simulation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.suxiu.shared.GeoPoint;
import org.suxiu.shared.Grade;
import org.suxiu.simulation.SimulatedRequests.Request;

/**
 * Many generated scenarios under each policy, with the geometric bound and the
 * clairvoyant reference: counts per grade and 95 % confidence intervals. Requests of one
 * scenario are not independent (one storm makes many late), so every interval is over
 * scenarios: a ratio estimator with its cluster (per-scenario) variance.
 */
final class Batch {

	private Batch() {
	}

	/** A share with its 95 % interval. */
	record Interval(double share, double low, double high) {

		@Override
		public String toString() {
			return String.format("%.3f [%.3f, %.3f]", share, low, high);
		}

	}

	record Count(int n, int within, Interval share) {
	}

	/**
	 * @param policy name
	 * @param byGrade within limit per grade
	 * @param l1OfReference L1 within limit as a share of the clairvoyant reference's
	 * @param l1OfBound L1 within limit as a share of the geometric bound's
	 * @param againstNearestIdle per grade, this policy's within-limit share minus
	 * nearest-idle's (paired: same scenarios)
	 * @param unserved requests never reached
	 * @param decisionP99Millis decision time p99 over the batch
	 * @param suxiuMinusThis per grade, {@code suxiu}'s within-limit share minus this
	 * variant's (paired), when both ran: what the part the variant changes buys or costs
	 */
	record PolicyBatch(String policy, Map<Grade, Count> byGrade, Interval l1OfReference, Interval l1OfBound,
			Map<Grade, Interval> againstNearestIdle, int unserved, double decisionP99Millis,
			Map<Grade, Interval> suxiuMinusThis) {
	}

	/**
	 * @param profile what was drawn
	 * @param seeds the seeds, first to last
	 * @param scenarios how many
	 * @param requests all requests
	 * @param bound geometric bound per grade
	 * @param reference clairvoyant L1 reference
	 * @param referenceFromBase the same, technicians setting off only from base or their
	 * previous emergency
	 * @param referenceProven scenarios whose reference search finished (exact)
	 * @param policies per policy
	 * @param seconds wall time
	 */
	record Result(String profile, String seeds, int scenarios, int requests, Map<Grade, Count> bound, Count reference,
			Count referenceFromBase, int referenceProven, List<PolicyBatch> policies, double seconds) {
	}

	/** One scenario's counts: per policy and grade [n, within]. */
	record ScenarioCounts(Map<String, Map<Grade, int[]>> policies, Map<Grade, int[]> bound, int[] reference,
			boolean proven, int requests, Map<String, double[]> nanos) {
	}

	static ScenarioCounts counts(Scenario scenario, List<String> policies, boolean reference) {
		Map<String, GeoPoint> sites = Simulation.sites(scenario);
		List<Request> requests = SimulatedRequests.expand(scenario, sites);
		Map<Grade, Double> limits = Simulation.limits(scenario);
		Map<String, Map<Grade, int[]>> byPolicy = new LinkedHashMap<>();
		Map<String, double[]> nanos = new LinkedHashMap<>();
		for (String name : policies) {
			Simulation sim = new Simulation(scenario, requests, sites, limits);
			SimulateCommand.Timed timed = new SimulateCommand.Timed(SimulateCommand.policy(name, sim));
			List<Simulation.Job> jobs = sim.run(timed);
			Map<Grade, int[]> grades = new EnumMap<>(Grade.class);
			for (Grade grade : Grade.values()) {
				grades.put(grade, new int[3]);
			}
			for (Simulation.Job job : jobs) {
				int[] c = grades.get(job.request.grade());
				c[0]++;
				if (job.arrivedAt == null) {
					c[2]++;
				}
				else if (job.arrivedAt - job.request.at() <= limits.get(job.request.grade()) + 1e-9) {
					c[1]++;
				}
			}
			byPolicy.put(name, grades);
			nanos.put(name, timed.nanos());
		}
		Simulation bare = new Simulation(scenario, requests, sites, limits);
		Map<Grade, int[]> bound = new EnumMap<>(Grade.class);
		Map<Grade, SimulationReport.Bound> bounds = SimulationReport.bounds(bare);
		for (Grade grade : Grade.values()) {
			SimulationReport.Bound b = bounds.get(grade);
			int n = (int) requests.stream().filter(r -> r.grade() == grade).count();
			bound.put(grade, new int[] { n, b == null ? 0 : (int) Math.round(b.maxAttainable() * n) });
		}
		int[] clairvoyant = null;
		boolean proven = false;
		if (reference) {
			ClairvoyantReference.Result r = new ClairvoyantReference(bare).solve();
			ClairvoyantReference.Result fromBase = new ClairvoyantReference(bare, false,
					ClairvoyantReference.NODE_LIMIT)
				.solve();
			clairvoyant = new int[] { r.n(), r.within(), fromBase.within() };
			proven = r.optimal() && fromBase.optimal();
		}
		return new ScenarioCounts(byPolicy, bound, clairvoyant, proven, requests.size(), nanos);
	}

	static Result run(String profile, long firstSeed, int count, List<String> policies, boolean reference,
			Consumer<ScenarioCounts> each) {
		long started = System.nanoTime();
		List<ScenarioCounts> all = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Scenario scenario = ScenarioGenerator.generate(profile, firstSeed + i);
			ScenarioCounts counts = counts(scenario, policies, reference);
			all.add(counts);
			each.accept(counts);
		}
		return summarise(profile, firstSeed + "–" + (firstSeed + count - 1), all, policies, reference,
				(System.nanoTime() - started) / 1e9);
	}

	static Result summarise(String profile, String seeds, List<ScenarioCounts> all, List<String> policies,
			boolean reference, double seconds) {
		Map<Grade, Count> bound = new EnumMap<>(Grade.class);
		for (Grade grade : Grade.values()) {
			bound.put(grade, count(all.stream().map(s -> s.bound().get(grade)).toList()));
		}
		Count clairvoyant = reference ? count(all.stream().map(ScenarioCounts::reference).toList()) : null;
		Count fromBase = reference
				? count(all.stream().map(s -> new int[] { s.reference()[0], s.reference()[2] }).toList()) : null;
		List<PolicyBatch> figures = new ArrayList<>();
		for (String name : policies) {
			Map<Grade, Count> byGrade = new EnumMap<>(Grade.class);
			Map<Grade, Interval> against = new EnumMap<>(Grade.class);
			Map<Grade, Interval> suxiuMinus = new EnumMap<>(Grade.class);
			int unserved = 0;
			for (Grade grade : Grade.values()) {
				byGrade.put(grade, count(all.stream().map(s -> s.policies().get(name).get(grade)).toList()));
				if (policies.contains("nearest-idle")) {
					double[] diff = new double[all.size()];
					double[] n = new double[all.size()];
					for (int i = 0; i < all.size(); i++) {
						int[] mine = all.get(i).policies().get(name).get(grade);
						int[] theirs = all.get(i).policies().get("nearest-idle").get(grade);
						diff[i] = mine[1] - theirs[1];
						n[i] = mine[0];
					}
					against.put(grade, ratio(diff, n, false));
				}
				if (policies.contains("suxiu") && name.startsWith("suxiu-")) {
					double[] diff = new double[all.size()];
					double[] n = new double[all.size()];
					for (int i = 0; i < all.size(); i++) {
						int[] mine = all.get(i).policies().get(name).get(grade);
						int[] shipped = all.get(i).policies().get("suxiu").get(grade);
						diff[i] = shipped[1] - mine[1];
						n[i] = mine[0];
					}
					suxiuMinus.put(grade, ratio(diff, n, false));
				}
			}
			for (ScenarioCounts s : all) {
				for (int[] c : s.policies().get(name).values()) {
					unserved += c[2];
				}
			}
			double[] l1 = all.stream().mapToDouble(s -> s.policies().get(name).get(Grade.L1)[1]).toArray();
			Interval ofReference = reference
					? ratio(l1, all.stream().mapToDouble(s -> s.reference()[1]).toArray(), false) : null;
			Interval ofBound = ratio(l1, all.stream().mapToDouble(s -> s.bound().get(Grade.L1)[1]).toArray(), false);
			double[] nanos = all.stream().flatMapToDouble(s -> Arrays.stream(s.nanos().get(name))).sorted().toArray();
			double p99 = nanos.length == 0 ? 0 : nanos[(int) Math.ceil(0.99 * (nanos.length - 1))] / 1e6;
			figures
				.add(new PolicyBatch(name, byGrade, ofReference, ofBound, against, unserved, round(p99), suxiuMinus));
		}
		int proven = (int) all.stream().filter(ScenarioCounts::proven).count();
		return new Result(profile, seeds, all.size(), all.stream().mapToInt(ScenarioCounts::requests).sum(), bound,
				clairvoyant, fromBase, proven, figures, round(seconds));
	}

	private static Count count(List<int[]> perScenario) {
		double[] within = perScenario.stream().mapToDouble(c -> c[1]).toArray();
		double[] n = perScenario.stream().mapToDouble(c -> c[0]).toArray();
		return new Count((int) Arrays.stream(n).sum(), (int) Arrays.stream(within).sum(), ratio(within, n, true));
	}

	/**
	 * Σa / Σb with a 95 % interval from the per-scenario residuals (the ratio estimator's
	 * linearised variance, scenarios as clusters).
	 */
	static Interval ratio(double[] a, double[] b, boolean proportion) {
		double sumA = Arrays.stream(a).sum();
		double sumB = Arrays.stream(b).sum();
		if (sumB == 0) {
			return new Interval(Double.NaN, Double.NaN, Double.NaN);
		}
		double r = sumA / sumB;
		int k = a.length;
		double residuals = 0;
		for (int i = 0; i < k; i++) {
			residuals += Math.pow(a[i] - r * b[i], 2);
		}
		double se = k < 2 ? Double.NaN : Math.sqrt(residuals * k / (k - 1)) / sumB;
		double low = r - 1.96 * se;
		double high = r + 1.96 * se;
		if (proportion) {
			low = Math.max(0, low);
			high = Math.min(1, high);
		}
		return new Interval(round(r), round(low), round(high));
	}

	static String table(Result result) {
		StringBuilder out = new StringBuilder();
		out.append(String.format("Profile %s, seeds %s: %d scenarios, %d requests, %.0f s%n", result.profile(),
				result.seeds(), result.scenarios(), result.requests(), result.seconds()));
		out.append(String.format("%-13s", "policy"));
		for (Grade grade : Grade.values()) {
			out.append(String.format(" | %-27s", grade + " within limit [95% CI]"));
		}
		out.append(
				String.format(" | %-23s | %-23s | %4s | %9s%n", "L1 ÷ clairvoyant", "L1 ÷ bound", "lost", "dec p99ms"));
		for (PolicyBatch p : result.policies()) {
			out.append(String.format("%-13s", p.policy()));
			for (Grade grade : Grade.values()) {
				Count c = p.byGrade().get(grade);
				out.append(String.format(" | %4d/%-4d %-17s", c.within(), c.n(), c.share()));
			}
			out.append(String.format(" | %-23s | %-23s | %4d | %9.3f%n",
					p.l1OfReference() == null ? "-" : p.l1OfReference(), p.l1OfBound(), p.unserved(),
					p.decisionP99Millis()));
		}
		if (result.reference() != null) {
			Count c = result.reference();
			out.append(String.format("%-13s | %4d/%-4d %-17s  (exact on %d of %d scenarios)%n", "clairvoyant",
					c.within(), c.n(), c.share(), result.referenceProven(), result.scenarios()));
			Count b = result.referenceFromBase();
			out.append(String.format("%-13s | %4d/%-4d %-17s  (setting off from base or the previous emergency only)%n",
					"clairv. base", b.within(), b.n(), b.share()));
		}
		out.append(String.format("%-13s", "bound"));
		for (Grade grade : Grade.values()) {
			Count c = result.bound().get(grade);
			out.append(String.format(" | %4d/%-4d %-17s", c.within(), c.n(), c.share()));
		}
		out.append('\n');
		PolicyBatch nearest = result.policies()
			.stream()
			.filter(p -> p.policy().equals("nearest-idle"))
			.findFirst()
			.orElse(null);
		if (nearest != null) {
			for (PolicyBatch p : result.policies()) {
				if (p != nearest) {
					out.append(String.format("%-13s", p.policy() + " − n-i"));
					for (Grade grade : Grade.values()) {
						out.append(String.format(" | %-27s", p.againstNearestIdle().get(grade)));
					}
					out.append('\n');
				}
			}
		}
		for (PolicyBatch p : result.policies()) {
			if (p.suxiuMinusThis() != null && !p.suxiuMinusThis().isEmpty()) {
				out.append(String.format("%-13s", "suxiu − " + p.policy()));
				for (Grade grade : Grade.values()) {
					out.append(String.format(" | %-27s", p.suxiuMinusThis().get(grade)));
				}
				out.append('\n');
			}
		}
		return out.toString();
	}

	private static double round(double value) {
		return Math.round(value * 1000) / 1000.0;
	}

}

package org.suxiu.simulation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.suxiu.simulation.SimulatedRequests.Request;
import org.suxiu.simulation.Simulation.Job;
import org.suxiu.simulation.Simulation.Tech;
import org.suxiu.shared.Grade;

/**
 * The simulator's figures: per policy and grade the share arrived within the limit, mean
 * and p95 minutes to arrive; travel, utilisation, decision time; and the geometric bound.
 */
public final class SimulationReport {

	private SimulationReport() {
	}

	public record GradeFigures(int n, double withinLimit, Double meanMinutes, Double p95Minutes) {
	}

	public record Decision(double p50, double p99) {
	}

	public record PolicyFigures(String policy, Map<Grade, GradeFigures> byGrade, double travelKm, double utilisation,
			int unserved, int reassignments, Decision decisionMillis) {
	}

	public record Bound(double maxAttainable, Double meanMinutes) {
	}

	public record Result(String scenario, int requests, Map<Grade, Bound> bounds, List<PolicyFigures> policies) {
	}

	static PolicyFigures figures(String policy, Simulation sim, List<Job> jobs, double[] decisionNanos) {
		Map<Grade, GradeFigures> byGrade = new EnumMap<>(Grade.class);
		int unserved = 0;
		for (Grade grade : Grade.values()) {
			List<Job> ofGrade = jobs.stream().filter(j -> j.request.grade() == grade).toList();
			if (ofGrade.isEmpty()) {
				continue;
			}
			List<Double> minutes = new ArrayList<>();
			int within = 0;
			for (Job job : ofGrade) {
				if (job.arrivedAt == null) {
					unserved++;
					continue;
				}
				double waited = job.arrivedAt - job.request.at();
				minutes.add(waited);
				within += waited <= sim.limits.get(grade) + 1e-9 ? 1 : 0;
			}
			byGrade.put(grade,
					new GradeFigures(ofGrade.size(), round((double) within / ofGrade.size(), 3),
							minutes.isEmpty() ? null
									: round(minutes.stream().mapToDouble(d -> d).average().orElse(0), 1),
							minutes.isEmpty() ? null : round(percentile(minutes, 0.95), 1)));
		}
		double travel = sim.techs.stream().mapToDouble(t -> t.travelKm).sum();
		double busy = sim.techs.stream().mapToDouble(t -> t.busyMinutes).sum();
		double onShift = 0;
		for (Tech tech : sim.techs) {
			for (double t = 0; t < sim.scenario.hours() * 60; t += 5) {
				onShift += sim.isOnShift(tech, t) ? 5 : 0;
			}
		}
		double[] sorted = decisionNanos.clone();
		Arrays.sort(sorted);
		Decision decision = sorted.length == 0 ? new Decision(0, 0)
				: new Decision(round(sorted[(int) (0.5 * (sorted.length - 1))] / 1e6, 3),
						round(sorted[(int) Math.ceil(0.99 * (sorted.length - 1))] / 1e6, 3));
		return new PolicyFigures(policy, byGrade, round(travel, 1), onShift == 0 ? 0 : round(busy / onShift, 3),
				unserved, sim.reassignments, decision);
	}

	/**
	 * The nearest qualified technician on shift, from base, free: the best any policy
	 * could do.
	 */
	static Map<Grade, Bound> bounds(Simulation sim) {
		Map<Grade, Bound> bounds = new EnumMap<>(Grade.class);
		for (Grade grade : Grade.values()) {
			List<Request> ofGrade = sim.requests.stream().filter(r -> r.grade() == grade).toList();
			if (ofGrade.isEmpty()) {
				continue;
			}
			int attainable = 0;
			List<Double> best = new ArrayList<>();
			for (Request request : ofGrade) {
				double fastest = sim.techs.stream()
					.filter(t -> t.skills.contains(request.category()))
					.mapToDouble(t -> sim.earliestDeparture(t, request.at()) - request.at()
							+ sim.travelMinutes(t.base, request.site()))
					.min()
					.orElse(Double.NaN);
				if (!Double.isNaN(fastest) && fastest < Simulation.GRACE_MINUTES) {
					double arrival = Math.max(request.at() + fastest, request.notBefore()) - request.at();
					best.add(arrival);
					attainable += arrival <= sim.limits.get(grade) ? 1 : 0;
				}
			}
			bounds.put(grade, new Bound(round((double) attainable / ofGrade.size(), 3),
					best.isEmpty() ? null : round(best.stream().mapToDouble(d -> d).average().orElse(0), 1)));
		}
		return bounds;
	}

	static String table(Result result) {
		StringBuilder out = new StringBuilder();
		out.append("Scenario ").append(result.scenario()).append(": ").append(result.requests()).append(" requests\n");
		out.append(String.format("%-13s", "policy"));
		for (Grade grade : Grade.values()) {
			out.append(String.format(" | %-22s", grade + " in-limit mean p95"));
		}
		out.append(String.format(" | %8s | %5s | %4s | %5s | %9s%n", "km", "util", "lost", "moved", "dec p99ms"));
		for (PolicyFigures p : result.policies()) {
			out.append(String.format("%-13s", p.policy()));
			for (Grade grade : Grade.values()) {
				GradeFigures g = p.byGrade().get(grade);
				out.append(g == null ? String.format(" | %-22s", "-") : String.format(" | %5.1f%% %6s %8s",
						100 * g.withinLimit(), fmt(g.meanMinutes()), fmt(g.p95Minutes())));
			}
			out.append(String.format(" | %8.1f | %5.2f | %4d | %5d | %9.3f%n", p.travelKm(), p.utilisation(),
					p.unserved(), p.reassignments(), p.decisionMillis().p99()));
		}
		out.append(String.format("%-13s", "bound"));
		for (Grade grade : Grade.values()) {
			Bound b = result.bounds().get(grade);
			out.append(b == null ? String.format(" | %-22s", "-")
					: String.format(" | %5.1f%% %6s %8s", 100 * b.maxAttainable(), fmt(b.meanMinutes()), ""));
		}
		out.append('\n');
		return out.toString();
	}

	private static String fmt(Double value) {
		return value == null ? "-" : String.format("%.1f", value);
	}

	private static double percentile(List<Double> values, double p) {
		List<Double> sorted = values.stream().sorted().toList();
		return sorted.get((int) Math.ceil(p * (sorted.size() - 1)));
	}

	private static double round(double value, int digits) {
		double scale = Math.pow(10, digits);
		return Math.round(value * scale) / scale;
	}

}

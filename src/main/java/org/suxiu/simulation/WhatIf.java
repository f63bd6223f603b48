package org.suxiu.simulation;

import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.suxiu.property.Project;
import org.suxiu.property.PropertyDirectory;
import org.suxiu.shared.GeoPoint;
import org.suxiu.shared.Grade;
import org.suxiu.shared.InvalidInput;
import org.suxiu.shared.SuxiuProperties;
import org.suxiu.workorder.PastOrder;
import org.suxiu.workorder.WorkOrders;
import org.suxiu.dispatch.Technician;
import org.suxiu.dispatch.TechnicianDirectory;

/**
 * What a manager asks of the simulator: how would last month have gone with more
 * technicians? Replays a project's real orders of a past period with today's roster, then
 * with extra technicians, under the same policies, next to what really happened.
 */
@Component
public class WhatIf {

	/**
	 * The policies replayed unless others are asked for: the day planner re-planning on
	 * every arrival takes minutes over a month, too long for a request.
	 */
	public static final List<String> POLICIES = List.of("round-robin", "nearest-idle", "suxiu");

	/** Longest period replayed at once. */
	static final int MAX_DAYS = 92;

	private final WorkOrders orders;

	private final PropertyDirectory property;

	private final TechnicianDirectory technicians;

	private final SuxiuProperties settings;

	WhatIf(WorkOrders orders, PropertyDirectory property, TechnicianDirectory technicians, SuxiuProperties settings) {
		this.orders = orders;
		this.property = property;
		this.technicians = technicians;
		this.settings = settings;
	}

	/**
	 * What really happened per grade: orders, how many a technician reached, the share
	 * reached within the arrival limit.
	 */
	public record Recorded(int n, int arrived, double withinLimit) {
	}

	/**
	 * The answer.
	 *
	 * @param project project code
	 * @param from first day
	 * @param to last day
	 * @param orders orders replayed
	 * @param added the technicians added, each named after the one copied
	 * @param recorded what really happened
	 * @param asIs the period replayed with the current roster
	 * @param withExtra the period replayed with the added technicians
	 */
	public record Result(String project, LocalDate from, LocalDate to, int orders, List<String> added,
			Map<Grade, Recorded> recorded, SimulationReport.Result asIs, SimulationReport.Result withExtra) {
	}

	/**
	 * Reads in short transactions of its own and simulates outside any, so a long replay
	 * holds no database connection.
	 */
	public Result run(Project project, LocalDate from, LocalDate to, int extra, List<String> policies) {
		check(from, to, extra);
		var zone = settings.zone();
		List<PastOrder> past = orders.reportedBetween(project.id(), from.atStartOfDay(zone).toInstant(),
				to.plusDays(1).atStartOfDay(zone).toInstant());
		Map<String, GeoPoint> positions = new HashMap<>();
		Map<List<String>, java.util.Optional<GeoPoint>> places = new HashMap<>();
		for (PastOrder order : past) {
			places
				.computeIfAbsent(java.util.Arrays.asList(order.building(), order.area()),
						key -> property.position(project.id(), order.building(), order.area()))
				.ifPresent(p -> positions.put(order.number(), p));
		}
		List<Technician> roster = technicians.technicians(project.tenantId())
			.stream()
			.filter(t -> t.serves(project.id()))
			.toList();
		Scenario scenario = HistoryScenario.of(project.code() + " " + from + ".." + to, from, to, zone, past, positions,
				roster);
		Scenario more = HistoryScenario.withExtraTechnicians(scenario, extra);
		List<String> added = more.technicians()
			.subList(scenario.technicians().size(), more.technicians().size())
			.stream()
			.map(Scenario.TechnicianSpec::id)
			.toList();
		return new Result(project.code(), from, to, past.size(), added, recorded(past, Simulation.limits(scenario)),
				SimulateCommand.run(scenario, policies), SimulateCommand.run(more, policies));
	}

	/** Refuses a period or a number of technicians the replay does not take. */
	static void check(LocalDate from, LocalDate to, int extra) {
		if (from == null || to == null || to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to)) {
			throw new InvalidInput("to", "must be on or after from, at most " + MAX_DAYS + " days later");
		}
		if (extra < 0 || extra > 50) {
			throw new InvalidInput("technicians", "must be between +0 and +50");
		}
	}

	private static Map<Grade, Recorded> recorded(List<PastOrder> past, Map<Grade, Double> limits) {
		Map<Grade, Recorded> recorded = new EnumMap<>(Grade.class);
		for (Grade grade : Grade.values()) {
			List<PastOrder> ofGrade = past.stream().filter(o -> o.grade() == grade).toList();
			if (ofGrade.isEmpty()) {
				continue;
			}
			int arrived = 0;
			int within = 0;
			for (PastOrder order : ofGrade) {
				if (order.arrivedAt() != null) {
					arrived++;
					double minutes = Duration.between(order.reportedAt(), order.arrivedAt()).toSeconds() / 60.0;
					within += minutes <= limits.get(grade) ? 1 : 0;
				}
			}
			recorded.put(grade,
					new Recorded(ofGrade.size(), arrived, Math.round(1000.0 * within / ofGrade.size()) / 1000.0));
		}
		return recorded;
	}

	/** The answer as the command line prints it. */
	static String table(Result result) {
		StringBuilder out = new StringBuilder();
		out.append("What-if ")
			.append(result.project())
			.append(' ')
			.append(result.from())
			.append(" .. ")
			.append(result.to())
			.append(": ")
			.append(result.orders())
			.append(" orders\n");
		out.append("Recorded (what really happened): ");
		result.recorded()
			.forEach((grade, r) -> out.append(grade)
				.append(' ')
				.append(percent(r.withinLimit()))
				.append(" in limit (")
				.append(r.arrived())
				.append('/')
				.append(r.n())
				.append(" reached)  "));
		out.append("\n\nWith today's roster:\n").append(SimulationReport.table(result.asIs()));
		if (!result.added().isEmpty()) {
			out.append("\nWith ").append(result.added().size()).append(" more ").append(result.added()).append(":\n");
			out.append(SimulationReport.table(result.withExtra()));
			out.append('\n');
			for (SimulationReport.PolicyFigures before : result.asIs().policies()) {
				SimulationReport.PolicyFigures after = result.withExtra()
					.policies()
					.stream()
					.filter(p -> p.policy().equals(before.policy()))
					.findFirst()
					.orElseThrow();
				out.append(String.format("%-13s", before.policy()));
				for (Grade grade : Grade.values()) {
					var b = before.byGrade().get(grade);
					var a = after.byGrade().get(grade);
					if (b != null && a != null) {
						long onTimeBefore = Math.round(b.n() * b.withinLimit());
						long onTimeAfter = Math.round(a.n() * a.withinLimit());
						out.append(String.format(" | %s on time %d → %d (%+d)", grade, onTimeBefore, onTimeAfter,
								onTimeAfter - onTimeBefore));
					}
				}
				out.append('\n');
			}
		}
		return out.toString();
	}

	private static String percent(double share) {
		return String.format("%.1f%%", share * 100);
	}

}

package org.suxiu.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.suxiu.shared.Grade;
import org.suxiu.simulation.SimulationReport;
import org.suxiu.simulation.WhatIf;

/**
 * A what-if answer as the manager's table and chart show it: per dispatch policy and
 * grade, how many orders were reached in time with today's roster and with the added
 * technicians, beside what really happened.
 *
 * @param rows one per policy and grade
 * @param recorded what really happened, per grade
 * @param chart the chart's figures: labels and the on-time shares before and after
 */
record WhatIfTable(List<Row> rows, List<Actual> recorded, Map<String, Object> chart) {

	/**
	 * @param policy the policy's message key
	 * @param grade grade
	 * @param orders orders of the grade
	 * @param onTimeNow reached in time with today's roster, percent
	 * @param onTimeMore with the added technicians, percent
	 * @param meanNow mean minutes to arrive with today's roster, or null
	 * @param meanMore with the added technicians, or null
	 */
	record Row(String policy, Grade grade, int orders, Long onTimeNow, Long onTimeMore, Double meanNow,
			Double meanMore) {

		public Long change() {
			return onTimeNow == null || onTimeMore == null ? null : onTimeMore - onTimeNow;
		}

	}

	/**
	 * @param grade grade
	 * @param orders orders of the grade
	 * @param onTime reached within the limit, percent
	 */
	record Actual(Grade grade, int orders, long onTime) {
	}

	static WhatIfTable of(WhatIf.Result result, Words words) {
		List<Row> rows = new ArrayList<>();
		List<String> labels = new ArrayList<>();
		List<Long> now = new ArrayList<>();
		List<Long> more = new ArrayList<>();
		for (SimulationReport.PolicyFigures before : result.asIs().policies()) {
			SimulationReport.PolicyFigures after = result.withExtra()
				.policies()
				.stream()
				.filter(p -> p.policy().equals(before.policy()))
				.findFirst()
				.orElse(before);
			String key = "whatif.policy." + before.policy();
			for (Grade grade : Grade.values()) {
				SimulationReport.GradeFigures b = before.byGrade().get(grade);
				SimulationReport.GradeFigures a = after.byGrade().get(grade);
				if (b != null) {
					rows.add(new Row(key, grade, b.n(), percent(b.withinLimit()),
							a == null ? null : percent(a.withinLimit()), b.meanMinutes(),
							a == null ? null : a.meanMinutes()));
				}
			}
			labels.add(words.msg(key));
			now.add(overall(before));
			more.add(overall(after));
		}
		List<Actual> recorded = result.recorded()
			.entrySet()
			.stream()
			.map(e -> new Actual(e.getKey(), e.getValue().n(), percent(e.getValue().withinLimit())))
			.toList();
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("labels", labels);
		chart.put("series", List.of(words.msg("whatif.now"), words.msg("whatif.more", result.added().size())));
		chart.put("values", List.of(now, more));
		return new WhatIfTable(rows, recorded, chart);
	}

	/** The share of all the policy's orders reached in time, percent. */
	private static long overall(SimulationReport.PolicyFigures figures) {
		double within = 0;
		int n = 0;
		for (SimulationReport.GradeFigures g : figures.byGrade().values()) {
			within += g.withinLimit() * g.n();
			n += g.n();
		}
		return n == 0 ? 0 : Math.round(100 * within / n);
	}

	private static long percent(double share) {
		return Math.round(share * 100);
	}

}

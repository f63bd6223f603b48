package org.suxiu.sla;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.suxiu.workorder.FixRecord;

/**
 * First-time fix (一次修复率) of the repairs completed in a period: the share that needed no
 * rework (no reopen, no probable rework a person confirmed), for the project, per
 * category and per technician.
 *
 * @param completed repairs completed in the period
 * @param reworked of them, those that needed rework
 * @param rate (completed − reworked) ÷ completed, or {@code null} without any
 * @param byCategory the same per category
 * @param byTechnician the same per technician, by name
 */
public record FirstTimeFix(long completed, long reworked, Double rate, Map<String, Figures> byCategory,
		List<Technician> byTechnician) {

	/** One group's figures. */
	public record Figures(long completed, long reworked, Double rate) {

		static Figures of(List<FixRecord> fixes) {
			long reworked = fixes.stream().filter(FixRecord::reworked).count();
			return new Figures(fixes.size(), reworked, share(fixes.size(), reworked));
		}

	}

	/** One technician's figures. */
	public record Technician(long technicianId, String name, long completed, long reworked, Double rate) {
	}

	static FirstTimeFix of(List<FixRecord> fixes) {
		Figures all = Figures.of(fixes);
		Map<String, List<FixRecord>> categories = new TreeMap<>();
		Map<Long, List<FixRecord>> technicians = new LinkedHashMap<>();
		for (FixRecord fix : fixes) {
			categories.computeIfAbsent(fix.category().name(), c -> new ArrayList<>()).add(fix);
			if (fix.technicianId() != null) {
				technicians.computeIfAbsent(fix.technicianId(), t -> new ArrayList<>()).add(fix);
			}
		}
		Map<String, Figures> byCategory = new LinkedHashMap<>();
		categories.forEach((category, list) -> byCategory.put(category, Figures.of(list)));
		List<Technician> byTechnician = technicians.entrySet().stream().map(e -> {
			Figures f = Figures.of(e.getValue());
			return new Technician(e.getKey(), e.getValue().get(0).technicianName(), f.completed(), f.reworked(),
					f.rate());
		}).sorted(Comparator.comparing(Technician::name, Comparator.nullsLast(Comparator.naturalOrder()))).toList();
		return new FirstTimeFix(all.completed(), all.reworked(), all.rate(), byCategory, byTechnician);
	}

	private static Double share(long completed, long reworked) {
		return completed == 0 ? null : Math.round((completed - reworked) * 1000.0 / completed) / 1000.0;
	}

}

package org.suxiu.simulation;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.suxiu.shared.Category;
import org.suxiu.shared.Grade;
import org.suxiu.dispatch.Shift;

/**
 * A day (or week) of repair requests against sites and a roster, as the simulator reads
 * it (format: {@code docs/scenario-format.md}).
 *
 * @param name scenario name
 * @param seed all randomness derives from it
 * @param start when the simulated period starts
 * @param hours how long it lasts
 * @param travel how fast technicians move
 * @param dispatchOverheadMinutes decision plus the technician taking the job
 * @param sites places with coordinates
 * @param technicians the roster
 * @param sla arrival limits per grade; product defaults when absent
 * @param requests an explicit trace
 * @param generator a request generator, used after the trace
 * @param incidents technicians dropping out
 * @param onCallWakeUpMinutes how long an on-call (值班) technician needs from being woken
 * until they can set off; {@value #DEFAULT_WAKE_UP_MINUTES} when absent
 */
record Scenario(String name, long seed, OffsetDateTime start, double hours, Travel travel,
		Double dispatchOverheadMinutes, List<SiteSpec> sites, List<TechnicianSpec> technicians, Map<Grade, Limit> sla,
		List<RequestSpec> requests, Generator generator, List<Incident> incidents, Double onCallWakeUpMinutes) {

	static final double DEFAULT_WAKE_UP_MINUTES = 15;

	Scenario(String name, long seed, OffsetDateTime start, double hours, Travel travel, Double dispatchOverheadMinutes,
			List<SiteSpec> sites, List<TechnicianSpec> technicians, Map<Grade, Limit> sla, List<RequestSpec> requests,
			Generator generator, List<Incident> incidents) {
		this(name, seed, start, hours, travel, dispatchOverheadMinutes, sites, technicians, sla, requests, generator,
				incidents, null);
	}

	double wakeUpMinutes() {
		return onCallWakeUpMinutes == null ? DEFAULT_WAKE_UP_MINUTES : onCallWakeUpMinutes;
	}

	record Travel(double speedKmh, double detour) {
	}

	record SiteSpec(String id, double lat, double lng) {
	}

	record TechnicianSpec(String id, List<Category> skills, String base, List<ShiftSpec> shifts) {
	}

	/**
	 * A daily shift in local time; {@code days} limits it to some weekdays (the day it
	 * starts), {@code onCall} marks emergency-only duty. Both optional.
	 */
	record ShiftSpec(String from, String to, Set<DayOfWeek> days, Boolean onCall) {

		List<Shift> toShifts() {
			LocalTime start = LocalTime.parse(from);
			LocalTime end = LocalTime.parse(to);
			boolean emergencyOnly = Boolean.TRUE.equals(onCall);
			if (days == null || days.isEmpty()) {
				return List.of(new Shift(null, start, end, emergencyOnly));
			}
			return days.stream().sorted().map(d -> new Shift(d, start, end, emergencyOnly)).toList();
		}

	}

	record Limit(double arriveMinutes) {
	}

	record RequestSpec(String id, OffsetDateTime at, String site, Category category, Grade grade, Double serviceMinutes,
			Window appointment) {
	}

	record Window(OffsetDateTime from, OffsetDateTime to) {
	}

	/**
	 * @param emergencyCategories the category mix of emergencies (L1), when it differs
	 * from the rest ({@code null}: {@code categories} for all)
	 * @param clusters follow-up calls from the same place after an urgent one, or
	 * {@code null} for none
	 */
	record Generator(List<Double> perHour, Map<Grade, Double> grades, Map<Category, Double> categories,
			Map<String, Spread> serviceMinutes, List<Surge> surges, Map<Category, Double> emergencyCategories,
			Clusters clusters) {

		Generator(List<Double> perHour, Map<Grade, Double> grades, Map<Category, Double> categories,
				Map<String, Spread> serviceMinutes, List<Surge> surges) {
			this(perHour, grades, categories, serviceMinutes, surges, null, null);
		}

	}

	/**
	 * Clustered arrivals: after each emergency or urgent request, with probability
	 * {@code chance}, U{min..max} more calls of the same grade and trade from the same
	 * site (a burst pipe floods the flats below, a storm cuts a building's power), each
	 * within {@code withinMinutes} of the first.
	 */
	record Clusters(double chance, int min, int max, double withinMinutes) {
	}

	record Spread(double mean, double sd) {
	}

	record Surge(OffsetDateTime from, double hours, double factor) {
	}

	record Incident(OffsetDateTime at, String type, String technician, double hours) {
	}

}

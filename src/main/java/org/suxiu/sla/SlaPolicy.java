package org.suxiu.sla;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.suxiu.shared.Grade;
import org.suxiu.shared.InvalidInput;
import org.suxiu.shared.InvalidInput.FieldError;
import org.suxiu.shared.Role;

/**
 * A project's service levels, as stored and as served by
 * {@code /api/v1/projects/{code}/sla-policy}.
 *
 * @param grades the limits of each grade
 * @param workingHours the working day of WORKING clocks
 * @param warnAt fractions of each limit at which a warning is raised, e.g. 0.5 and 0.8
 * @param escalation per grade, who is alerted how long after a clock's breach
 * @param autoDispatchAfter how long an L1 may stay NEW before it is flagged for automatic
 * dispatch
 * @param version the stored version; send it back when replacing the policy
 */
public record SlaPolicy(Map<Grade, Limits> grades, WorkingHours workingHours, List<Double> warnAt,
		Map<Grade, List<EscalationStep>> escalation, String autoDispatchAfter, Integer version) {

	/** The defaults of the service plan; a property company changes them per project. */
	static SlaPolicy defaults() {
		Map<Grade, Limits> grades = new EnumMap<>(Grade.class);
		grades.put(Grade.L1, new Limits("PT5M", "PT30M", "PT4H", ClockMode.ROUND_THE_CLOCK));
		grades.put(Grade.L2, new Limits("PT15M", "PT2H", "PT24H", ClockMode.ROUND_THE_CLOCK));
		grades.put(Grade.L3, new Limits("PT2H", "P1D", "P3D", ClockMode.WORKING));
		grades.put(Grade.L4, new Limits(null, null, "P1D", ClockMode.APPOINTMENT));
		Map<Grade, List<EscalationStep>> escalation = new EnumMap<>(Grade.class);
		escalation.put(Grade.L1, List.of(new EscalationStep(ClockName.RESPOND, "PT0S", Role.SUPERVISOR),
				new EscalationStep(ClockName.RESPOND, "PT10M", Role.MANAGER)));
		escalation.put(Grade.L2, List.of(new EscalationStep(ClockName.RESPOND, "PT0S", Role.SUPERVISOR)));
		return new SlaPolicy(grades, new WorkingHours("08:30", "17:30"), List.of(0.5, 0.8), escalation, "PT60S", 0);
	}

	Limits limits(Grade grade) {
		return grades.get(grade);
	}

	LocalTime opens() {
		return LocalTime.parse(workingHours.from());
	}

	LocalTime closes() {
		return LocalTime.parse(workingHours.to());
	}

	Duration autoDispatchDelay() {
		return Duration.parse(autoDispatchAfter);
	}

	SlaPolicy withVersion(int newVersion) {
		return new SlaPolicy(grades, workingHours, warnAt, escalation, autoDispatchAfter, newVersion);
	}

	/** Refuses a policy that could not be applied, naming every bad field. */
	void validate() {
		List<FieldError> errors = new ArrayList<>();
		LocalTime open = time("workingHours.from", workingHours == null ? null : workingHours.from(), errors);
		LocalTime close = time("workingHours.to", workingHours == null ? null : workingHours.to(), errors);
		if (open != null && close != null && !close.isAfter(open)) {
			errors.add(new FieldError("workingHours.to", "must be after workingHours.from"));
		}
		Duration day = open != null && close != null && close.isAfter(open) ? Duration.between(open, close)
				: Duration.ofHours(8);
		for (Grade grade : Grade.values()) {
			Limits limits = grades == null ? null : grades.get(grade);
			if (limits == null || limits.clock() == null) {
				errors.add(new FieldError("grades." + grade + ".clock", "is required"));
				continue;
			}
			boolean appointment = limits.clock() == ClockMode.APPOINTMENT;
			duration("grades." + grade + ".respond", limits.respond(), !appointment, day, errors);
			duration("grades." + grade + ".arrive", limits.arrive(), !appointment, day, errors);
			duration("grades." + grade + ".complete", limits.complete(), true, day, errors);
		}
		if (warnAt == null || warnAt.stream().anyMatch(f -> f == null || f <= 0 || f >= 1)) {
			errors.add(new FieldError("warnAt", "fractions between 0 and 1, e.g. [0.5, 0.8]"));
		}
		if (escalation != null) {
			escalation.forEach((grade, steps) -> steps.forEach(step -> {
				if (step.clock() == null || step.role() == null || !step.role().isStaff()) {
					errors.add(new FieldError("escalation." + grade, "each step needs a clock and a staff role"));
				}
				else {
					try {
						Duration after = Duration.parse(step.after());
						if (after.isNegative()) {
							errors.add(new FieldError("escalation." + grade, "'after' must not be negative"));
						}
					}
					catch (RuntimeException ex) {
						errors.add(new FieldError("escalation." + grade, "'after' must be an ISO-8601 duration"));
					}
				}
			}));
		}
		try {
			if (autoDispatchAfter == null || Duration.parse(autoDispatchAfter).isNegative()) {
				errors.add(new FieldError("autoDispatchAfter", "must be an ISO-8601 duration such as PT60S"));
			}
		}
		catch (DateTimeParseException ex) {
			errors.add(new FieldError("autoDispatchAfter", "must be an ISO-8601 duration such as PT60S"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
	}

	private static LocalTime time(String field, String value, List<FieldError> errors) {
		try {
			return LocalTime.parse(value);
		}
		catch (RuntimeException ex) {
			errors.add(new FieldError(field, "must be a time such as 08:30"));
			return null;
		}
	}

	private static void duration(String field, String value, boolean required, Duration day, List<FieldError> errors) {
		if (value == null) {
			if (required) {
				errors.add(new FieldError(field, "is required"));
			}
			return;
		}
		try {
			ClockDuration.parse(value, day);
		}
		catch (IllegalArgumentException ex) {
			errors.add(new FieldError(field, ex.getMessage()));
		}
	}

	/**
	 * The three limits of a grade and how its clocks run. For APPOINTMENT grades arrival
	 * is due by the window's end and {@code complete} counts in working time from there.
	 *
	 * @param respond until TAKEN
	 * @param arrive until ARRIVED
	 * @param complete until COMPLETED
	 * @param clock 24H, WORKING or APPOINTMENT
	 */
	public record Limits(String respond, String arrive, String complete, ClockMode clock) {
	}

	/**
	 * Working hours of WORKING clocks, local times.
	 *
	 * @param from opening, e.g. 08:30
	 * @param to closing, e.g. 17:30
	 */
	public record WorkingHours(String from, String to) {
	}

	/**
	 * One rung of the escalation ladder.
	 *
	 * @param clock the clock whose breach starts it
	 * @param after how long after the breach
	 * @param role who is alerted
	 */
	public record EscalationStep(ClockName clock, String after, Role role) {
	}

}

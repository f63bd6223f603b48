package org.suxiu.maintenance.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.suxiu.shared.SuxiuProperties;
import org.suxiu.sla.WorkingDays;

/**
 * Raises plan work a lead time ahead and escalates overdue work, on every instance every
 * few minutes; the unique key on (plan, due day) and the conditional escalation make each
 * happen once however many instances run it at the same moment.
 */
@Component
class PlanGenerator {

	private static final Logger log = LoggerFactory.getLogger(PlanGenerator.class);

	/** How far a due day may move off days off (see {@link DueDates}). */
	private static final int MOVE_DAYS = 30;

	private final PlanStore store;

	private final PlanRaiser raiser;

	private final WorkingDays workingDays;

	private final Clock clock;

	private final ZoneId zone;

	private final boolean enabled;

	PlanGenerator(PlanStore store, PlanRaiser raiser, WorkingDays workingDays, Clock clock, SuxiuProperties properties,
			@Value("${suxiu.maintenance.generator.enabled:true}") boolean enabled) {
		this.store = store;
		this.raiser = raiser;
		this.workingDays = workingDays;
		this.clock = clock;
		this.zone = properties.zone();
		this.enabled = enabled;
	}

	@Scheduled(fixedDelayString = "${suxiu.maintenance.generator.interval:PT10M}", initialDelayString = "PT30S")
	void run() {
		if (!enabled) {
			return;
		}
		try {
			generateDue();
			escalateOverdue();
		}
		catch (RuntimeException ex) {
			log.error("Plan work could not be generated; retrying on the next run", ex);
		}
	}

	/**
	 * Raises every calendar plan's work planned up to its lead time ahead; answers how
	 * many.
	 */
	int generateDue() {
		LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
		Map<String, Boolean> calendar = new HashMap<>();
		int raised = 0;
		for (long id : store.calendarPlans()) {
			PlanStore.Plan plan = store.find(id).orElse(null);
			if (plan == null) {
				continue;
			}
			raised += generate(plan, today, calendar);
		}
		return raised;
	}

	private int generate(PlanStore.Plan plan, LocalDate today, Map<String, Boolean> calendar) {
		LocalDate horizon = today.plusDays(plan.leadDays());
		LocalDate created = LocalDate.ofInstant(plan.createdAt(), zone);
		LocalDate from = plan.startsOn().isAfter(created) ? plan.startsOn() : created;
		int raised = 0;
		for (long k = DueDates.firstOnOrAfter(plan.startsOn(), plan.every(), plan.unit(), from);; k++) {
			LocalDate due = DueDates.nominal(plan.startsOn(), plan.every(), plan.unit(), k);
			if (due.isAfter(horizon.plusDays(MOVE_DAYS))) {
				return raised;
			}
			LocalDate workOn = DueDates.moved(due, plan.holidayRule(), day -> calendar
				.computeIfAbsent(plan.projectId() + "/" + day, key -> workingDays.isWorkingDay(plan.projectId(), day)));
			if (!workOn.isAfter(horizon) && !store.generated(plan.id(), due)
					&& raiser.raise(plan, due, workOn).isPresent()) {
				raised++;
			}
		}
	}

	/** Escalates work past its planned day; answers how many this call escalated. */
	int escalateOverdue() {
		LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
		int escalated = 0;
		for (PlanStore.Overdue work : store.overdue(today)) {
			if (raiser.escalate(work)) {
				escalated++;
			}
		}
		return escalated;
	}

}

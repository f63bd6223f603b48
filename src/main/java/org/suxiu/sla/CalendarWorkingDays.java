package org.suxiu.sla;

import java.time.LocalDate;

import org.springframework.stereotype.Component;

/** Answers {@link WorkingDays} from the project's calendar as the SLA clocks read it. */
@Component
class CalendarWorkingDays implements WorkingDays {

	private final SlaPolicies policies;

	CalendarWorkingDays(SlaPolicies policies) {
		this.policies = policies;
	}

	@Override
	public boolean isWorkingDay(long projectId, LocalDate day) {
		return policies.rules(projectId).calendar().isWorkingDay(day);
	}

}

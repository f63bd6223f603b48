package org.suxiu.sla;

import java.time.Instant;

import org.springframework.stereotype.Component;

/** {@link WorkingTime} from each project's SLA policy and calendar. */
@Component
class ProjectWorkingTime implements WorkingTime {

	private final SlaPolicies policies;

	ProjectWorkingTime(SlaPolicies policies) {
		this.policies = policies;
	}

	@Override
	public Instant plusWorkingDays(long projectId, Instant start, int days) {
		WorkingCalendar calendar = policies.calendar(projectId, policies.policy(projectId));
		return calendar.plus(start, calendar.workingDay().multipliedBy(days));
	}

}

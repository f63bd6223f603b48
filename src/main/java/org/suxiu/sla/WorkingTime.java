package org.suxiu.sla;

import java.time.Instant;

/**
 * Working time of a project, for other modules' clocks: its working hours on its working
 * days, with the Chinese public holidays, make-up days and the project's own
 * declarations, as the SLA clocks count them.
 */
public interface WorkingTime {

	/**
	 * The instant when {@code days} working days have passed after {@code start} (one
	 * working day being the project's working hours: Friday 15:00 plus one is Monday
	 * 15:00).
	 */
	Instant plusWorkingDays(long projectId, Instant start, int days);

}

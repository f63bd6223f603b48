package org.suxiu.sla;

import java.time.LocalDate;

/**
 * Whether a day is a working day of a project's calendar (weekends, the shipped Chinese
 * public holidays and make-up days, and the project's own declared days): what other
 * modules ask when they move a date off a holiday.
 */
public interface WorkingDays {

	boolean isWorkingDay(long projectId, LocalDate day);

}

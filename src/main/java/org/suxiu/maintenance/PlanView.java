package org.suxiu.maintenance;

import java.time.LocalDate;
import java.util.List;

/**
 * A plan as the API and the pages read it.
 *
 * @param id plan id
 * @param projectId project
 * @param assetId equipment
 * @param assetName its name
 * @param name plan name
 * @param every N of the interval, or {@code null} for METER plans
 * @param unit interval
 * @param meterEvery meter run between works (METER plans), or {@code null}
 * @param lastMeter the latest reading (METER plans), or {@code null}
 * @param nextMeterDue the reading at which work next falls due (METER plans), or
 * {@code null}
 * @param startsOn first due day
 * @param leadDays days ahead the order is raised
 * @param holidayRule where work due on a day off moves
 * @param checklist the check lines
 * @param nextDue the next day work is due (calendar plans, moved off days off), or
 * {@code null}
 */
public record PlanView(long id, long projectId, long assetId, String assetName, String name, Integer every,
		Interval unit, Long meterEvery, Long lastMeter, Long nextMeterDue, LocalDate startsOn, int leadDays,
		HolidayRule holidayRule, List<String> checklist, LocalDate nextDue) {
}

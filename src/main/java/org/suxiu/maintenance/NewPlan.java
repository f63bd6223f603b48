package org.suxiu.maintenance;

import java.time.LocalDate;
import java.util.List;

/**
 * A plan as sent to {@code POST /api/v1/maintenance-plans}.
 *
 * @param assetId the equipment
 * @param name e.g. 电梯半月保养
 * @param every N of the interval (calendar plans)
 * @param unit DAYS, WEEKS, MONTHS or METER
 * @param meterEvery for METER plans: work falls due each time the meter has run this much
 * @param startsOn the first due day (calendar plans); today when left out
 * @param leadDays how many days ahead the order is raised (0–60; 3 when left out)
 * @param holidayRule where work due on a day off moves; EARLIER when left out
 * @param checklist what the technician checks, one line each (1–50 lines)
 */
public record NewPlan(Long assetId, String name, Integer every, Interval unit, Long meterEvery, LocalDate startsOn,
		Integer leadDays, HolidayRule holidayRule, List<String> checklist) {
}

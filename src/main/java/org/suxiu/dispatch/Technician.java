package org.suxiu.dispatch;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.suxiu.shared.Category;
import org.suxiu.shared.GeoPoint;

/**
 * A technician as dispatch sees them.
 *
 * @param id staff id
 * @param tenantId property company
 * @param username login
 * @param name display name
 * @param phone contact number
 * @param status ON_DUTY, OFF or LEAVE as set; BUSY is derived from jobs
 * @param position last known position, or {@code null}
 * @param positionAt when it was reported
 * @param maxOpenJobs how many open jobs they may hold
 * @param skills category → level 1..5
 * @param shifts weekly shifts
 * @param projectIds projects served; empty for all of the tenant's
 */
public record Technician(long id, long tenantId, String username, String name, String phone, TechnicianStatus status,
		GeoPoint position, Instant positionAt, int maxOpenJobs, Map<Category, Integer> skills, List<Shift> shifts,
		Set<Long> projectIds) {

	public boolean serves(long projectId) {
		return projectIds.isEmpty() || projectIds.contains(projectId);
	}

	int level(Category category) {
		return skills.getOrDefault(category, 0);
	}

	/** On duty or busy: not off and not on leave. */
	public boolean isAvailable() {
		return status == TechnicianStatus.ON_DUTY || status == TechnicianStatus.BUSY;
	}

	/** The latest end of the shifts covering {@code now}, or {@code now} if none does. */
	public ZonedDateTime shiftEnd(ZonedDateTime now, boolean emergency) {
		return shifts.stream()
			.filter(s -> (!s.onCall() || emergency) && s.covers(now))
			.map(s -> s.endOf(now))
			.max(ZonedDateTime::compareTo)
			.orElse(now);
	}

	/**
	 * Where the technician stands now: the duty switch first, then the roster;
	 * {@code onSite} when a job is being worked.
	 */
	public Availability availability(ZonedDateTime now, boolean onSite) {
		if (status == TechnicianStatus.LEAVE) {
			return Availability.LEAVE;
		}
		if (status == TechnicianStatus.OFF) {
			return Availability.RESTING;
		}
		if (onSite) {
			return Availability.BUSY;
		}
		if (onShift(now, false)) {
			return Availability.ON_SHIFT;
		}
		return onShift(now, true) ? Availability.ON_CALL : Availability.RESTING;
	}

	/**
	 * When the next shift after {@code now} starts, within a week, or {@code null}
	 * without one; on-call shifts count only {@code withOnCall}.
	 */
	public ZonedDateTime nextShiftStart(ZonedDateTime now, boolean withOnCall) {
		ZonedDateTime next = null;
		for (int day = 0; day <= 7; day++) {
			LocalDate date = now.toLocalDate().plusDays(day);
			for (Shift shift : shifts) {
				if ((shift.onCall() && !withOnCall)
						|| (shift.dayOfWeek() != null && shift.dayOfWeek() != date.getDayOfWeek())) {
					continue;
				}
				ZonedDateTime start = date.atTime(shift.from()).atZone(now.getZone());
				if (start.isAfter(now) && (next == null || start.isBefore(next))) {
					next = start;
				}
			}
			if (next != null) {
				return next;
			}
		}
		return null;
	}

	/** On a regular shift now; with {@code emergency}, on-call duty counts too. */
	public boolean onShift(ZonedDateTime now, boolean emergency) {
		return shifts.stream().anyMatch(s -> (!s.onCall() || emergency) && s.covers(now));
	}

}

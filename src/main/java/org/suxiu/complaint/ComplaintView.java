package org.suxiu.complaint;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.suxiu.shared.Category;

/**
 * A complaint as one person sees it: the complainant's number in full for the office
 * roles that call back and for the owner themself, masked otherwise.
 *
 * @param id the complaint
 * @param status where it stands
 * @param projectCode the project
 * @param number the order it is about, or {@code null}
 * @param technicianId the order's technician, or {@code null}
 * @param technicianName their name
 * @param category the order's repair type
 * @param channel where it came from
 * @param description what the owner complains of
 * @param complainant who complained
 * @param supervisor who is in charge, or {@code null}
 * @param deadlines the respond and resolve deadlines
 * @param escalated which clocks ran out before their step
 * @param openedAt when
 * @param respondedAt when the supervisor answered
 * @param response their answer
 * @param resolvedAt when it was resolved
 * @param resolution how
 * @param closedAt when it was closed
 * @param closedHow by the owner's confirmation or a manager's override
 * @param closeReason the manager's reason
 * @param steps every step, oldest first (only on a single complaint)
 * @param version pass back with a step; another one answers 409
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ComplaintView(long id, ComplaintStatus status, String projectCode, String number, Long technicianId,
		String technicianName, Category category, ComplaintChannel channel, String description, Person complainant,
		Supervisor supervisor, Deadlines deadlines, List<String> escalated, OffsetDateTime openedAt,
		OffsetDateTime respondedAt, String response, OffsetDateTime resolvedAt, String resolution,
		OffsetDateTime closedAt, ClosedHow closedHow, String closeReason, List<StepView> steps, int version) {

	/** The complainant's name and number. */
	public record Person(String name, String phone) {
	}

	/** The supervisor in charge. */
	public record Supervisor(long id, String name) {
	}

	/** When the complaint must be answered and resolved. */
	public record Deadlines(OffsetDateTime respondBy, OffsetDateTime resolveBy) {
	}

	/** One step. */
	public record StepView(OffsetDateTime at, String action, String actor, String role, String note) {
	}

}

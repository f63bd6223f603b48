package org.suxiu.workorder;

import java.time.OffsetDateTime;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.suxiu.shared.Category;
import org.suxiu.shared.Grade;
import org.suxiu.shared.PlausibleTime;

/**
 * A repair request as sent to {@code POST /api/v1/work-orders}.
 *
 * @param channel how it came in
 * @param reporter who reports; owners may leave it out (themselves)
 * @param location where; owners may leave it out (their home)
 * @param category repair type
 * @param description what is wrong, in the reporter's words
 * @param grade the grade, or {@code null} to let the rules grade it
 * @param appointment the agreed window; required for L4
 * @param reportedAt staff only: when the call really came in, if logged afterwards
 * @param assetId the equipment (设备台账) at fault, if known; it must stand in the order's
 * project
 */
public record NewWorkOrder(@NotNull Channel channel, @Valid Reporter reporter, @Valid Location location,
		@NotNull Category category, @NotBlank @Size(max = 2000) String description, Grade grade,
		@Valid Appointment appointment, @PlausibleTime OffsetDateTime reportedAt, @Positive Long assetId) {

	/** The request without naming equipment, as every channel sent it before assets. */
	public NewWorkOrder(Channel channel, Reporter reporter, Location location, Category category, String description,
			Grade grade, Appointment appointment, OffsetDateTime reportedAt) {
		this(channel, reporter, location, category, description, grade, appointment, reportedAt, null);
	}

}

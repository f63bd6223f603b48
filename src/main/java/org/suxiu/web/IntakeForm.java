package org.suxiu.web;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.format.annotation.DateTimeFormat;
import org.suxiu.shared.Category;
import org.suxiu.shared.Grade;
import org.suxiu.shared.InvalidInput;
import org.suxiu.workorder.Appointment;
import org.suxiu.workorder.Channel;
import org.suxiu.workorder.Location;
import org.suxiu.workorder.NewWorkOrder;
import org.suxiu.workorder.Reporter;

/**
 * The agent's intake form as posted: a room written as people say it ({@code 2-1-502}) or
 * a common area, and an optional appointment window from the browser's date-time fields.
 */
record IntakeForm(Channel channel, String name, String phone, String project, String room, String area,
		Category category, String description, Grade grade,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime appointmentFrom,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime appointmentTo) {

	private static final Pattern ROOM = Pattern.compile("\\s*([^-\\s]+)-([^-\\s]+)-([^-\\s]+)\\s*");

	static IntakeForm empty(String project) {
		return new IntakeForm(Channel.HOTLINE, "", "", project, "", "", null, "", null, null, null);
	}

	/** {@code 2-1-502} as building, unit and room; {@code null} if not written so. */
	static String[] parseRoom(String room) {
		Matcher m = room == null ? null : ROOM.matcher(room);
		return m != null && m.matches() ? new String[] { m.group(1), m.group(2), m.group(3) } : null;
	}

	boolean hasArea() {
		return area != null && !area.isBlank();
	}

	Location location() {
		if (hasArea()) {
			return new Location(project, null, null, null, area);
		}
		String[] parts = parseRoom(room);
		return parts == null ? null : new Location(project, parts[0], parts[1], parts[2], null);
	}

	NewWorkOrder toRequest(ZoneId zone) {
		List<InvalidInput.FieldError> errors = new ArrayList<>();
		if (!hasArea() && parseRoom(room) == null) {
			errors.add(new InvalidInput.FieldError("room",
					"write the room as 楼栋-单元-房号, e.g. 2-1-502, or pick a common area"));
		}
		Appointment appointment = null;
		if (appointmentFrom != null && appointmentTo != null) {
			appointment = new Appointment(appointmentFrom.atZone(zone).toOffsetDateTime(),
					appointmentTo.atZone(zone).toOffsetDateTime());
		}
		else if (appointmentFrom != null || appointmentTo != null) {
			errors.add(new InvalidInput.FieldError("appointment", "give both the start and the end of the window"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		return new NewWorkOrder(channel == null ? Channel.HOTLINE : channel, new Reporter(name, phone), location(),
				category, description, grade, appointment, null);
	}

}

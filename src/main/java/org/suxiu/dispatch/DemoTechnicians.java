package org.suxiu.dispatch;

import java.time.Clock;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.suxiu.property.DemoDataSeeded;
import org.suxiu.property.PropertyDirectory;
import org.suxiu.property.StaffMember;
import org.suxiu.shared.Category;
import org.suxiu.shared.GeoPoint;
import org.suxiu.shared.Role;

import static org.suxiu.shared.Category.APPLIANCE;
import static org.suxiu.shared.Category.DOOR_WINDOW;
import static org.suxiu.shared.Category.ELECTRICAL;
import static org.suxiu.shared.Category.ELEVATOR;
import static org.suxiu.shared.Category.FIRE;
import static org.suxiu.shared.Category.GAS;
import static org.suxiu.shared.Category.OTHER;
import static org.suxiu.shared.Category.PLUMBING;
import static org.suxiu.shared.Category.PUBLIC_FACILITY;
import static org.suxiu.shared.Category.WALL_CEILING;

/**
 * Mixed skills, day shifts and two night on-call technicians for the demo tenants.
 */
@Component
class DemoTechnicians {

	private static final Map<String, Map<Category, Integer>> SKILLS = Map.ofEntries(
			Map.entry("tech01", Map.of(PLUMBING, 5, OTHER, 3)),
			Map.entry("tech02", Map.of(PLUMBING, 4, WALL_CEILING, 3)),
			Map.entry("tech03", Map.of(PLUMBING, 3, ELECTRICAL, 3)),
			Map.entry("tech04", Map.of(ELECTRICAL, 5, APPLIANCE, 3)),
			Map.entry("tech05", Map.of(ELEVATOR, 5, ELECTRICAL, 3)),
			Map.entry("tech06", Map.of(ELEVATOR, 4, FIRE, 3, GAS, 3)), Map.entry("tech07", Map.of(GAS, 5, PLUMBING, 3)),
			Map.entry("tech08", Map.of(FIRE, 5, ELECTRICAL, 3)),
			Map.entry("tech09", Map.of(DOOR_WINDOW, 5, WALL_CEILING, 4)),
			Map.entry("tech10", Map.of(APPLIANCE, 5, DOOR_WINDOW, 3, OTHER, 2)),
			Map.entry("tech11", Map.of(PUBLIC_FACILITY, 4, OTHER, 4, PLUMBING, 3, ELECTRICAL, 3, ELEVATOR, 3)),
			Map.entry("tech12", Map.of(ELEVATOR, 3, GAS, 3, FIRE, 3, PLUMBING, 3, ELECTRICAL, 3, PUBLIC_FACILITY, 3)),
			Map.entry("north-tech01", Map.of(PLUMBING, 4, ELECTRICAL, 4, ELEVATOR, 3, DOOR_WINDOW, 3, OTHER, 3)));

	private static final List<String> NIGHT_ON_CALL = List.of("tech11", "tech12");

	private final TechnicianDirectory technicians;

	private final PropertyDirectory property;

	private final Clock clock;

	DemoTechnicians(TechnicianDirectory technicians, PropertyDirectory property, Clock clock) {
		this.technicians = technicians;
		this.property = property;
		this.clock = clock;
	}

	@EventListener
	void on(DemoDataSeeded event) {
		for (long tenant : event.tenantIds()) {
			List<StaffMember> staff = property.staffOf(tenant, Role.TECHNICIAN);
			GeoPoint centre = property.projectsOf(tenant)
				.stream()
				.findFirst()
				.flatMap(p -> property.position(p.id(), null, null))
				.orElse(null);
			for (int i = 0; i < staff.size(); i++) {
				StaffMember technician = staff.get(i);
				technicians.setSkills(technician.id(), tenant,
						SKILLS.getOrDefault(technician.username(), Map.of(OTHER, 2)));
				boolean night = NIGHT_ON_CALL.contains(technician.username());
				technicians.setShifts(technician.id(), tenant,
						night ? List.of(new Shift(null, LocalTime.of(20, 0), LocalTime.of(8, 0), true))
								: List.of(new Shift(null, LocalTime.of(8, 0), LocalTime.of(20, 0), false)));
				if (centre != null) {
					technicians.setPosition(technician.id(), tenant,
							new GeoPoint(centre.lat() + 0.0004 * (i % 4 - 1.5), centre.lng() + 0.0005 * (i / 4 - 1)),
							clock.instant());
				}
			}
		}
	}

}

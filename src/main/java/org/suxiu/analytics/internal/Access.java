package org.suxiu.analytics.internal;

import java.time.LocalDate;
import java.time.Period;

import org.springframework.stereotype.Component;
import org.suxiu.property.Project;
import org.suxiu.property.PropertyDirectory;
import org.suxiu.shared.Actor;
import org.suxiu.shared.Forbidden;
import org.suxiu.shared.InvalidInput;
import org.suxiu.shared.NotFound;
import org.suxiu.shared.Role;

/**
 * Who may read which project's figures, and which periods make sense: managers and
 * administrators their company's projects, supervisors the projects they serve; another
 * company's project or one not served is unknown.
 */
@Component
class Access {

	/** The longest period one table covers. */
	static final Period LONGEST = Period.ofYears(5);

	private final PropertyDirectory property;

	Access(PropertyDirectory property) {
		this.property = property;
	}

	Project project(Actor actor, String code) {
		if (!actor.is(Role.MANAGER) && !actor.is(Role.ADMIN) && !actor.is(Role.SUPERVISOR)) {
			throw new Forbidden("Figures are for managers, administrators and supervisors");
		}
		if (code == null || code.isBlank()) {
			throw new InvalidInput("projectCode", "is required");
		}
		return property.project(code)
			.filter(p -> actor.serves(p.tenantId(), p.id()))
			.orElseThrow(() -> new NotFound("Project", code));
	}

	/** The project's homes now, the base of complaints per 1,000 homes. */
	long homes(Project project) {
		return property.homeCount(project.id());
	}

	static void period(LocalDate from, LocalDate to) {
		if (from == null) {
			throw new InvalidInput("from", "is required");
		}
		if (to == null) {
			throw new InvalidInput("to", "is required");
		}
		if (to.isBefore(from)) {
			throw new InvalidInput("to", "must not be before from");
		}
		if (to.isAfter(from.plus(LONGEST))) {
			throw new InvalidInput("to", "the period may be at most five years long");
		}
		if (from.getYear() < 2000 || to.getYear() > 2199) {
			throw new InvalidInput("from", "must lie between the years 2000 and 2199");
		}
	}

}

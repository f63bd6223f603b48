package org.suxiu.sla;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Service;
import org.suxiu.property.Project;
import org.suxiu.property.PropertyDirectory;
import org.suxiu.shared.Actor;
import org.suxiu.shared.Forbidden;
import org.suxiu.shared.NotFound;
import org.suxiu.shared.Role;

/**
 * A project's SLA policy and calendar days as managers and administrators edit them, for
 * front ends other than the HTTP API, under the API's rules.
 */
@Service
public class SlaAdministration {

	private final SlaPolicies policies;

	private final PropertyDirectory directory;

	SlaAdministration(SlaPolicies policies, PropertyDirectory directory) {
		this.policies = policies;
		this.directory = directory;
	}

	public SlaPolicy policy(Actor actor, String projectCode) {
		return policies.policy(editable(actor, projectCode).id());
	}

	/** Applies the changed members; a stale {@code version} is a concurrent change. */
	public SlaPolicy update(Actor actor, String projectCode, JsonNode changes) {
		return policies.update(editable(actor, projectCode).id(), changes, actor.username());
	}

	/** The project's own holidays and make-up working days, by date. */
	public Map<LocalDate, DayType> declaredDays(Actor actor, String projectCode) {
		return new TreeMap<>(policies.declaredDays(editable(actor, projectCode).id()));
	}

	public void declare(Actor actor, String projectCode, LocalDate day, DayType type) {
		policies.declare(editable(actor, projectCode).id(), day, type);
	}

	public void restore(Actor actor, String projectCode, LocalDate day) {
		policies.restore(editable(actor, projectCode).id(), day);
	}

	Project editable(Actor actor, String code) {
		Project project = directory.project(code)
			.filter(p -> actor.serves(p.tenantId(), p.id()))
			.orElseThrow(() -> new NotFound("Project", code));
		if (!actor.is(Role.MANAGER) && !actor.is(Role.ADMIN)) {
			throw new Forbidden("Only MANAGER and ADMIN change service levels");
		}
		return project;
	}

}

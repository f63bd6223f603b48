package org.suxiu.web;

import java.util.List;

import org.springframework.stereotype.Component;
import org.suxiu.property.MasterData;
import org.suxiu.property.ProjectDetails;
import org.suxiu.property.PropertyAdministration;
import org.suxiu.shared.Actor;
import org.suxiu.shared.Role;
import org.suxiu.workorder.WorkOrders;

/**
 * Reads where a company stands on its first-run path from what it has set up, so the
 * steps need no state of their own.
 */
@Component
class FirstRun {

	private final MasterData masterData;

	private final PropertyAdministration administration;

	private final WorkOrders orders;

	FirstRun(MasterData masterData, PropertyAdministration administration, WorkOrders orders) {
		this.masterData = masterData;
		this.administration = administration;
		this.orders = orders;
	}

	SetupProgress progress(Actor admin) {
		List<ProjectDetails> projects = masterData.projects(admin);
		boolean staff = administration.staff(admin).stream().anyMatch(s -> s.role() != Role.ADMIN);
		return new SetupProgress(masterData.companyName(admin), !projects.isEmpty(),
				projects.stream().anyMatch(p -> p.buildings() + p.areas() > 0), staff,
				orders.list(admin, List.of(), null, null, null, 0, 1).total() > 0,
				projects.isEmpty() ? null : projects.get(0).code());
	}

}

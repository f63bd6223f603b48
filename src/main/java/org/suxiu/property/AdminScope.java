package org.suxiu.property;

import org.suxiu.shared.Actor;
import org.suxiu.shared.Forbidden;
import org.suxiu.shared.NotFound;
import org.suxiu.shared.Role;

/**
 * The one check every master-data change makes: the caller administers a company, and a
 * project of another company answers as if it did not exist.
 */
final class AdminScope {

	private AdminScope() {
	}

	static long tenantOf(Actor admin) {
		if (!admin.is(Role.ADMIN) || admin.tenantId() == null) {
			throw new Forbidden("Only a company's administrators manage its master data");
		}
		return admin.tenantId();
	}

	static Project project(PropertyDirectory directory, Actor admin, String code) {
		tenantOf(admin);
		return directory.project(code)
			.filter(p -> admin.serves(p.tenantId(), p.id()))
			.orElseThrow(() -> new NotFound("Project", code));
	}

}

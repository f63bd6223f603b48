package org.suxiu.property;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.suxiu.Api;
import org.suxiu.Api.Response;
import org.suxiu.ApplicationTest;

/**
 * A second property company, created by the platform operator, whose administrator tries
 * to reach the demo company's things.
 */
final class OtherCompany {

	static final String ADMIN_PASSWORD = "other-admin-password";

	private OtherCompany() {
	}

	/** Creates a company and signs its administrator in; returns their username. */
	static String admin(Api api) {
		String username = "other-admin-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
		operator(api);
		Response created = api.post("operator", "/api/v1/platform/companies",
				Map.of("name", "别家物业", "adminUsername", username, "adminPassword", ADMIN_PASSWORD));
		if (created.status() != 201) {
			throw new IllegalStateException(created.body().toString());
		}
		api.signIn(username, ADMIN_PASSWORD);
		return username;
	}

	static void operator(Api api) {
		api.signIn("operator", ApplicationTest.OPERATOR_PASSWORD);
	}

}

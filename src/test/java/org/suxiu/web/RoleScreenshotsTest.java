package org.suxiu.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.suxiu.workorder.Requests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each role's start page at a laptop's 1366 px and a phone's 375 px, with an emergency
 * and a plumbing job in the data, saved as
 * {@code target/screenshots/role-{role}-{width}.png} (the README's pictures in
 * docs/screenshots are copies); at 375 px nothing scrolls sideways.
 */
class RoleScreenshotsTest extends BrowserTest {

	private static final Map<String, String> START = Map.of("owner", "13800000001", "agent", "agent", "dispatcher",
			"dispatcher", "supervisor", "supervisor", "technician", "tech02", "manager", "manager", "admin", "admin");

	@Test
	void everyRolesStartPageAtBothWidths() {
		api.post("agent", "/api/v1/work-orders", Requests.liftTrappedByHotline());
		String tap = api.post("13800000001", "/api/v1/work-orders", Requests.leakByOwnerApp()).text("number");
		api.post("dispatcher", "/api/v1/work-orders/" + tap + "/dispatch", Map.of("technicianId", "tech02"));

		for (String role : List.of("owner", "agent", "dispatcher", "supervisor", "technician", "manager", "admin")) {
			Browser wide = desk().signIn(START.get(role));
			wide.screenshot("role-" + role + "-1366");
			Browser narrow = phone().signIn(START.get(role));
			narrow.screenshot("role-" + role + "-375");

			assertThat(narrow.scrollsSideways()).as(role).isFalse();
			done(wide, narrow);
		}
	}

	/**
	 * The pages that only the API served before: the day plan, the what-if form, the
	 * grab-pool settings, the agent's order page with its actions and the KPI page with
	 * its report form, saved as {@code page-{name}-{width}.png}.
	 */
	@Test
	void thePlanningPagesAndTheAgentsOrderPageAtBothWidths() {
		String tap = api.post("agent", "/api/v1/work-orders", Requests.drippingTapByHotline()).text("number");
		api.post("supervisor", "/api/v1/projects/DEMO/day-plan", Map.of());
		Map<String, List<String>> pages = Map.of("day-plan", List.of("supervisor", "/dispatch/day-plan"), "what-if",
				List.of("manager", "/manager/what-if"), "grab-pool", List.of("supervisor", "/settings/grab-pool"),
				"agent-order", List.of("agent", "/agent/orders/" + tap), "kpis", List.of("manager", "/manager/kpis"));

		pages.forEach((name, page) -> {
			Browser wide = desk().signIn(page.get(0)).open(page.get(1));
			wide.screenshot("page-" + name + "-1366");
			Browser narrow = phone().signIn(page.get(0)).open(page.get(1));
			narrow.screenshot("page-" + name + "-375");

			assertThat(narrow.scrollsSideways()).as(name).isFalse();
			done(wide, narrow);
		});
	}

}

package org.suxiu.web;

import org.junit.jupiter.api.Test;
import org.suxiu.workorder.Requests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The manager's dashboard: counts, SLA figures and breaches, drawn with Chart.js.
 */
class ManagerDashboardTest extends BrowserTest {

	@Test
	void countsTodaysOrdersByGradeAndDrawsTheCharts() {
		Browser manager = desk().signIn("manager");
		long before = Long.parseLong(manager.text("#counts-today tbody tr:nth-child(1) td:nth-child(5)"));
		api.post("agent", "/api/v1/work-orders", Requests.liftTrappedByHotline());

		manager.open("/manager");

		assertThat(Long.parseLong(manager.text("#counts-today tbody tr:nth-child(1) td:nth-child(5)")))
			.isEqualTo(before + 1);
		manager.waitUntil(d -> Boolean.TRUE
			.equals(manager.script("return window.Chart !== undefined && Chart.getChart('chart-sla') !== undefined")));
		assertThat(manager.has("#sla-table")).isTrue();
		manager.screenshot("manager-dashboard");
	}

	@Test
	void isForManagersAndAdministratorsOnly() {
		assertThat(new PageClient(port).signIn("admin").get("/manager").statusCode()).isEqualTo(200);
		assertThat(new PageClient(port).signIn("dispatcher").get("/manager").statusCode()).isEqualTo(403);
		assertThat(new PageClient(port).signIn("13800000001").get("/manager").statusCode()).isEqualTo(403);
	}

}

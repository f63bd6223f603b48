package org.suxiu.web;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.suxiu.workorder.Requests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The control room's wall screen (大屏): today's figures, the emergencies with their
 * countdowns, the technicians and the last days on one dark screen that changes when an
 * order does, without being reloaded; for the staff who watch the projects, in their own
 * company only.
 */
class WallScreenBrowserTest extends BrowserTest {

	/**
	 * In the second company's project NORTH, whose few orders the other tests leave
	 * alone: in DEMO their open emergencies and overdue orders fill the screen's eight
	 * places.
	 */
	@Test
	void showsANewEmergencyWithItsCountdownAndFollowsItLive() {
		Browser wall = wall().signIn("north-dispatcher");
		wall.open("/wall");
		long reported = Long.parseLong(wall.text("#figure-reported"));
		long emergencies = Long.parseLong(wall.text("#figure-emergencies"));
		wall.script("window.wallNotReloaded = true");

		Map<String, Object> trapped = Requests.hotline("ELEVATOR", "2号楼1号电梯困人，一人被困",
				Map.of("projectCode", "NORTH", "area", "2号楼1号电梯"));
		trapped.put("reporter", Map.of("name", "韩梅", "phone", "13800000003"));
		String lift = api.post("north-agent", "/api/v1/work-orders", trapped).text("number");
		String entry = "#pressing li[data-number='" + lift + "']";
		wall.waitUntil(d -> wall.has(entry));

		assertThat(Long.parseLong(wall.text("#figure-reported"))).isGreaterThan(reported);
		assertThat(Long.parseLong(wall.text("#figure-emergencies"))).isGreaterThan(emergencies);
		assertThat(wall.text(entry)).contains("L1 紧急").contains("2号楼1号电梯").contains("待派工");
		assertThat(wall.text(entry + " .countdown")).matches("(剩余|已超时) .+");
		assertThat(wall.script("return window.wallNotReloaded === true")).isEqualTo(true);
		assertThat(wall.scrollsSideways()).isFalse();
		wall.screenshot("wall-screen-1920");

		api.post("north-dispatcher", "/api/v1/work-orders/" + lift + "/dispatch",
				Map.of("technicianId", "north-tech01"));
		api.post("north-tech01", "/api/v1/work-orders/" + lift + "/take", Map.of());
		wall.waitUntil(d -> wall.text(entry).contains("已接单"));

		assertThat(wall.text(entry)).doesNotContain("待派工");
		assertThat(wall.text("#technicians")).containsPattern("在岗|现场作业|值班|休息");
		assertThat(wall.script("return window.wallNotReloaded === true")).isEqualTo(true);
		api.post("north-dispatcher", "/api/v1/work-orders/" + lift + "/cancel", Map.of("reason", "测试结束"));
	}

	@Test
	void fitsTheConsolesScreenAndSpeaksEnglish() {
		Browser desk = desk().signIn("manager");

		desk.open("/wall?lang=en");

		assertThat(desk.pageText()).contains("Reported today").contains("Last seven days").contains("Technicians");
		assertThat(desk.scrollsSideways()).isFalse();
		desk.screenshot("wall-screen-1366");
	}

	@Test
	void isForTheStaffWhoWatchTheProjectsOfTheirOwnCompany() {
		assertThat(new PageClient(port).signIn("supervisor").get("/wall").statusCode()).isEqualTo(200);
		assertThat(new PageClient(port).signIn("admin").get("/wall?project=DEMO").statusCode()).isEqualTo(200);
		assertThat(new PageClient(port).signIn("agent").get("/wall").statusCode()).isEqualTo(403);
		assertThat(new PageClient(port).signIn("tech01").get("/wall").statusCode()).isEqualTo(403);
		assertThat(new PageClient(port).signIn("dispatcher").get("/wall?project=NOPE").statusCode()).isEqualTo(404);
		String other = "other-wall-" + System.nanoTime();
		api.signIn("operator", OPERATOR_PASSWORD);
		api.post("operator", "/api/v1/platform/companies",
				Map.of("name", "别家物业", "adminUsername", other, "adminPassword", "other-admin-password"));

		PageClient stranger = new PageClient(port).signIn(other, "other-admin-password");

		assertThat(stranger.get("/wall?project=DEMO").statusCode()).isEqualTo(404);
		assertThat(stranger.get("/wall/live?project=DEMO").statusCode()).isEqualTo(404);
	}

}

package org.suxiu.web;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.suxiu.workorder.Requests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The technician's task on a phone: take a lift emergency, arrive, record that the people
 * trapped are out (被困人员已解救), complete with a confirmation that leads to the next job;
 * grab a waiting job from the pool with one click while a slower colleague is told it is
 * gone (409); switch between 在岗 and 休息.
 */
class TechnicianTaskBrowserTest extends BrowserTest {

	@Test
	void liftEmergencyFromTakeThroughRescueToTheConfirmation() {
		String lift = api.post("agent", "/api/v1/work-orders", Requests.liftTrappedByHotline()).text("number");
		api.post("dispatcher", "/api/v1/work-orders/" + lift + "/dispatch", Map.of("technicianId", "tech05"));
		Browser tech = phone().signIn("tech05");

		tech.open("/tech/jobs/" + lift);
		tech.click("#take");
		tech.click("#arrive");
		tech.find("#rescue");
		assertThat(tech.pageText()).contains("被困人员已解救");
		tech.screenshot("tech-rescue-375");
		tech.click("#rescue");
		tech.find("#rescued");
		assertThat(tech.text("#rescued")).contains("被困人员已于").contains("报修后");
		assertThat(tech.has("#rescue")).isFalse();
		assertThat(tech.pageText()).contains("解救（报修后");
		tech.click("#start");
		tech.type("#resolution", "松闸放人后更换门机板");
		tech.find("#complete").submit();
		tech.waitForText("已完工");

		assertThat(tech.url()).endsWith("/tech/jobs/" + lift + "/done");
		assertThat(tech.text("#resolution-text")).isEqualTo("松闸放人后更换门机板");
		assertThat(tech.text("#done")).contains("被困人员已于");
		boolean otherJobs = api
			.get("dispatcher",
					"/api/v1/work-orders?assignee=tech05&status=DISPATCHED"
							+ "&status=TAKEN&status=ARRIVED&status=IN_PROGRESS&status=ON_HOLD")
			.body()
			.get("total")
			.asLong() > 0;
		assertThat(tech.has("#next-job")).isEqualTo(otherJobs);
		if (otherJobs) {
			assertThat(tech.text("#next-job")).startsWith("下一单");
		}
		else {
			assertThat(tech.pageText()).contains("手上没有其他工单了");
		}
		assertThat(tech.scrollsSideways()).isFalse();
		tech.screenshot("tech-done-375");
		Browser atDesk = desk().signIn("tech05");
		atDesk.open("/tech/jobs/" + lift + "/done");
		assertThat(atDesk.text("#done")).contains("被困人员已于");
		atDesk.screenshot("tech-done-1366");
		atDesk.open("/tech");
		atDesk.find("#duty");
		atDesk.screenshot("tech-jobs-1366");
		JsonNode order = api.get("agent", "/api/v1/work-orders/" + lift).body();
		assertThat(order.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(order.get("rescuedAt")).isNotNull();
		assertThat(order.get("history").valueStream().map(h -> h.get("action").asString())).contains("rescue");
	}

	@Test
	void oneClickGrabsAWaitingJobAndTheSlowerColleagueIsToldItIsGone() {
		JsonNode before = api.get("supervisor", "/api/v1/projects/DEMO/grab-pool").body();
		api.put("supervisor", "/api/v1/projects/DEMO/grab-pool", Map.of("enabled", true, "grades", List.of("L3")));
		try {
			String job = api
				.post("agent", "/api/v1/work-orders",
						Requests.with(Requests.hotline("ELEVATOR", "3号楼电梯楼层按钮灯不亮", Requests.area("3号楼1号电梯")), "grade",
								"L3"))
				.text("number");
			String offer = "li[data-number='" + job + "']";
			Browser fast = phone().signIn("tech05");
			Browser slow = phone().signIn("tech06");
			PageClient slowest = new PageClient(port).signIn("tech06");

			fast.open("/tech/pool");
			slow.open("/tech/pool");
			fast.find(offer);
			slow.find(offer);
			fast.screenshot("tech-pool-375");
			assertThat(fast.scrollsSideways()).isFalse();
			fast.click(offer + " .grab");
			fast.waitForText("抢单成功");
			slow.click(offer + " .grab");
			slow.waitForText("刚被别人抢走");
			HttpResponse<String> late = slowest.submit("/tech", "/tech/pool/" + job + "/grab", Map.of());

			assertThat(fast.url()).endsWith("/tech/jobs/" + job);
			assertThat(slow.text("#grab-error")).contains("刚被别人抢走");
			assertThat(late.statusCode()).isEqualTo(409);
			assertThat(late.body()).contains("刚被别人抢走");
			JsonNode order = api.get("agent", "/api/v1/work-orders/" + job).body();
			assertThat(order.get("status").asString()).isEqualTo("TAKEN");
			assertThat(order.get("history").valueStream().map(h -> h.get("action").asString())).contains("grab");
		}
		finally {
			api.put("supervisor", "/api/v1/projects/DEMO/grab-pool",
					Map.of("enabled", before.get("enabled").asBoolean(), "grades",
							before.get("grades").valueStream().map(JsonNode::asString).toList()));
		}
	}

	@Test
	void theTechnicianSwitchesBetweenOnDutyAndResting() {
		Browser tech = phone().signIn("tech10");
		try {
			tech.open("/tech");
			tech.click("#duty-off");
			tech.waitForText("已切换为休息");

			assertThat(tech.text("#duty")).contains("休息");
			assertThat(tech.has("#duty-on")).isTrue();
			assertThat(technicianStatus("tech10")).isEqualTo("OFF");
			tech.open("/tech/pool");
			assertThat(tech.pageText()).contains("休息中不能抢单");

			tech.open("/tech");
			tech.click("#duty-on");
			tech.waitForText("已切换为在岗");
			assertThat(technicianStatus("tech10")).isEqualTo("ON_DUTY");
			assertThat(tech.open("/tech?lang=en").text("#duty")).contains("My status");
		}
		finally {
			api.put("supervisor", "/api/v1/technicians/tech10/status", Map.of("status", "ON_DUTY"));
		}
	}

	private String technicianStatus(String username) {
		for (JsonNode technician : api.get("dispatcher", "/api/v1/technicians").body()) {
			if (technician.get("username").asString().equals(username)) {
				return technician.get("status").asString();
			}
		}
		throw new IllegalStateException("No technician " + username);
	}

}

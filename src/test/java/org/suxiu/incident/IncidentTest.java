package org.suxiu.incident;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.suxiu.Api.Response;
import org.suxiu.ApplicationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One incident, many reports: SuXiu proposes the reports of one building and category,
 * the dispatcher merges them under a lead order, the other reporters follow it to its
 * completion; a notice goes to every owner of a building.
 */
class IncidentTest extends ApplicationTest {

	private String hotline(String room, String phone, String description) {
		Response order = api.post("agent", "/api/v1/work-orders",
				Map.of("channel", "HOTLINE", "reporter", Map.of("name", "来电业主", "phone", phone), "location",
						Map.of("projectCode", "DEMO", "building", "6", "unit", "2", "room", room), "category",
						"ELECTRICAL", "description", description));
		assertThat(order.status()).isEqualTo(201);
		return order.text("number");
	}

	@Test
	void reportsOfOneBuildingAreProposedMergedAndFollowTheLeadToItsCompletion() {
		String first = hotline("1501", "13912340001", "家里突然停电了，整层都黑了");
		String second = hotline("1602", "13912340002", "停电，电梯也停了");

		JsonNode proposals = api.get("dispatcher", "/api/v1/incidents/proposals?projectCode=DEMO").body().get("items");
		Response merged = api.post("dispatcher", "/api/v1/incidents",
				Map.of("leadNumber", first, "title", "6号楼停电", "numbers", List.of(second)));

		assertThat(proposals.findValues("numbers")
			.stream()
			.anyMatch(n -> n.toString().contains(first) && n.toString().contains(second))).isTrue();
		assertThat(merged.status()).isEqualTo(201);
		assertThat(merged.body().get("linked").findValuesAsString("")).isEmpty();
		assertThat(merged.body().get("linked").toString()).contains(second);
		assertThat(api.get("agent", "/api/v1/work-orders/" + second).body().get("status").asString())
			.isEqualTo("CANCELLED");
		api.post("dispatcher", "/api/v1/work-orders/" + first + "/dispatch", Map.of("technicianId", "tech03"));
		for (String step : List.of("take", "arrive", "start")) {
			api.post("tech03", "/api/v1/work-orders/" + first + "/" + step, Map.of());
		}
		api.post("tech03", "/api/v1/work-orders/" + first + "/complete", Map.of("resolution", "总开关跳闸，已复位"));
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			String messages = api.get("admin", "/api/v1/admin/messages?recipient=13912340002").body().toString();
			assertThat(messages).contains("您的报修" + first + "已派", "您的报修已完工");
			assertThat(api.get("dispatcher", merged.location()).body().get("closedAt").isNull()).isFalse();
		});
	}

	@Test
	void anOrderAlreadyBeingWorkedOrInAnotherIncidentIsNotMerged() {
		String lead = hotline("1701", "13912340003", "停电");
		String taken = hotline("1702", "13912340004", "停电");
		api.post("dispatcher", "/api/v1/work-orders/" + taken + "/dispatch", Map.of("technicianId", "tech03"));
		api.post("tech03", "/api/v1/work-orders/" + taken + "/take", Map.of());
		String other = hotline("1801", "13912340005", "停电");
		api.post("dispatcher", "/api/v1/incidents",
				Map.of("leadNumber", lead, "title", "6号楼停电", "numbers", List.of(other)));

		Response inProgress = api.post("dispatcher", "/api/v1/incidents",
				Map.of("leadNumber", hotline("1802", "13912340006", "停电"), "title", "停电", "numbers", List.of(taken)));
		Response twice = api.post("dispatcher", "/api/v1/incidents",
				Map.of("leadNumber", hotline("1402", "13912340007", "停电"), "title", "停电", "numbers", List.of(other)));
		Response byAgent = api.post("agent", "/api/v1/incidents",
				Map.of("leadNumber", lead, "title", "停电", "numbers", List.of(other)));

		assertThat(inProgress.status()).isEqualTo(422);
		assertThat(twice.status()).isEqualTo(409);
		assertThat(byAgent.status()).isEqualTo(403);
		assertThat(api.get("agent", "/api/v1/work-orders/" + taken).body().get("status").asString()).isEqualTo("TAKEN");
	}

	@Test
	void aBuildingNoticeReachesEveryOwnerOfTheBuilding() {
		Response notice = api.post("dispatcher", "/api/v1/projects/DEMO/notices",
				Map.of("building", "1", "text", "今日14:00–17:00水泵检修停水，请提前储水。"));
		Response unknown = api.post("dispatcher", "/api/v1/projects/DEMO/notices",
				Map.of("building", "99", "text", "停水"));

		assertThat(notice.status()).isEqualTo(202);
		assertThat(unknown.status()).isEqualTo(400);
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(
					() -> assertThat(api.get("admin", "/api/v1/admin/messages?recipient=13800000001").body().toString())
						.contains("水泵检修停水"));
		assertThat(api.get("admin", "/api/v1/admin/messages?recipient=13800000002").body().toString())
			.doesNotContain("水泵检修停水");
	}

}

package org.suxiu.maintenance.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.suxiu.Api.Response;
import org.suxiu.ApplicationTest;
import org.suxiu.Together;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plans on the real clock: a monthly lift plan's work is raised once however many
 * generators run at the same moment (as on several instances), with its checklist for the
 * technician; a due day off work moves to the working day before; bad plans are refused.
 */
class PlanGenerationTest extends ApplicationTest {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	@Autowired
	PlanGenerator generator;

	private long lift() {
		Response lift = api.post("manager", "/api/v1/assets", Map.of("projectCode", "DEMO", "place", "5号楼1号电梯", "type",
				"LIFT", "name", "计划电梯-" + System.nanoTime() % 10_000_000));
		return lift.body().get("id").asLong();
	}

	private Response monthlyPlan(long asset, LocalDate startsOn, int leadDays) {
		return api.post("manager", "/api/v1/maintenance-plans",
				Map.of("assetId", asset, "name", "电梯月度保养", "every", 1, "unit", "MONTHS", "startsOn",
						startsOn.toString(), "leadDays", leadDays, "checklist",
						List.of("检查曳引机和制动器", "检查门锁回路", "润滑导轨")));
	}

	@Test
	void aMonthlyLiftPlanRaisesItsOrderOnceWhenFourGeneratorsRunTogether() throws Exception {
		long lift = lift();
		LocalDate tomorrow = LocalDate.now(ZONE).plusDays(1);
		long plan = monthlyPlan(lift, tomorrow, 10).body().get("id").asLong();

		List<Integer> raised = Together.run(4, generator::generateDue);
		Together.run(2, generator::generateDue);

		JsonNode work = api.get("manager", "/api/v1/maintenance-plans/" + plan).body().get("work");
		assertThat(work).hasSize(1);
		assertThat(raised.stream().mapToInt(Integer::intValue).sum()).isLessThanOrEqualTo(1);
		JsonNode orders = api.get("manager", "/api/v1/assets/" + lift).body().get("orders");
		assertThat(orders).hasSize(1);
		String number = work.get(0).get("number").asString();
		JsonNode order = api.get("dispatcher", "/api/v1/work-orders/" + number).body();
		assertThat(order.get("grade").asString()).isEqualTo("L4");
		assertThat(order.get("channel").asString()).isEqualTo("INSPECTION");
		assertThat(order.get("assetId").asLong()).isEqualTo(lift);
		assertThat(order.get("appointment")).isNotNull();
		assertThat(api.get("dispatcher", "/api/v1/work-orders/" + number + "/checklist").body().toString())
			.contains("检查门锁回路");
		assertThat(api.get("manager", "/api/v1/assets/" + lift).body().get("plans").findValuesAsString("name"))
			.containsExactly("电梯月度保养");
	}

	@Test
	void aDueDayDeclaredAHolidayMovesToTheWorkingDayBefore() {
		LocalDate due = LocalDate.now(ZONE).plusDays(20);
		LocalDate before = due.minusDays(1);
		api.put("manager", "/api/v1/projects/DEMO/calendar/" + due, Map.of("type", "HOLIDAY"));
		api.put("manager", "/api/v1/projects/DEMO/calendar/" + before, Map.of("type", "WORKDAY"));
		try {
			Response plan = monthlyPlan(lift(), due, 3);

			assertThat(plan.body().get("nextDue").asString()).isEqualTo(before.toString());
		}
		finally {
			api.delete("manager", "/api/v1/projects/DEMO/calendar/" + due);
			api.delete("manager", "/api/v1/projects/DEMO/calendar/" + before);
		}
	}

	@Test
	void aBadPlanIsRefusedWithItsFieldsNamed() {
		Response bad = api.post("manager", "/api/v1/maintenance-plans",
				Map.of("assetId", 987654321, "name", "", "every", 0, "unit", "MONTHS", "checklist", List.of()));

		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body().get("errors").findValuesAsString("field")).contains("assetId", "name", "every",
				"checklist");
	}

	@Test
	void techniciansDoNotKeepPlansAndAnotherCompanyDoesNotSeeThem() {
		long lift = lift();
		long plan = monthlyPlan(lift, LocalDate.now(ZONE).plusDays(5), 0).body().get("id").asLong();

		Response byTechnician = api.post("tech05", "/api/v1/maintenance-plans",
				Map.of("assetId", lift, "name", "x", "every", 1, "unit", "MONTHS", "checklist", List.of("x")));

		assertThat(byTechnician.status()).isEqualTo(403);
		assertThat(api.get("north-agent", "/api/v1/maintenance-plans/" + plan).status()).isEqualTo(404);
	}

}

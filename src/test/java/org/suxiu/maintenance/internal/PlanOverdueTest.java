package org.suxiu.maintenance.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.suxiu.Api.Response;
import org.suxiu.ClockedApplicationTest;
import org.suxiu.Together;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Plans on a hand-advanced clock: work not done by its planned day escalates once,
 * compliance counts work completed by the end of its day, and a meter plan raises work
 * when the meter has run far enough.
 */
class PlanOverdueTest extends ClockedApplicationTest {

	@Autowired
	PlanGenerator generator;

	private long asset(String place, String type) {
		return api.post("manager", "/api/v1/assets", Map.of("projectCode", "DEMO", "place", place, "type", type, "name",
				"逾期-" + type + "-" + System.nanoTime() % 10_000_000))
			.body()
			.get("id")
			.asLong();
	}

	private long plan(long asset, Map<String, Object> rhythm) {
		Map<String, Object> body = new java.util.HashMap<>(rhythm);
		body.put("assetId", asset);
		body.put("name", "保养");
		body.put("leadDays", 0);
		body.put("checklist", List.of("检查运行声音", "检查压力表"));
		Response plan = api.post("manager", "/api/v1/maintenance-plans", body);
		assertThat(plan.status()).isEqualTo(201);
		return plan.body().get("id").asLong();
	}

	private String onlyWork(long plan) {
		JsonNode work = api.get("manager", "/api/v1/maintenance-plans/" + plan).body().get("work");
		assertThat(work).hasSize(1);
		return work.get(0).get("number").asString();
	}

	private void complete(String number, String technician) {
		api.post("dispatcher", "/api/v1/work-orders/" + number + "/dispatch", Map.of("technicianId", technician));
		for (String step : List.of("take", "arrive", "start")) {
			api.post(technician, "/api/v1/work-orders/" + number + "/" + step, Map.of());
		}
		Response done = api.post(technician, "/api/v1/work-orders/" + number + "/complete",
				Map.of("resolution", "已按检查项保养"));
		assertThat(done.status()).isEqualTo(200);
	}

	@Test
	void workNotDoneByItsDayEscalatesOnceAndCountsAgainstCompliance() throws Exception {
		// away from the Dragon Boat holiday (9 June 2027) of the shipped calendar
		CLOCK.set("2027-06-14T09:00:00+08:00");
		long lift = asset("6号楼1号电梯", "LIFT");
		long plan = plan(lift, Map.of("every", 15, "unit", "DAYS", "startsOn", "2027-06-14"));
		generator.generateDue();
		String late = onlyWork(plan);

		CLOCK.set("2027-06-16T09:00:00+08:00");
		Together.run(2, generator::escalateOverdue);
		generator.escalateOverdue();
		complete(late, "tech05");
		long pump = asset("水泵房", "FIRE_PUMP");
		long weekly = plan(pump, Map.of("every", 1, "unit", "WEEKS", "startsOn", "2027-06-16"));
		generator.generateDue();
		complete(onlyWork(weekly), "tech01");

		List<String> history = api.get("dispatcher", "/api/v1/work-orders/" + late)
			.body()
			.get("history")
			.findValuesAsString("action");
		assertThat(history.stream().filter("escalate"::equals)).hasSize(1);
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			JsonNode lines = api.get("manager", "/api/v1/maintenance-plans/compliance?projectCode=DEMO&month=2027-06")
				.body()
				.get("items");
			assertThat(line(lines, "LIFT").get("due").asInt()).isEqualTo(1);
			assertThat(line(lines, "LIFT").get("percent").asInt()).isZero();
			assertThat(line(lines, "FIRE_PUMP").get("onTime").asInt()).isEqualTo(1);
			assertThat(line(lines, "FIRE_PUMP").get("percent").asInt()).isEqualTo(100);
		});
	}

	private static JsonNode line(JsonNode lines, String type) {
		for (JsonNode line : lines) {
			if (line.get("assetType").asString().equals(type)) {
				return line;
			}
		}
		throw new AssertionError("no compliance line for " + type + " in " + lines);
	}

	@Test
	void aMeterPlanRaisesWorkWhenTheMeterHasRunFarEnough() {
		CLOCK.set("2027-06-21T10:00:00+08:00");
		long generator = asset("配电房", "GENERATOR");
		long plan = plan(generator, Map.of("unit", "METER", "meterEvery", 250));

		Response early = api.post("tech01", "/api/v1/maintenance-plans/" + plan + "/readings", Map.of("value", 100));
		Response due = api.post("tech01", "/api/v1/maintenance-plans/" + plan + "/readings", Map.of("value", 260));
		Response backwards = api.post("tech01", "/api/v1/maintenance-plans/" + plan + "/readings",
				Map.of("value", 200));

		assertThat(early.status()).isEqualTo(200);
		assertThat(due.body().get("nextMeterDue").asLong()).isEqualTo(510);
		assertThat(backwards.status()).isEqualTo(400);
		onlyWork(plan);
	}

}

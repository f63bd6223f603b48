package org.suxiu.dispatch;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.suxiu.Api.Response;
import org.suxiu.ApplicationTest;
import org.suxiu.Workbooks;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator brings in the company's staff and technicians, with skills and shifts,
 * from one Excel file: all rows or none.
 */
class StaffImportApiTest extends ApplicationTest {

	private static final List<String> HEADERS = List.of("用户名", "姓名", "手机", "角色", "初始密码", "项目", "技能", "班次");

	@Test
	void importsStaffAndTechniciansWithSkillsAndShifts() {
		String tag = tag();
		byte[] file = Workbooks.workbook(HEADERS,
				List.of(List.of("agent-" + tag, "新客服", "13900009001", "客服", "password-1"),
						List.of("tech-" + tag, "新师傅", "13900009002", "维修工", "password-2", "DEMO", "给排水:4；电气",
								"周一至周五 08:00-17:00；每天 20:00-08:00 值班")));

		Response imported = api.upload("admin", "/api/v1/staff/import", "staff.xlsx", file);

		assertThat(imported.status()).as(imported.body().toString()).isEqualTo(200);
		assertThat(imported.body().get("staff").asInt()).isEqualTo(2);
		assertThat(imported.body().get("technicians").asInt()).isEqualTo(1);
		assertThat(api.signIn("agent-" + tag, "password-1")).isNotBlank();
		JsonNode technician = api.get("admin", "/api/v1/technicians?projectCode=DEMO")
			.body()
			.valueStream()
			.filter(t -> t.get("username").asString().equals("tech-" + tag))
			.findFirst()
			.orElseThrow();
		assertThat(technician.get("skills").valueStream().map(JsonNode::asString)).containsExactlyInAnyOrder("PLUMBING",
				"ELECTRICAL");
	}

	@Test
	void aBadRowRefusesTheWholeFile() {
		String tag = tag();
		byte[] file = Workbooks.workbook(HEADERS, List.of(List.of("ok-" + tag, "好员工", "", "调度员", "password-1"),
				List.of("bad-" + tag, "坏员工", "", "厨师", "password-2"), List.of("admin", "重名", "", "客服", "password-3"),
				List.of("tech2-" + tag, "师傅", "", "维修工", "password-4", "", "木工")));

		Response refused = api.upload("admin", "/api/v1/staff/import", "staff.xlsx", file);

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.problemType()).isEqualTo("import-rejected");
		assertThat(refused.body().get("errors").valueStream().map(e -> e.get("row").asInt())).containsExactly(3, 4, 5);
		assertThat(api.post(null, "/api/v1/auth/token", Map.of("username", "ok-" + tag, "password", "password-1"))
			.status()).isEqualTo(401);
	}

	@Test
	void onlyAdministratorsImportStaff() {
		Response refused = api.upload("supervisor", "/api/v1/staff/import", "staff.csv",
				"用户名,姓名,角色,初始密码\nx-user,某人,客服,password-1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));

		assertThat(refused.status()).isEqualTo(403);
	}

	private static String tag() {
		return Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
	}

}

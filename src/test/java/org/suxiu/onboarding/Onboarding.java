package org.suxiu.onboarding;

import java.util.List;
import java.util.Map;

import org.suxiu.Api;
import org.suxiu.Api.Response;
import org.suxiu.ProductionRun;
import org.suxiu.Workbooks;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The steps a new property company takes through the API, each checked as it goes: the
 * operator creates 晨光物业 and its administrator, who sets up project CG 晨光花园 with two
 * buildings, a lift and a garage, imports the homes from Excel and the staff, technicians
 * included, from another.
 */
final class Onboarding {

	static final String ADMIN = "cg-admin";

	static final String ADMIN_PASSWORD = "cg-admin-password-1";

	static final String STAFF_PASSWORD = "cg-staff-password";

	static final String OWNER_PHONE = "13700000001";

	static final List<String> STAFF_HEADERS = List.of("用户名", "姓名", "手机", "角色", "初始密码", "项目", "技能", "班次");

	private Onboarding() {
	}

	static void company(Api api) {
		api.signIn("operator", ProductionRun.OPERATOR_PASSWORD);
		Response company = api.post("operator", "/api/v1/platform/companies",
				Map.of("name", "晨光物业", "adminUsername", ADMIN, "adminPassword", ADMIN_PASSWORD));
		assertThat(company.status()).as(company.body().toString()).isEqualTo(201);
		api.signIn(ADMIN, ADMIN_PASSWORD);
	}

	static void project(Api api) {
		created(api.post(ADMIN, "/api/v1/projects", Map.of("code", "CG", "name", "晨光花园", "address", "上海市徐汇区晨光路8号",
				"city", "上海", "lat", 31.1880, "lng", 121.4370, "hotline", "021-6400 1234", "smsSignature", "晨光物业")));
		for (String building : List.of("1", "2")) {
			created(api.post(ADMIN, "/api/v1/projects/CG/buildings", Map.of("code", building, "floors", 11, "units", 2,
					"lat", 31.1880 + 0.0005 * Integer.parseInt(building), "lng", 121.4370)));
		}
		created(api.post(ADMIN, "/api/v1/projects/CG/areas",
				Map.of("name", "1号楼1号电梯", "kind", "LIFT", "building", "1")));
		created(api.post(ADMIN, "/api/v1/projects/CG/areas", Map.of("name", "地下车库", "kind", "GARAGE")));
	}

	static void homes(Api api) {
		byte[] template = api.download(ADMIN, "/api/v1/projects/CG/homes/template.xlsx").body();
		assertThat(Workbooks.read(template).get(0)).containsExactlyElementsOf(Workbooks.HOME_HEADERS);
		List<List<Object>> rows = new java.util.ArrayList<>();
		rows.add(List.of("1", "1", "101", "陈晨", OWNER_PHONE));
		for (String building : List.of("1", "2")) {
			for (int floor = 1; floor <= 11; floor++) {
				rows.add(List.of(building, "2", String.format("%d01", floor)));
			}
		}
		Response imported = api.upload(ADMIN, "/api/v1/projects/CG/homes/import", "晨光花园-房屋.xlsx",
				Workbooks.workbook(Workbooks.HOME_HEADERS, rows));
		assertThat(imported.status()).as(imported.body().toString()).isEqualTo(200);
		assertThat(imported.body().get("homes").asInt()).isEqualTo(23);
		assertThat(imported.body().get("owners").asInt()).isEqualTo(1);
	}

	static void staff(Api api) {
		byte[] file = Workbooks.workbook(STAFF_HEADERS, List.of(
				List.of("cg-agent", "晨客服", "13900005001", "客服", STAFF_PASSWORD),
				List.of("cg-dispatcher", "晨调度", "13900005002", "调度员", STAFF_PASSWORD, "CG"),
				List.of("cg-tech", "晨师傅", "13900005003", "维修工", STAFF_PASSWORD, "CG", "给排水:4；电气:3", "每天 00:00-23:59")));
		Response imported = api.upload(ADMIN, "/api/v1/staff/import", "晨光物业-员工.xlsx", file);
		assertThat(imported.status()).as(imported.body().toString()).isEqualTo(200);
		assertThat(imported.body().get("technicians").asInt()).isEqualTo(1);
		for (String username : List.of("cg-agent", "cg-dispatcher", "cg-tech")) {
			api.signIn(username, STAFF_PASSWORD);
		}
	}

	/** The agent takes a call about a leak at CG 1-1-101; returns the order number. */
	static String leakReported(Api api) {
		Response order = api.post("cg-agent", "/api/v1/work-orders",
				Map.of("channel", "HOTLINE", "reporter", Map.of("name", "陈晨", "phone", OWNER_PHONE), "location",
						Map.of("projectCode", "CG", "building", "1", "unit", "1", "room", "101"), "category",
						"PLUMBING", "description", "厨房水管接头漏水"));
		assertThat(order.status()).as(order.body().toString()).isEqualTo(201);
		return order.text("number");
	}

	private static void created(Response response) {
		assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
	}

}

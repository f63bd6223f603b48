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
 * buildings, a lift and a garage, imports the homes and the staff, technicians included,
 * from the README's sample Excel files ({@code docs/onboarding}).
 */
final class Onboarding {

	static final String ADMIN = "cg-admin";

	static final String ADMIN_PASSWORD = "cg-admin-password-1";

	/** The initial password in the README's sample staff file. */
	static final String STAFF_PASSWORD = "change-me-123";

	static final String OWNER_PHONE = "13700000001";

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
		Response imported = api.upload(ADMIN, "/api/v1/projects/CG/homes/import", "homes-sample.xlsx",
				sample("homes-sample.xlsx"));
		assertThat(imported.status()).as(imported.body().toString()).isEqualTo(200);
		assertThat(imported.body().get("homes").asInt()).isEqualTo(42);
		assertThat(imported.body().get("owners").asInt()).isEqualTo(2);
	}

	static void staff(Api api) {
		Response imported = api.upload(ADMIN, "/api/v1/staff/import", "staff-sample.xlsx", sample("staff-sample.xlsx"));
		assertThat(imported.status()).as(imported.body().toString()).isEqualTo(200);
		assertThat(imported.body().get("technicians").asInt()).isEqualTo(2);
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

	/** The README's sample files, so that what it tells a company to upload is tested. */
	private static byte[] sample(String name) {
		try {
			return java.nio.file.Files.readAllBytes(java.nio.file.Path.of("docs", "onboarding", name));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static void created(Response response) {
		assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
	}

}

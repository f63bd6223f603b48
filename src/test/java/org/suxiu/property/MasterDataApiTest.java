package org.suxiu.property;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.suxiu.Api.Response;
import org.suxiu.ApplicationTest;
import org.suxiu.Workbooks;
import org.suxiu.workorder.Requests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator sets up projects, buildings, common areas and homes over the API, in
 * their own company only, and every bad input is refused with nothing stored.
 */
class MasterDataApiTest extends ApplicationTest {

	@Test
	void setsUpAProjectWithBuildingsAndAreas() {
		String code = freshCode();

		Response project = api.post("admin", "/api/v1/projects", project(code));
		Response building = api.post("admin", "/api/v1/projects/" + code + "/buildings",
				Map.of("code", "1", "floors", 18, "units", 2, "lat", 31.2301, "lng", 121.4741));
		Response area = api.post("admin", "/api/v1/projects/" + code + "/areas",
				Map.of("name", "1号楼1号电梯", "building", "1"));

		assertThat(project.status()).as(project.body().toString()).isEqualTo(201);
		assertThat(project.location()).endsWith("/api/v1/projects/" + code);
		assertThat(project.text("smsSignature")).isEqualTo("【晨光物业】");
		assertThat(building.status()).as(building.body().toString()).isEqualTo(201);
		assertThat(building.text("name")).isEqualTo("1号楼");
		assertThat(area.status()).as(area.body().toString()).isEqualTo(201);
		assertThat(area.text("kind")).isEqualTo("LIFT");
		Response listed = api.get("admin", "/api/v1/projects/" + code + "/areas");
		assertThat(listed.body().get("items").get(0).get("building").asString()).isEqualTo("1");
		assertThat(api.get("admin", "/api/v1/projects")
			.body()
			.get("items")
			.valueStream()
			.map(p -> p.get("code").asString())).contains(code, "DEMO");
	}

	@Test
	void aNewProjectHasTheDefaultSlaPolicy() {
		String code = created();

		Response policy = api.get("admin", "/api/v1/projects/" + code + "/sla-policy");

		assertThat(policy.status()).isEqualTo(200);
		assertThat(policy.body().at("/grades/L1/respond").asString()).isEqualTo("PT5M");
		assertThat(policy.body().at("/workingHours/from").asString()).isEqualTo("08:30");
	}

	@Test
	void refusesADuplicateProjectCode() {
		String code = created();

		Response again = api.post("admin", "/api/v1/projects", project(code));
		Response demo = api.post("admin", "/api/v1/projects", project("DEMO"));

		assertThat(again.status()).isEqualTo(409);
		assertThat(again.isProblem()).isTrue();
		assertThat(again.problemType()).isEqualTo("duplicate");
		assertThat(demo.status()).isEqualTo(409);
	}

	@Test
	void refusesBadProjectFieldsAndStoresNothing() {
		String code = freshCode();

		Response bad = api.post("admin", "/api/v1/projects",
				Map.of("code", code, "name", "=HYPERLINK(\"x\")", "hotline", "call us", "lat", 95.0, "lng", 121.0));

		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body().get("errors").valueStream().map(e -> e.get("field").asString())).contains("name",
				"hotline", "lat");
		assertThat(api.get("admin", "/api/v1/projects/" + code).status()).isEqualTo(404);
	}

	@Test
	void onlyAdministratorsSetUpProjects() {
		Response manager = api.post("manager", "/api/v1/projects", project(freshCode()));
		Response agent = api.get("agent", "/api/v1/projects");

		assertThat(manager.status()).isEqualTo(403);
		assertThat(manager.isProblem()).isTrue();
		assertThat(agent.status()).isEqualTo(403);
	}

	@Test
	void anotherCompanysProjectAnswersNotFound() {
		String other = OtherCompany.admin(api);

		Response building = api.post(other, "/api/v1/projects/DEMO/buildings", Map.of("code", "99", "floors", 3));
		Response areas = api.get(other, "/api/v1/projects/DEMO/areas");
		Response archive = api.patch(other, "/api/v1/projects/DEMO", Map.of("archived", true));

		assertThat(building.status()).isEqualTo(404);
		assertThat(areas.status()).isEqualTo(404);
		assertThat(archive.status()).isEqualTo(404);
		assertThat(api.get("admin", "/api/v1/projects/DEMO").body().get("archived").asBoolean()).isFalse();
		assertThat(api.get("admin", "/api/v1/projects/DEMO/buildings")
			.body()
			.get("items")
			.valueStream()
			.map(b -> b.get("code").asString())).doesNotContain("99");
	}

	@Test
	void anArchivedProjectKeepsItsOrdersAndRefusesNewOnes() {
		String code = created();
		api.post("admin", "/api/v1/projects/" + code + "/areas", Map.of("name", "地下车库"));
		Response before = api.post("agent", "/api/v1/work-orders",
				Requests.hotline("ELECTRICAL", "车库灯不亮", Map.of("projectCode", code, "area", "地下车库")));

		Response archived = api.patch("admin", "/api/v1/projects/" + code, Map.of("archived", true));
		Response after = api.post("agent", "/api/v1/work-orders",
				Requests.hotline("ELECTRICAL", "车库灯又不亮了", Map.of("projectCode", code, "area", "地下车库")));

		assertThat(before.status()).as(before.body().toString()).isEqualTo(201);
		assertThat(archived.body().get("archived").asBoolean()).isTrue();
		assertThat(after.status()).isEqualTo(422);
		assertThat(after.problemType()).isEqualTo("project-archived");
		assertThat(api.get("agent", "/api/v1/work-orders/" + before.text("number")).status()).isEqualTo(200);
	}

	@Test
	void importsHomesAndOwnersFromTheExcelTemplateFilledIn() {
		String code = created();
		byte[] template = api.download("admin", "/api/v1/projects/" + code + "/homes/template.xlsx").body();
		assertThat(Workbooks.read(template).get(0)).containsExactlyElementsOf(Workbooks.HOME_HEADERS);
		String phone = freshPhone();
		byte[] filled = Workbooks.workbook(Workbooks.HOME_HEADERS,
				List.of(List.of("1", "1", "101", "周一", phone), List.of(1, 1, 1502), List.of("2", "1", "201")));

		Response imported = api.upload("admin", "/api/v1/projects/" + code + "/homes/import", "homes.xlsx", filled);
		Response again = api.upload("admin", "/api/v1/projects/" + code + "/homes/import", "homes.xlsx", filled);

		assertThat(imported.status()).as(imported.body().toString()).isEqualTo(200);
		assertThat(imported.body().get("homes").asInt()).isEqualTo(3);
		assertThat(imported.body().get("owners").asInt()).isEqualTo(1);
		assertThat(imported.body().get("errors")).isEmpty();
		assertThat(again.body().get("homes").asInt()).isZero();
		assertThat(api.get("admin", "/api/v1/projects/" + code + "/buildings")
			.body()
			.get("items")
			.get(0)
			.get("floors")
			.asInt()).isEqualTo(15);
	}

	@Test
	void anExcelFileWithBadRowsNamesEachAndImportsNothing() {
		String code = created();
		byte[] file = Workbooks.workbook(Workbooks.HOME_HEADERS,
				List.of(List.of("1", "1", "101", "周二", freshPhone()), List.of("1", "", "102"),
						List.of("1", "1", "103", "周三", "12345"),
						List.of("1", "1", "104", "周四", new Workbooks.Formula("1+1"))));

		Response refused = api.upload("admin", "/api/v1/projects/" + code + "/homes/import", "homes.xlsx", file);

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.problemType()).isEqualTo("import-rejected");
		assertThat(refused.body().get("errors").valueStream().map(e -> e.get("row").asInt())).containsExactly(3, 4, 5);
		assertThat(refused.text("detail")).contains("row 3", "row 4", "row 5");
		assertThat(homes(code)).isZero();
	}

	@Test
	void refusesTextThatASpreadsheetWouldRunAsAFormula() {
		String code = created();
		String csv = "楼栋,单元,房号,业主姓名,业主手机\n1,1,101,\"=cmd|' /C calc'!A0\"," + freshPhone() + "\n";

		Response refused = api.upload("admin", "/api/v1/projects/" + code + "/homes/import", "homes.csv",
				csv.getBytes(StandardCharsets.UTF_8));

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body().get("errors").get(0).get("row").asInt()).isEqualTo(2);
		assertThat(homes(code)).isZero();
	}

	@Test
	void refusesAFileNamedXlsxThatIsNoWorkbook() {
		String code = created();

		Response refused = api.upload("admin", "/api/v1/projects/" + code + "/homes/import", "homes.xlsx",
				"building,unit,room\n1,1,101\n".getBytes(StandardCharsets.UTF_8));
		Response zip = api.upload("admin", "/api/v1/projects/" + code + "/homes/import", "homes.xlsx",
				new byte[] { 'P', 'K', 3, 4, 0, 0, 0, 0, 1, 2, 3 });

		assertThat(refused.status()).isEqualTo(415);
		assertThat(refused.isProblem()).isTrue();
		assertThat(zip.status()).isEqualTo(415);
		assertThat(homes(code)).isZero();
	}

	@Test
	void refusesAFileOverTheLimitAnd50MegabytesAlike() {
		String code = created();
		byte[] six = new byte[6 * 1024 * 1024];
		byte[] fifty = new byte[50 * 1024 * 1024 + 1];

		Response tooLarge = api.upload("admin", "/api/v1/projects/" + code + "/homes/import", "homes.csv", six);
		Response huge = api.upload("admin", "/api/v1/projects/" + code + "/homes/import", "homes.xlsx", fifty);

		assertThat(tooLarge.status()).isEqualTo(413);
		assertThat(tooLarge.isProblem()).isTrue();
		assertThat(huge.status()).isEqualTo(413);
		assertThat(huge.isProblem()).isTrue();
		assertThat(homes(code)).isZero();
	}

	private int homes(String code) {
		return api.get("admin", "/api/v1/projects/" + code).body().get("homes").asInt();
	}

	private String created() {
		String code = freshCode();
		Response response = api.post("admin", "/api/v1/projects", project(code));
		assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
		return code;
	}

	static Map<String, Object> project(String code) {
		return Map.of("code", code, "name", "晨光花园", "address", "上海市徐汇区晨光路8号", "city", "上海", "lat", 31.23, "lng", 121.47,
				"hotline", "021-5555 0101", "smsSignature", "晨光物业");
	}

	static String freshCode() {
		return "T" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase();
	}

	static String freshPhone() {
		return "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
	}

}

package org.suxiu.asset;

import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.suxiu.Api.Response;
import org.suxiu.ApplicationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The equipment register over the API: registered per project and place, read by the
 * project's staff only, named by orders, imported and exported as CSV all or nothing.
 */
class AssetRegisterTest extends ApplicationTest {

	private Equipment equipment() {
		return new Equipment(api);
	}

	@Test
	void registersALiftWithItsParticularsAndReadsItBack() {
		String name = Equipment.uniqueName("2号楼1号电梯");

		Response created = api.post("manager", "/api/v1/assets", Equipment.liftAt("2号楼1号电梯", name));
		Response read = api.get("tech05", created.location());

		assertThat(created.status()).isEqualTo(201);
		assertThat(read.status()).isEqualTo(200);
		JsonNode asset = read.body().get("asset");
		assertThat(asset.get("name").asString()).isEqualTo(name);
		assertThat(asset.get("type").asString()).isEqualTo("LIFT");
		assertThat(asset.get("building").asString()).isEqualTo("2");
		assertThat(asset.get("registrationCode").asString()).isEqualTo("31103301002019050001");
		assertThat(asset.get("contractEnds").asString()).isEqualTo("2027-06-30");
		assertThat(asset.get("status").asString()).isEqualTo("IN_SERVICE");
	}

	@Test
	void refusesAnUnknownPlaceAndChangesNothing() {
		String name = Equipment.uniqueName("无处电梯");

		Response refused = api.post("manager", "/api/v1/assets", Equipment.liftAt("不存在的地方", name));

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.isProblem()).isTrue();
		assertThat(refused.body().toString()).contains("place");
		assertThat(api.get("manager", "/api/v1/assets?projectCode=DEMO").body().toString()).doesNotContain(name);
	}

	@Test
	void aNameIsUniqueInTheProject() {
		Map<String, Object> body = Equipment.liftAt("1号楼2号电梯", Equipment.uniqueName("1号楼2号电梯"));
		api.post("manager", "/api/v1/assets", body);

		Response again = api.post("manager", "/api/v1/assets", body);

		assertThat(again.status()).isEqualTo(409);
		assertThat(again.isProblem()).isTrue();
	}

	@Test
	void techniciansReadTheRegisterButDoNotChangeIt() {
		Response byTechnician = api.post("tech05", "/api/v1/assets",
				Equipment.liftAt("1号楼1号电梯", Equipment.uniqueName("x")));

		assertThat(byTechnician.status()).isEqualTo(403);
		assertThat(api.get("tech05", "/api/v1/assets?projectCode=DEMO").status()).isEqualTo(200);
	}

	@Test
	void anotherCompanysStaffDoNotSeeTheAsset() {
		long lift = equipment().lift();

		assertThat(api.get("north-agent", "/api/v1/assets/" + lift).status()).isEqualTo(404);
		assertThat(api.get("north-agent", "/api/v1/assets?projectCode=DEMO").status()).isEqualTo(404);
		assertThat(api.get("13800000001", "/api/v1/assets/" + lift).status()).isEqualTo(404);
	}

	@Test
	void anOrderNamesTheAssetAndTheAssetListsTheOrder() {
		long lift = equipment().lift();

		Response order = api.post("agent", "/api/v1/work-orders",
				Map.of("channel", "HOTLINE", "reporter", Map.of("name", "李先生", "phone", "13912345678"), "location",
						Map.of("projectCode", "DEMO", "area", "1号楼1号电梯"), "category", "ELEVATOR", "description",
						"电梯门关不上，一直开着", "assetId", lift));
		Response asset = api.get("manager", "/api/v1/assets/" + lift);

		assertThat(order.status()).isEqualTo(201);
		assertThat(order.body().get("assetId").asLong()).isEqualTo(lift);
		assertThat(api.get("agent", order.location()).body().get("assetId").asLong()).isEqualTo(lift);
		assertThat(asset.body().get("orders").findValuesAsString("number")).contains(order.text("number"));
	}

	@Test
	void anOrderCannotNameAnAssetOfAnotherProject() {
		long lift = equipment().lift();

		Response refused = api.post("north-agent", "/api/v1/work-orders",
				Map.of("channel", "HOTLINE", "reporter", Map.of("name", "王女士", "phone", "13912345679"), "location",
						Map.of("projectCode", "NORTH", "area", "地下车库"), "category", "ELEVATOR", "description", "电梯异响",
						"assetId", lift));

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body().toString()).contains("assetId");
	}

	@Test
	void csvImportAddsAndUpdatesByNameAndExportsTheSame() {
		String pump = Equipment.uniqueName("消防泵");
		String gate = Equipment.uniqueName("大门道闸");
		String csv = AssetCsvFormat.HEADER + "\n" + pump
				+ ",FIRE_PUMP,水泵房,上海凯泉,XBD,K-1,2020-03-01,,\"消防维保, 有限公司\",2027-01-01,\n" + gate
				+ ",GATE,小区大门,捷顺,JS-1,,,,,,IN_SERVICE\n";

		Response first = api.putCsv("manager", "/api/v1/projects/DEMO/assets", csv);
		Response again = api.putCsv("manager", "/api/v1/projects/DEMO/assets", csv.replace("XBD", "XBD-2"));
		String exported = api.get("manager", "/api/v1/projects/DEMO/assets.csv").body().asString();

		assertThat(first.status()).isEqualTo(200);
		assertThat(first.body().get("added").asInt()).isEqualTo(2);
		assertThat(again.body().get("updated").asInt()).isEqualTo(2);
		assertThat(exported).contains(pump + ",FIRE_PUMP,水泵房,上海凯泉,XBD-2,K-1,2020-03-01,,\"消防维保, 有限公司\"");
		assertThat(exported).contains(gate + ",GATE,小区大门");
	}

	@Test
	void aCsvWithOneBadRowImportsNothingAndNamesTheRow() {
		String good = Equipment.uniqueName("好设备");
		String csv = AssetCsvFormat.HEADER + "\n" + good + ",CCTV,地下车库,海康,,,,,,,\n" + Equipment.uniqueName("坏设备")
				+ ",SPACESHIP,地下车库,,,,,,,,\n" + Equipment.uniqueName("公式") + ",CCTV,=cmd|' /C calc'!A0,,,,,,,,\n";

		Response refused = api.putCsv("manager", "/api/v1/projects/DEMO/assets", csv);

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.problemType()).isEqualTo("import-rejected");
		assertThat(refused.body().get("errors").findValuesAsString("field")).containsExactly("row 3", "row 4");
		assertThat(api.get("manager", "/api/v1/assets?projectCode=DEMO").body().toString()).doesNotContain(good);
	}

	@Test
	void aStaleStatusChangeIsRefused() {
		long lift = equipment().lift();
		api.patch("supervisor", "/api/v1/assets/" + lift, Map.of("status", "OUT_OF_SERVICE", "version", 0));

		Response stale = api.patch("supervisor", "/api/v1/assets/" + lift,
				Map.of("status", "IN_SERVICE", "version", 0));

		assertThat(stale.status()).isEqualTo(409);
		assertThat(api.get("manager", "/api/v1/assets/" + lift).body().get("asset").get("status").asString())
			.isEqualTo("OUT_OF_SERVICE");
	}

}

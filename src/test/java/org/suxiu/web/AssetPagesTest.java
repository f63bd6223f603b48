package org.suxiu.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The equipment register on the pages: a manager registers a lift, a device alarm on it
 * shows on its page with the order it opened, and the pages speak plain words.
 */
class AssetPagesTest extends BrowserTest {

	@Test
	void aManagerRegistersALiftAndItsPageShowsTheAlarmOrder() {
		String name = "页面电梯-" + System.nanoTime() % 1_000_000;
		Browser manager = desk().signIn("manager");

		manager.open("/assets");
		manager.type("#name", name);
		manager.select("#type", "LIFT");
		manager.select("#place", "3号楼1号电梯");
		manager.type("#maker", "日立");
		manager.type("#registrationCode", "31103301002020010002");
		manager.click("#register-asset button[type=submit]");
		manager.waitForText(name);
		String assetPage = manager.url();
		manager.type("#device-name", "困人检测器");
		manager.click("form[action$='/devices'] button");
		manager.waitForText("密钥只显示这一次");
		String deviceId = manager.text("#issued-key code");
		String key = manager.driver()
			.findElements(org.openqa.selenium.By.cssSelector("#issued-key code"))
			.get(1)
			.getText();
		var alarm = api.post(null, "/api/v1/devices/" + deviceId + "/alarms",
				Map.of("type", "LIFT_ENTRAPMENT", "severity", "CRITICAL"), "X-Device-Key", key);
		manager.open(assetPage.substring(assetPage.indexOf("/assets/")));

		assertThat(alarm.status()).isEqualTo(202);
		assertThat(manager.text("#asset-orders")).contains(alarm.text("number"), "紧急");
		assertThat(manager.text("#asset-alarms")).contains("电梯困人", "报警中");
		assertThat(manager.text("#particulars")).contains("日立", "31103301002020010002", "在用");
		assertThat(manager.open("/assets").text("#assets")).contains(name, "电梯");
		// the L1 leaves the dispatchers' emergency banner, which other tests click beside
		api.post("dispatcher", "/api/v1/work-orders/" + alarm.text("number") + "/cancel", Map.of("reason", "测试结束"));
	}

	@Test
	void assetPagesShowNoRawValues() {
		long lift = api.post("manager", "/api/v1/assets", Map.of("projectCode", "DEMO", "place", "4号楼1号电梯", "type",
				"LIFT", "name", "词语电梯-" + System.nanoTime() % 1_000_000))
			.body()
			.get("id")
			.asLong();
		var device = api.post("manager", "/api/v1/devices", Map.of("assetId", lift, "name", "困人检测器")).body();
		String leak = api
			.post(null, "/api/v1/devices/" + device.get("deviceId").asString() + "/alarms",
					Map.of("type", "WATER_LEAK", "severity", "MAJOR", "value", 3), "X-Device-Key",
					device.get("deviceKey").asString())
			.text("number");
		List<String> found = new ArrayList<>();
		Browser supervisor = desk().signIn("supervisor");

		for (String page : List.of("/assets", "/assets?lang=en", "/assets/" + lift, "/assets/" + lift + "?lang=en")) {
			supervisor.open(page);
			PlainWordsTest.scan(supervisor, page, PlainWordsTest.RAW, found);
		}

		api.post("dispatcher", "/api/v1/work-orders/" + leak + "/cancel", Map.of("reason", "测试结束"));

		assertThat(found).isEmpty();
	}

	@Test
	void anOwnerScanningALabelGetsTheReportFormFilledIn() {
		long pump = api
			.post("manager", "/api/v1/assets", Map.of("projectCode", "DEMO", "place", "水泵房", "type", "WATER_PUMP",
					"name", "扫码水泵-" + System.nanoTime() % 1_000_000))
			.body()
			.get("id")
			.asLong();
		Browser owner = phone().signIn("13800000001");

		owner.open("/a/" + pump);

		assertThat(owner.url()).contains("/owner/report");
		assertThat(owner.script("return document.getElementById('place').value")).isEqualTo("area:水泵房");
		assertThat(owner.script("return document.getElementById('category').value")).isEqualTo("PLUMBING");
	}

	@Test
	void staffScanningALabelOpenTheAssetAndTheSheetPrintsEveryLabel() {
		long pump = api
			.post("manager", "/api/v1/assets", Map.of("projectCode", "DEMO", "place", "水泵房", "type", "WATER_PUMP",
					"name", "标签水泵-" + System.nanoTime() % 1_000_000))
			.body()
			.get("id")
			.asLong();
		Browser technician = phone().signIn("tech01");

		technician.open("/a/" + pump);
		String page = technician.url();
		technician.open("/assets/labels?project=DEMO");

		assertThat(page).endsWith("/assets/" + pump);
		assertThat(technician.text("#labels")).contains("标签水泵");
		assertThat(technician
			.script("return Array.from(document.images).every(function (i) { return i.naturalWidth > 0; })"))
			.isEqualTo(true);
	}

	@Test
	void ownersHaveNoRegister() {
		Browser owner = phone().signIn("13800000001");

		owner.open("/assets");

		assertThat(owner.pageText()).doesNotContain("设备台账");
	}

}

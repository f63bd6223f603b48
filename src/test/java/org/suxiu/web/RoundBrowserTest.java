package org.suxiu.web;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.suxiu.inspection.Routes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A guard walks a round on the phone: checks in at the pump room with one reading out of
 * limits, which becomes an order, and at the power room with all well; the round is done,
 * its sheet prints, and the pages speak plain words.
 */
class RoundBrowserTest extends BrowserTest {

	@Test
	void aGuardWalksARoundOnThePhoneAndAFailedReadingBecomesAnOrder() {
		JsonNode route = new Routes(api).pumpAndPowerRooms();
		long round = new Routes(api).round(route, "tech03");
		long pumpRoom = Routes.checkpoint(route, 0).get("id").asLong();
		long pressure = Routes.item(route, 0, 1);
		long sound = Routes.item(route, 0, 0);
		long smell = Routes.item(route, 1, 0);
		Browser phone = phone().signIn("tech03");

		phone.open("/rounds");
		phone.click("#rounds li[data-id='" + round + "'] a");
		phone.waitForText("已打卡 0/2");
		phone.open("/checkpoints/" + pumpRoom);
		phone.click("input[name='pass-" + sound + "'][value='pass']");
		phone.type("#value-" + pressure, "0.95");
		phone.type("#note-" + pressure, "压力表指针抖动");
		phone.click("#checkin button[type=submit]");
		phone.waitForText("已自动生成报修单");
		String notice = phone.text("#flash");
		phone.click("#points li[data-checkpoint='" + Routes.checkpoint(route, 1).get("id").asLong() + "'] a.checkin");
		phone.click("input[name='pass-" + smell + "'][value='pass']");
		phone.click("#checkin button[type=submit]");
		phone.waitForText("全部正常");

		String number = notice.substring(notice.indexOf("BX"), notice.indexOf("BX") + 16);
		JsonNode order = api.get("dispatcher", "/api/v1/work-orders/" + number).body();
		assertThat(order.get("channel").asString()).isEqualTo("INSPECTION");
		assertThat(order.get("description").asString()).contains("出水压力", "0.95");
		assertThat(phone.text("#round-state")).contains("已完成", "2/2");
		assertThat(phone.text("#points")).contains(number);
		assertThat(phone.scrollsSideways()).isFalse();
		assertThat(phone.open("/rounds/" + round + "/sheet").text("#sheet")).contains("出水压力", "0.95", "配电柜无焦糊味");
	}

	@Test
	void roundPagesShowNoRawValues() {
		JsonNode route = new Routes(api).pumpAndPowerRooms();
		long round = new Routes(api).round(route, "tech03");
		long checkpoint = Routes.checkpoint(route, 0).get("id").asLong();
		List<String> found = new ArrayList<>();
		Browser phone = phone().signIn("tech03");
		for (String page : List.of("/rounds", "/rounds/" + round, "/rounds/" + round + "/points/" + checkpoint,
				"/rounds/" + round + "/sheet", "/rounds?lang=en")) {
			phone.open(page);
			PlainWordsTest.scan(phone, page, PlainWordsTest.RAW, found);
		}
		Browser supervisor = desk().signIn("supervisor");
		for (String page : List.of("/rounds", "/rounds/" + round, "/plans", "/plans?lang=en", "/dispatch/incidents",
				"/dispatch/incidents?lang=en")) {
			supervisor.open(page);
			PlainWordsTest.scan(supervisor, page, PlainWordsTest.RAW, found);
		}

		assertThat(found).isEmpty();
	}

}

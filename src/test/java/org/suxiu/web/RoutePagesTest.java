package org.suxiu.web;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.suxiu.ApplicationTest;
import org.suxiu.attachment.TestImages;
import org.suxiu.inspection.Routes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The supervisor's route editor and check-in photos on the pages: a route created and
 * edited through the form (blank rows ignored, a ticked checkpoint taken off, a reading's
 * limits changed), and a guard's photo from the check-in form shown on the round's page.
 */
class RoutePagesTest extends ApplicationTest {

	private static final Pattern ROUTE = Pattern.compile("/rounds/routes/(\\d+)/edit");

	@Test
	void aSupervisorCreatesARouteOnTheFormAndEditsIt() {
		PageClient supervisor = new PageClient(port).signIn("supervisor");
		String name = "夜间巡查-" + System.nanoTime() % 1_000_000;
		Map<String, String> fields = new HashMap<>();
		fields.put("name", name);
		fields.put("version", "0");
		fields.put("cp0.order", "2");
		fields.put("cp0.name", "配电房");
		fields.put("cp0.place", "配电房");
		fields.put("cp0.item0.text", "配电柜无焦糊味");
		fields.put("cp0.item0.kind", "PASS_FAIL");
		fields.put("cp0.item1.text", "");
		fields.put("cp1.order", "1");
		fields.put("cp1.name", "水泵房");
		fields.put("cp1.place", "水泵房");
		fields.put("cp1.item0.text", "出水压力");
		fields.put("cp1.item0.kind", "READING");
		fields.put("cp1.item0.min", "0.2");
		fields.put("cp1.item0.max", "0.6");
		fields.put("cp1.item0.unit", "MPa");
		fields.put("cp2.order", "3");
		fields.put("cp2.name", "");
		fields.put("cp2.item0.text", "");

		HttpResponse<String> created = supervisor.submit("/rounds/routes/new?project=DEMO",
				"/rounds/routes?project=DEMO", fields);

		assertThat(created.statusCode()).isEqualTo(302);
		Matcher at = ROUTE.matcher(created.headers().firstValue("Location").orElse(""));
		assertThat(at.find()).isTrue();
		long id = Long.parseLong(at.group(1));
		JsonNode route = api.get("supervisor", "/api/v1/inspection-routes/" + id).body();
		assertThat(route.get("checkpoints").findValuesAsString("name")).containsExactly("水泵房", "配电房");
		String page = supervisor.get("/rounds/routes/" + id + "/edit").body();
		assertThat(page).contains("已保存", name, "出水压力", "value=\"0.6\"", "删除此检查点");

		long pumpRoom = Routes.checkpoint(route, 0).get("id").asLong();
		long powerRoom = Routes.checkpoint(route, 1).get("id").asLong();
		Map<String, String> edit = new HashMap<>();
		edit.put("name", name + "（夏季）");
		edit.put("version", String.valueOf(route.get("version").asInt()));
		edit.put("cp0.id", String.valueOf(pumpRoom));
		edit.put("cp0.order", "1");
		edit.put("cp0.name", "水泵房");
		edit.put("cp0.place", "水泵房");
		edit.put("cp0.item0.id", String.valueOf(Routes.item(route, 0, 0)));
		edit.put("cp0.item0.text", "出水压力");
		edit.put("cp0.item0.kind", "READING");
		edit.put("cp0.item0.min", "0.25");
		edit.put("cp0.item0.max", "0.7");
		edit.put("cp0.item0.unit", "MPa");
		edit.put("cp1.id", String.valueOf(powerRoom));
		edit.put("cp1.order", "2");
		edit.put("cp1.name", "配电房");
		edit.put("cp1.place", "配电房");
		edit.put("cp1.remove", "yes");
		edit.put("cp1.item0.id", String.valueOf(Routes.item(route, 1, 0)));
		edit.put("cp1.item0.text", "配电柜无焦糊味");

		HttpResponse<String> edited = supervisor.submit("/rounds/routes/" + id + "/edit", "/rounds/routes/" + id, edit);

		assertThat(edited.statusCode()).isEqualTo(302);
		JsonNode after = api.get("supervisor", "/api/v1/inspection-routes/" + id).body();
		assertThat(after.get("name").asString()).endsWith("（夏季）");
		assertThat(after.get("checkpoints")).hasSize(1);
		assertThat(after.get("checkpoints").get(0).get("id").asLong()).isEqualTo(pumpRoom);
		assertThat(after.get("checkpoints").get(0).get("items").get(0).get("max").decimalValue())
			.isEqualByComparingTo("0.7");
		assertThat(supervisor.get("/rounds?project=DEMO").body()).contains("/rounds/routes/" + id + "/edit", "新建巡检路线");
	}

	@Test
	void theEditorSpeaksEnglishWhenAskedAndTechniciansDoNotEditRoutes() {
		PageClient supervisor = new PageClient(port).signIn("supervisor");
		PageClient technician = new PageClient(port).signIn("tech03");
		JsonNode route = new Routes(api).pumpAndPowerRooms();

		String english = supervisor.get("/rounds/routes/" + route.get("id").asLong() + "/edit?lang=en").body();
		HttpResponse<String> refused = technician.get("/rounds/routes/" + route.get("id").asLong() + "/edit");

		assertThat(english).contains("Edit inspection route", "Remove this checkpoint", "Pass / fail");
		assertThat(refused.statusCode()).isEqualTo(403);
	}

	@Test
	void aPhotoTakenAtTheCheckInShowsOnTheRoundsPage() {
		Routes routes = new Routes(api);
		JsonNode route = routes.pumpAndPowerRooms();
		long round = routes.round(route, "tech03");
		long powerRoom = Routes.checkpoint(route, 1).get("id").asLong();
		PageClient technician = new PageClient(port).signIn("tech03");
		String point = "/rounds/" + round + "/points/" + powerRoom;
		assertThat(technician.get(point).body()).contains("enctype=\"multipart/form-data\"", "name=\"photo\"");

		HttpResponse<String> checked = technician.upload(point, point,
				Map.of("pass-" + Routes.item(route, 1, 0), "fail", "note-" + Routes.item(route, 1, 0), "柜门烧焦"), "photo",
				"配电柜.jpg", TestImages.jpeg(400, 300));

		assertThat(checked.statusCode()).isEqualTo(302);
		String page = new PageClient(port).signIn("supervisor").get("/rounds/" + round).body();
		Matcher thumbnail = Pattern.compile("/rounds/" + round + "/photos/([0-9a-f-]{36})/thumbnail").matcher(page);
		assertThat(thumbnail.find()).as(page).isTrue();
		assertThat(page).contains("配电房 现场照片 1");
		HttpResponse<byte[]> image = new PageClient(port).signIn("supervisor").bytes(thumbnail.group());
		assertThat(image.statusCode()).isEqualTo(200);
		assertThat(image.headers().firstValue("Content-Type")).hasValue("image/jpeg");
	}

}

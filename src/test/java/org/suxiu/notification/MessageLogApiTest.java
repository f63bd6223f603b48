package org.suxiu.notification;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.suxiu.Api;
import org.suxiu.ApplicationTest;
import org.suxiu.workorder.Requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The default SMS gateway records and logs messages: administrators read them at
 * {@code GET /api/v1/admin/messages}, their own company's only. Everybody sets their own
 * notification preferences.
 */
class MessageLogApiTest extends ApplicationTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAdministratorSeesTheRecordedMessagesOfADispatchNewestFirst() {
		String number = dispatchedOrder("tech11");

		List<JsonNode> items = await().atMost(Duration.ofSeconds(30))
			.until(() -> items("/api/v1/admin/messages?recipient=13900000211&channel=SMS"), list -> list.stream()
				.anyMatch(m -> m.get("body").asString().contains(number) && m.get("status").asString().equals("SENT")));

		JsonNode job = items.stream().filter(m -> m.get("body").asString().contains(number)).findFirst().orElseThrow();
		assertThat(job.get("channel").asString()).isEqualTo("SMS");
		assertThat(job.get("recipient").asString()).isEqualTo("13900000211");
		assertThat(job.get("body").asString()).startsWith("【示范物业】新工单" + number);
		assertThat(job.get("createdAt").asString()).endsWith("+08:00");
		assertThat(job.get("sentAt").asString()).endsWith("+08:00");
		assertThat(job.has("id")).isTrue();
		Api.Response page = api.get("admin", "/api/v1/admin/messages?page=0&size=2");
		assertThat(page.body().get("items")).hasSize(2);
		assertThat(page.body().get("page").asInt()).isZero();
		assertThat(page.body().get("size").asInt()).isEqualTo(2);
		assertThat(page.body().get("total").asLong()).isGreaterThanOrEqualTo(2);
		List<String> created = page.body().get("items").valueStream().map(m -> m.get("createdAt").asString()).toList();
		assertThat(created.get(0)).isGreaterThanOrEqualTo(created.get(1));
	}

	@Test
	void onlyAdministratorsReadTheLog() {
		Api.Response dispatcher = api.get("dispatcher", "/api/v1/admin/messages");
		Api.Response owner = api.get("13800000001", "/api/v1/admin/messages");
		Api.Response anonymous = api.getWithAuthorization(null, "/api/v1/admin/messages");

		assertThat(dispatcher.status()).isEqualTo(403);
		assertThat(dispatcher.isProblem()).isTrue();
		assertThat(owner.status()).isEqualTo(403);
		assertThat(anonymous.status()).isEqualTo(401);
	}

	@Test
	void anAdministratorSeesNoOtherCompanysMessages() {
		Map<String, Object> body = Requests.hotline("PLUMBING", "地下车库水管漏水",
				Map.of("projectCode", "NORTH", "area", "地下车库"));
		body.put("reporter", Map.of("name", "韩梅", "phone", "13800000003"));
		String number = api.post("north-agent", "/api/v1/work-orders", body).text("number");
		assertThat(api
			.post("north-dispatcher", "/api/v1/work-orders/" + number + "/dispatch",
					Map.of("technicianId", "north-tech01"))
			.status()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(30)).until(() -> recorded(number) == 2);

		List<JsonNode> items = items("/api/v1/admin/messages?recipient=13900000303&size=100");
		List<JsonNode> all = items("/api/v1/admin/messages?size=100");

		assertThat(items).isEmpty();
		assertThat(all).noneSatisfy(m -> assertThat(m.get("body").asString()).contains(number));
	}

	@Test
	void aBadFilterIsAProblem() {
		Api.Response response = api.get("admin", "/api/v1/admin/messages?channel=PIGEON");
		Api.Response size = api.get("admin", "/api/v1/admin/messages?size=1000");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.isProblem()).isTrue();
		assertThat(size.status()).isEqualTo(400);
	}

	@Test
	void everybodySetsTheirOwnPreferencesAndReadsThemBack() {
		Api.Response defaults = api.get("supervisor", "/api/v1/me/notification-preferences");
		Api.Response saved = api.put("supervisor", "/api/v1/me/notification-preferences",
				Map.of("channels", List.of("APP", "SMS"), "language", "en"));
		Api.Response read = api.get("supervisor", "/api/v1/me/notification-preferences");

		assertThat(defaults.status()).isEqualTo(200);
		assertThat(defaults.body().get("channels").get(0).asString()).isEqualTo("SMS");
		assertThat(defaults.body().get("language").asString()).isEqualTo("zh-CN");
		assertThat(defaults.body().get("availableChannels").valueStream().map(JsonNode::asString)).contains("SMS");
		assertThat(saved.status()).isEqualTo(200);
		assertThat(read.body().get("channels").valueStream().map(JsonNode::asString)).containsExactly("APP", "SMS");
		assertThat(read.body().get("language").asString()).isEqualTo("en");
		api.put("supervisor", "/api/v1/me/notification-preferences", Map.of("channels", List.of("SMS")));
	}

	@Test
	void preferencesThatCannotWorkAreRefusedAndChangeNothing() {
		Api.Response noAddress = api.put("13800000002", "/api/v1/me/notification-preferences",
				Map.of("channels", List.of("EMAIL")));
		Api.Response badLanguage = api.put("13800000002", "/api/v1/me/notification-preferences",
				Map.of("channels", List.of("SMS"), "language", "fr"));
		Api.Response none = api.put("13800000002", "/api/v1/me/notification-preferences",
				Map.of("channels", List.of()));
		Api.Response unknown = api.put("13800000002", "/api/v1/me/notification-preferences",
				Map.of("channels", List.of("FAX")));
		Api.Response badEmail = api.put("13800000002", "/api/v1/me/notification-preferences",
				Map.of("channels", List.of("EMAIL"), "email", "not-an-address"));

		assertThat(List.of(noAddress, badLanguage, none, unknown, badEmail)).allSatisfy(r -> {
			assertThat(r.status()).as(r.body().toString()).isEqualTo(400);
			assertThat(r.isProblem()).isTrue();
		});
		assertThat(noAddress.body().get("errors").get(0).get("field").asString()).isEqualTo("email");
		assertThat(
				api.get("13800000002", "/api/v1/me/notification-preferences").body().get("channels").get(0).asString())
			.isEqualTo("SMS");
	}

	private String dispatchedOrder(String technician) {
		String number = api.post("agent", "/api/v1/work-orders", Requests.drippingTapByHotline()).text("number");
		assertThat(api
			.post("dispatcher", "/api/v1/work-orders/" + number + "/dispatch", Map.of("technicianId", technician))
			.status()).isEqualTo(200);
		return number;
	}

	private List<JsonNode> items(String path) {
		Api.Response response = api.get("admin", path);
		assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
		return response.body().get("items").valueStream().toList();
	}

	private long recorded(String number) {
		return jdbc.sql("SELECT count(*) FROM notification_message WHERE order_number = ?")
			.param(number)
			.query(Long.class)
			.single();
	}

}

package org.suxiu.field;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.suxiu.Api.Response;
import org.suxiu.ApplicationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 联系师傅: the owner and the technician reach each other through a middle number while the
 * job is open; neither real number is in the answer, and nobody else gets one.
 */
class CallsApiTest extends ApplicationTest {

	@Test
	void theOwnerCallsTheTechnicianThroughAMiddleNumber() {
		String number = reported();
		Response beforeDispatch = api.post("13800000001", "/api/v1/work-orders/" + number + "/call", Map.of());
		api.post("dispatcher", "/api/v1/work-orders/" + number + "/dispatch", Map.of("technicianId", "tech09"));
		String technicianPhone = api.get("dispatcher", "/api/v1/work-orders/" + number)
			.body()
			.get("assignee")
			.get("phone")
			.asString();

		Response owner = api.post("13800000001", "/api/v1/work-orders/" + number + "/call", Map.of());
		Response technician = api.post("tech09", "/api/v1/work-orders/" + number + "/call", Map.of());
		Response otherOwner = api.post("13800000002", "/api/v1/work-orders/" + number + "/call", Map.of());
		Response colleague = api.post("tech10", "/api/v1/work-orders/" + number + "/call", Map.of());

		assertThat(beforeDispatch.status()).isEqualTo(422);
		assertThat(owner.status()).isEqualTo(200);
		assertThat(owner.text("number")).isEqualTo("4000000000").isNotEqualTo(technicianPhone);
		assertThat(owner.body().get("recorded").asBoolean()).isTrue();
		assertThat(owner.body().toString()).doesNotContain(technicianPhone).doesNotContain("13800000001");
		assertThat(technician.status()).isEqualTo(200);
		assertThat(otherOwner.status()).isEqualTo(404);
		assertThat(colleague.status()).isIn(403, 404);
	}

	private String reported() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("channel", "APP");
		body.put("category", "DOOR_WINDOW");
		body.put("description", "卧室门把手掉了 " + UUID.randomUUID());
		return api.post("13800000001", "/api/v1/work-orders", body).text("number");
	}

}

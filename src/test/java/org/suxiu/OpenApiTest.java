package org.suxiu;

import org.junit.jupiter.api.Test;
import org.suxiu.Api.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API describes itself, and health says UP once orders can be taken.
 */
class OpenApiTest extends ApplicationTest {

	@Test
	void servesTheOpenApiDescriptionOfTheContract() {
		Response docs = api.get(null, "/v3/api-docs");

		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.body().get("paths").propertyNames()).contains("/api/v1/work-orders",
				"/api/v1/work-orders/{number}", "/api/v1/work-orders/{number}/dispatch", "/api/v1/auth/token",
				"/api/v1/triage/rules", "/api/v1/auth/wechat-mini", "/api/v1/me/wechat", "/wechat/callback");
	}

	@Test
	void healthIsUp() {
		Response health = api.get(null, "/actuator/health");

		assertThat(health.status()).isEqualTo(200);
		assertThat(health.text("status")).isEqualTo("UP");
	}

}

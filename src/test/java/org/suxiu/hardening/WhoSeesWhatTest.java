package org.suxiu.hardening;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.suxiu.Api.Response;
import org.suxiu.ApplicationTest;
import org.suxiu.workorder.Requests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A technician sees their own jobs only (404 for anybody else's); an owner reports as
 * themselves and never grades their own report.
 */
class WhoSeesWhatTest extends ApplicationTest {

	@Test
	void aTechnicianCannotReadAnotherTechniciansJob() {
		String number = dispatchedTo("tech01");

		Response answer = api.get("tech02", "/api/v1/work-orders/" + number);

		assertThat(answer.status()).isEqualTo(404);
		assertThat(answer.isProblem()).isTrue();
	}

	@Test
	void aTechnicianReadsTheirOwnJob() {
		String number = dispatchedTo("tech01");

		assertThat(api.get("tech01", "/api/v1/work-orders/" + number).status()).isEqualTo(200);
	}

	@Test
	void aTechnicianCannotReadAnUndispatchedOrderOutsideThePool() {
		String number = api.post("agent", "/api/v1/work-orders", Requests.liftTrappedByHotline()).text("number");

		assertThat(api.get("tech03", "/api/v1/work-orders/" + number).status()).isEqualTo(404);
		assertThat(api.get("tech03", "/api/v1/work-orders/" + number + "/attachments").status()).isEqualTo(404);
	}

	@Test
	void anOwnersOrderTakesTheReporterFromTheirAccount() {
		Map<String, Object> body = Requests.with(Requests.leakByOwnerApp(), "reporter",
				Map.of("name", "冒名", "phone", "13912345678"));

		Response created = api.post("13800000001", "/api/v1/work-orders", body);

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.body().get("reporter").get("phone").asString()).isEqualTo("13800000001");
		assertThat(created.body().get("reporter").get("name").asString()).isNotEqualTo("冒名");
	}

	@Test
	void anOwnerNeverGradesTheirOwnReport() {
		Response created = api.post("13800000001", "/api/v1/work-orders",
				Requests.with(Requests.leakByOwnerApp(), "grade", "L1"));

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.text("gradeSource")).isEqualTo("AUTO");
	}

	private String dispatchedTo(String technician) {
		String number = api.post("agent", "/api/v1/work-orders", Requests.drippingTapByHotline()).text("number");
		Response dispatched = api.post("dispatcher", "/api/v1/work-orders/" + number + "/dispatch",
				Map.of("technicianId", technician));
		assertThat(dispatched.status()).as(dispatched.body().toString()).isEqualTo(200);
		return number;
	}

}

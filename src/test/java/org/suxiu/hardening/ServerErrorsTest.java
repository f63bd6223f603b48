package org.suxiu.hardening;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.suxiu.Api.Response;
import org.suxiu.ApplicationTest;
import org.suxiu.workorder.Requests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each input that probing turned into a 500 (or into Tomcat's HTML page) answers a 4xx
 * problem now, and no problem names a Java type.
 */
class ServerErrorsTest extends ApplicationTest {

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void nonAsciiDigitAsAssigneeIsUnknownNotAServerError() {
		Response response = api.get("dispatcher", "/api/v1/work-orders?assignee=%D9%A3");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body().get("total").asLong()).isZero();
	}

	@Test
	void blankAssigneeIsNotAServerError() {
		Response response = api.get("dispatcher", "/api/v1/work-orders?assignee=");

		assertThat(response.status()).isLessThan(500);
	}

	@Test
	void nonAsciiDigitAsTechnicianIdIsNotFound() {
		Response response = api.put("supervisor", "/api/v1/technicians/%D9%A3/status", Map.of("status", "ON_DUTY"));

		assertProblem(response, 404);
	}

	@Test
	void nonAsciiDigitAsDispatchTargetIsRefused() {
		String number = api.post("agent", "/api/v1/work-orders", Requests.drippingTapByHotline()).text("number");

		Response response = api.post("dispatcher", "/api/v1/work-orders/" + number + "/dispatch",
				Map.of("technicianId", "٣"));

		assertThat(response.status()).isBetween(400, 499);
		assertThat(response.isProblem()).isTrue();
	}

	@Test
	void extremeSummaryDateIsInvalidInput() {
		Response response = api.get("manager",
				"/api/v1/sla/summary?projectCode=DEMO&from=-999999999-01-01T00:00:00Z&to=2026-12-01T00:00:00Z");

		assertProblem(response, 400);
	}

	@Test
	void appointmentInYearNineHundredMillionIsInvalidInput() {
		Map<String, Object> body = Requests.with(Requests.drippingTapByHotline(), "grade", "L4");
		body = Requests.with(body, "appointment",
				Map.of("from", "+999999999-01-01T09:00:00+08:00", "to", "+999999999-01-01T11:00:00+08:00"));

		Response response = api.post("agent", "/api/v1/work-orders", body);

		assertProblem(response, 400);
	}

	@Test
	void rescheduleToYearNineHundredMillionIsInvalidInput() {
		String number = api.post("agent", "/api/v1/work-orders", Requests.drippingTapByHotline()).text("number");

		Response response = api.post("agent", "/api/v1/work-orders/" + number + "/reschedule",
				Map.of("reason", "业主改时间", "appointment",
						Map.of("from", "+999999999-01-01T09:00:00+08:00", "to", "+999999999-01-01T11:00:00+08:00")));

		assertProblem(response, 400);
	}

	@Test
	void nulInDescriptionIsInvalidInput() {
		Response response = api.post("agent", "/api/v1/work-orders",
				Requests.with(Requests.drippingTapByHotline(), "description", "漏水\u0000"));

		assertProblem(response, 400);
	}

	@Test
	void multipartWithoutBoundaryIsABadRequest() throws Exception {
		String number = api.post("agent", "/api/v1/work-orders", Requests.drippingTapByHotline()).text("number");

		HttpResponse<String> response = raw(HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/api/v1/work-orders/" + number + "/attachments"))
			.header("Authorization", "Bearer " + api.token("agent"))
			.header("Content-Type", "multipart/form-data")
			.POST(HttpRequest.BodyPublishers.ofString("--x\r\nnot really\r\n")));

		assertThat(response.statusCode()).isBetween(400, 499);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
	}

	@Test
	void multipartWithBrokenBodyIsABadRequest() throws Exception {
		String number = api.post("agent", "/api/v1/work-orders", Requests.drippingTapByHotline()).text("number");

		HttpResponse<String> response = raw(HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/api/v1/work-orders/" + number + "/attachments"))
			.header("Authorization", "Bearer " + api.token("agent"))
			.header("Content-Type", "multipart/form-data; boundary=abc")
			.POST(HttpRequest.BodyPublishers.ofString("--abc\r\nContent-Disposition: form-data; name=\"file\"")));

		assertThat(response.statusCode()).isBetween(400, 499);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
	}

	@Test
	void errorPathCalledDirectlyIsNotFound() {
		Response response = api.get(null, "/error");

		assertProblem(response, 404);
	}

	@Test
	void encodedSlashAnswersAProblemNotTomcatsPage() throws IOException {
		String answer = rawHttp(
				"GET /api/v1/work-orders/a%2Fb HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

		assertThat(answer).startsWith("HTTP/1.1 400");
		assertThat(answer).containsIgnoringCase("Content-Type: application/problem+json");
		assertThat(answer).doesNotContain("<html");
	}

	@Test
	void unreadableFieldDoesNotNameAJavaType() {
		Response response = api.post("agent", "/api/v1/work-orders",
				Requests.with(Requests.drippingTapByHotline(), "reporter", "张三"));

		assertProblem(response, 400);
		assertThat(response.body().toString()).doesNotContain("org.suxiu", "java.", "Reporter`", "`");
	}

	@Test
	void wrongTypeForANumberDoesNotNameAJavaType() {
		Response response = api.post("dispatcher", "/api/v1/work-orders/BX20260101000001/dispatch",
				Map.of("technicianId", "tech01", "version", Map.of("x", 1)));

		assertThat(response.status()).isBetween(400, 499);
		assertThat(response.body().toString()).doesNotContain("java.", "Integer", "org.suxiu");
	}

	private static void assertProblem(Response response, int status) {
		assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
		assertThat(response.isProblem()).as(response.contentType()).isTrue();
	}

	private HttpResponse<String> raw(HttpRequest.Builder request) throws Exception {
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private String rawHttp(String request) throws IOException {
		try (Socket socket = new Socket("localhost", port)) {
			socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
			socket.getOutputStream().flush();
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}

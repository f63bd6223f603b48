package org.suxiu.workorder;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.suxiu.Api.Response;
import org.suxiu.ApplicationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Intake refuses bad input with a 400 problem that names the offending fields, and stores
 * nothing.
 */
class BadInputTest extends ApplicationTest {

	private static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);

	@Autowired
	private JdbcClient jdbc;

	@Test
	void refusesMalformedJson() {
		long before = orderCount();

		Response response = api.post("agent", "/api/v1/work-orders", "{\"channel\": \"HOTLINE\", \"category\": ");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.isProblem()).isTrue();
		assertThat(response.problemType()).isEqualTo("malformed-body");
		assertThat(orderCount()).isEqualTo(before);
	}

	@Test
	void refusesOrderWithoutCategoryAndDescriptionNamingBoth() {
		long before = orderCount();

		Response response = create(
				Requests.without(Requests.without(Requests.drippingTapByHotline(), "category"), "description"));

		assertInvalid(response, "category", "description");
		assertThat(orderCount()).isEqualTo(before);
	}

	@Test
	void refusesUnknownCategory() {
		long before = orderCount();

		Response response = create(Requests.with(Requests.drippingTapByHotline(), "category", "ROOF"));

		assertInvalid(response, "category");
		assertThat(orderCount()).isEqualTo(before);
	}

	@Test
	void refusesUnknownChannel() {
		long before = orderCount();

		Response response = create(Requests.with(Requests.drippingTapByHotline(), "channel", "CARRIER_PIGEON"));

		assertInvalid(response, "channel");
		assertThat(orderCount()).isEqualTo(before);
	}

	@Test
	void refusesDescriptionLongerThan2000Characters() {
		long before = orderCount();

		Response response = create(Requests.with(Requests.drippingTapByHotline(), "description", "漏".repeat(2001)));

		assertInvalid(response, "description");
		assertThat(orderCount()).isEqualTo(before);
	}

	@Test
	void acceptsDescriptionOf2000Characters() {
		String description = "漏".repeat(2000);

		Response response = create(Requests.with(Requests.drippingTapByHotline(), "description", description));

		assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
		assertThat(response.text("description")).isEqualTo(description);
	}

	@Test
	void refusesReporterNameLongerThan50Characters() {
		long before = orderCount();

		Response response = create(Requests.with(Requests.drippingTapByHotline(), "reporter",
				Map.of("name", "张".repeat(51), "phone", "13800000001")));

		assertInvalid(response, "reporter.name");
		assertThat(orderCount()).isEqualTo(before);
	}

	@Test
	void refusesTooShortPhoneNumber() {
		long before = orderCount();

		Response response = create(
				Requests.with(Requests.drippingTapByHotline(), "reporter", Map.of("name", "张伟", "phone", "12345")));

		assertInvalid(response, "reporter.phone");
		assertThat(orderCount()).isEqualTo(before);
	}

	@Test
	void refusesPhoneNumberThatIsNeitherMobileNorLandline() {
		long before = orderCount();

		Response response = create(Requests.with(Requests.drippingTapByHotline(), "reporter",
				Map.of("name", "张伟", "phone", "2380000000")));

		assertInvalid(response, "reporter.phone");
		assertThat(orderCount()).isEqualTo(before);
	}

	@Test
	void refusesUnknownHome() {
		long before = orderCount();

		Response response = create(
				Requests.with(Requests.drippingTapByHotline(), "location", Requests.home("1", "1", "9999")));

		assertInvalid(response, "location");
		assertThat(orderCount()).isEqualTo(before);
	}

	@Test
	void refusesUnknownCommonArea() {
		long before = orderCount();

		Response response = create(
				Requests.with(Requests.liftTrappedByHotline(), "location", Requests.area("9号楼9号电梯")));

		assertInvalid(response, "location.area");
		assertThat(orderCount()).isEqualTo(before);
	}

	@Test
	void refusesUnknownProject() {
		long before = orderCount();

		Response response = create(Requests.with(Requests.drippingTapByHotline(), "location",
				Map.of("projectCode", "NOWHERE", "building", "2", "unit", "1", "room", "502")));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.isProblem()).isTrue();
		assertThat(response.problemType()).isEqualTo("invalid-input");
		assertThat(errorFields(response)).isNotEmpty().allMatch(field -> field.startsWith("location"));
		assertThat(orderCount()).isEqualTo(before);
	}

	@Test
	void refusesReportedAtInTheFuture() {
		long before = orderCount();

		Response response = create(Requests.with(Requests.drippingTapByHotline(), "reportedAt",
				OffsetDateTime.now(BEIJING).plusHours(1).toString()));

		assertInvalid(response, "reportedAt");
		assertThat(orderCount()).isEqualTo(before);
	}

	@Test
	void refusesReportedAtMoreThanSevenDaysAgo() {
		long before = orderCount();

		Response response = create(Requests.with(Requests.drippingTapByHotline(), "reportedAt",
				OffsetDateTime.now(BEIJING).minusDays(8).toString()));

		assertInvalid(response, "reportedAt");
		assertThat(orderCount()).isEqualTo(before);
	}

	@Test
	void acceptsReportedAtSixDaysAgoAndEchoesIt() {
		OffsetDateTime sixDaysAgo = OffsetDateTime.now(BEIJING).minusDays(6).truncatedTo(ChronoUnit.SECONDS);

		Response response = create(Requests.with(Requests.drippingTapByHotline(), "reportedAt", sixDaysAgo.toString()));

		assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
		assertThat(OffsetDateTime.parse(response.text("reportedAt")).toInstant()).isEqualTo(sixDaysAgo.toInstant());
	}

	@Test
	void refusesPlannedL4WorkWithoutAppointment() {
		long before = orderCount();

		Response response = create(Requests.with(Requests.drippingTapByHotline(), "grade", "L4"));

		assertInvalid(response, "appointment");
		assertThat(orderCount()).isEqualTo(before);
	}

	@Test
	void refusesAppointmentEndingBeforeItStarts() {
		OffsetDateTime from = OffsetDateTime.now(BEIJING).plusDays(2).truncatedTo(ChronoUnit.HOURS);
		long before = orderCount();

		Response response = create(Requests.with(Requests.with(Requests.drippingTapByHotline(), "grade", "L4"),
				"appointment", Map.of("from", from.toString(), "to", from.minusHours(2).toString())));

		assertInvalid(response, "appointment.to");
		assertThat(orderCount()).isEqualTo(before);
	}

	@Test
	void refusesPageSizeAbove100() {
		Response response = api.get("agent", "/api/v1/work-orders?size=101");

		assertInvalid(response, "size");
	}

	@Test
	void refusesNegativePage() {
		Response response = api.get("agent", "/api/v1/work-orders?page=-1");

		assertInvalid(response, "page");
	}

	private Response create(Map<String, Object> body) {
		return api.post("agent", "/api/v1/work-orders", body);
	}

	private void assertInvalid(Response response, String... fields) {
		assertThat(response.status()).as(response.body().toString()).isEqualTo(400);
		assertThat(response.isProblem()).isTrue();
		assertThat(response.problemType()).isEqualTo("invalid-input");
		assertThat(errorFields(response)).contains(fields);
	}

	private static List<String> errorFields(Response response) {
		return response.body().get("errors").valueStream().map(error -> error.get("field").asString()).toList();
	}

	private long orderCount() {
		return jdbc.sql("SELECT count(*) FROM work_order").query(Long.class).single();
	}

}

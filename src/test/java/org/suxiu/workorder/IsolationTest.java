package org.suxiu.workorder;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.suxiu.Api.Response;
import org.suxiu.ApplicationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.suxiu.workorder.Journeys.OTHER_OWNER;
import static org.suxiu.workorder.Journeys.OWNER;

/**
 * Tenants see nothing of each other, owners only their own orders, technicians only their
 * own jobs; intake refuses places the caller may not report for.
 */
class IsolationTest extends ApplicationTest {

	private Journeys journeys;

	@BeforeEach
	void journeys() {
		journeys = new Journeys(api);
	}

	@Test
	void hidesAnotherTenantsOrder() {
		String number = journeys.orderIn(Status.NEW);

		Response response = journeys.get("north-agent", number);

		assertNotFound(response);
	}

	static Stream<Arguments> actionsOfAnotherTenant() {
		return Stream.of(arguments("north-dispatcher", "dispatch", Status.NEW, Map.of("technicianId", "north-tech01")),
				arguments("north-dispatcher", "dispatch", Status.NEW, Map.of("technicianId", "tech01")),
				arguments("north-tech01", "take", Status.DISPATCHED, Map.of()),
				arguments("north-agent", "cancel", Status.NEW, Map.of("reason", "测试")),
				arguments("north-agent", "regrade", Status.NEW, Map.of("grade", "L1", "reason", "测试")),
				arguments("north-agent", "accept", Status.COMPLETED, Map.of("rating", 1)),
				arguments("north-agent", "reopen", Status.COMPLETED, Map.of("reason", "测试")),
				arguments("north-agent", "follow-up", Status.ACCEPTED, Map.of("satisfied", false)),
				arguments("13800000003", "cancel", Status.NEW, Map.of("reason", "测试")));
	}

	@ParameterizedTest(name = "{1} by {0} on {2}")
	@MethodSource("actionsOfAnotherTenant")
	void answersNotFoundToAnyActionOnAnotherTenantsOrder(String user, String action, Status from,
			Map<String, Object> body) {
		String number = journeys.orderIn(from);

		Response response = journeys.act(user, number, action, body);

		assertNotFound(response);
		assertThat(journeys.statusOf(number)).isEqualTo(from.name());
	}

	@Test
	void listsNoOrderOfAnotherTenant() {
		String demo = journeys.orderIn(Status.NEW);
		String north = journeys.northOrder();

		List<JsonNode> items = journeys.items("north-agent", "size=100");

		assertThat(items).extracting(item -> item.get("number").asString()).contains(north).doesNotContain(demo);
		assertThat(items).extracting(item -> item.get("location").get("projectCode").asString()).containsOnly("NORTH");
	}

	@Test
	void listsNothingForAnotherTenantsProjectCode() {
		journeys.orderIn(Status.NEW);

		Response page = api.get("north-agent", "/api/v1/work-orders?projectCode=DEMO");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body().get("total").asLong()).isZero();
		assertThat(page.body().get("items").isEmpty()).isTrue();
	}

	@Test
	void hidesAnOrderFromAnotherOwner() {
		String number = journeys.ownerReportIn(Status.NEW);

		Response response = journeys.get(OTHER_OWNER, number);

		assertNotFound(response);
	}

	@ParameterizedTest(name = "{0} but not {1}")
	@CsvSource({ "13800000001, 13800000002", "13800000002, 13800000001" })
	void listsOnlyTheOwnersOwnOrders(String owner, String otherOwner) {
		String own = journeys.created(api.post(owner, "/api/v1/work-orders", Requests.leakByOwnerApp()));
		String others = journeys.created(api.post(otherOwner, "/api/v1/work-orders", Requests.leakByOwnerApp()));

		List<JsonNode> items = journeys.items(owner, "size=100");

		assertThat(items).extracting(item -> item.get("number").asString()).contains(own).doesNotContain(others);
		assertThat(items)
			.allSatisfy(item -> assertThat(journeys.get(owner, item.get("number").asString()).status()).isEqualTo(200));
	}

	@Test
	void listsOnlyTheTechniciansOwnJobs() {
		String own = journeys.orderIn(Status.DISPATCHED, "tech01");
		String others = journeys.orderIn(Status.DISPATCHED, "tech02");
		long tech01 = journeys.get("agent", own).body().get("assignee").get("id").asLong();

		List<JsonNode> items = journeys.items("tech01", "size=100");

		assertThat(items).extracting(item -> item.get("number").asString()).contains(own).doesNotContain(others);
		assertThat(items).extracting(item -> item.get("assignee").get("id").asLong()).containsOnly(tech01);
	}

	@Test
	void refusesAnotherTenantsProjectOnIntake() {
		Map<String, Object> body = Requests.hotline("PLUMBING", "水管漏水", Requests.area("地下车库"));

		Response response = api.post("north-agent", "/api/v1/work-orders", body);

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.isProblem()).isTrue();
		assertThat(response.problemType()).isEqualTo("invalid-input");
		assertThat(response.body().toString()).doesNotContain("示范花园");
	}

	@Test
	void refusesAnotherTenantsProjectExactlyAsAProjectThatDoesNotExist() {
		Map<String, Object> demoHome = Requests.hotline("PLUMBING", "水管漏水", Requests.home("1", "1", "101"));
		Map<String, Object> nowhere = Requests.hotline("PLUMBING", "水管漏水",
				Map.of("projectCode", "NOWHERE", "building", "1", "unit", "1", "room", "101"));

		Response demo = api.post("north-agent", "/api/v1/work-orders", demoHome);
		Response unknown = api.post("north-agent", "/api/v1/work-orders", nowhere);

		assertThat(demo.status()).isEqualTo(unknown.status()).isEqualTo(400);
		assertThat(demo.body().get("errors")).isEqualTo(unknown.body().get("errors"));
	}

	@Test
	void refusesAnOwnerReportingForAnotherOwnersHome() {
		Map<String, Object> body = Requests.with(Requests.leakByOwnerApp(), "location", Requests.home("2", "1", "502"));

		Response response = api.post(OWNER, "/api/v1/work-orders", body);

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.isProblem()).isTrue();
		assertThat(response.body().get("errors").valueStream().map(e -> e.get("field").asString()))
			.contains("location");
	}

	@Test
	void refusesAnOwnerReportingInAnotherTenantsProject() {
		Map<String, Object> body = Requests.with(Requests.leakByOwnerApp(), "location",
				Map.of("projectCode", "NORTH", "area", "地下车库"));

		Response response = api.post(OWNER, "/api/v1/work-orders", body);

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.isProblem()).isTrue();
	}

	@Test
	void defaultsAnOwnersReportToTheirHomeAndThemselves() {
		Response response = api.post(OWNER, "/api/v1/work-orders", Requests.leakByOwnerApp());

		assertThat(response.status()).isEqualTo(201);
		JsonNode location = response.body().get("location");
		assertThat(location.get("projectCode").asString()).isEqualTo("DEMO");
		assertThat(location.get("building").asString()).isEqualTo("1");
		assertThat(location.get("unit").asString()).isEqualTo("1");
		assertThat(location.get("room").asString()).isEqualTo("101");
		assertThat(response.body().get("reporter").get("name").asString()).isEqualTo("张伟");
		assertThat(response.body().get("reporter").get("phone").asString()).isEqualTo(OWNER);
	}

	@Test
	void letsAnOwnerReportACommonAreaOfTheirProject() {
		Map<String, Object> body = Requests.with(Requests.leakByOwnerApp(), "location", Requests.area("地下车库"));

		Response response = api.post(OWNER, "/api/v1/work-orders", body);

		assertThat(response.status()).as("%s", response.body()).isEqualTo(201);
		assertThat(response.body().get("location").get("projectCode").asString()).isEqualTo("DEMO");
		assertThat(response.body().get("location").get("area").asString()).isEqualTo("地下车库");
	}

	@Test
	void refusesTheHotlineChannelToAnOwner() {
		Map<String, Object> body = Requests.with(Requests.leakByOwnerApp(), "channel", "HOTLINE");

		Response response = api.post(OWNER, "/api/v1/work-orders", body);

		assertThat(response.status()).isEqualTo(422);
		assertThat(response.isProblem()).isTrue();
	}

	private static void assertNotFound(Response response) {
		assertThat(response.status()).as("%s", response.body()).isEqualTo(404);
		assertThat(response.isProblem()).isTrue();
		assertThat(response.problemType()).isEqualTo("not-found");
	}

}

package org.suxiu.workorder;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.suxiu.Api.Response;
import org.suxiu.ApplicationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The filters and paging of {@code GET /api/v1/work-orders}, as the agent of the demo
 * tenant sees them.
 */
class ListQueryTest extends ApplicationTest {

	private Journeys journeys;

	@BeforeEach
	void journeys() {
		journeys = new Journeys(api);
	}

	@Test
	void filtersByOneStatus() {
		String fresh = journeys.orderIn(Status.NEW);
		String dispatched = journeys.orderIn(Status.DISPATCHED);

		List<JsonNode> items = journeys.items("agent", "status=DISPATCHED&size=100");

		assertThat(numbers(items)).contains(dispatched).doesNotContain(fresh);
		assertThat(items).extracting(item -> item.get("status").asString()).containsOnly("DISPATCHED");
	}

	@Test
	void filtersByACommaSeparatedListOfStatuses() {
		String fresh = journeys.orderIn(Status.NEW);
		String dispatched = journeys.orderIn(Status.DISPATCHED);
		String taken = journeys.orderIn(Status.TAKEN);

		List<JsonNode> items = journeys.items("agent", "status=NEW,DISPATCHED&size=100");

		assertThat(numbers(items)).contains(fresh, dispatched).doesNotContain(taken);
		assertThat(items).extracting(item -> item.get("status").asString()).containsOnly("NEW", "DISPATCHED");
	}

	@Test
	void filtersByGrade() {
		String urgent = journeys.created(api.post("agent", "/api/v1/work-orders",
				Requests.with(Requests.drippingTapByHotline(), "grade", "L2")));
		String normal = journeys.created(api.post("agent", "/api/v1/work-orders",
				Requests.with(Requests.drippingTapByHotline(), "grade", "L3")));

		List<JsonNode> items = journeys.items("agent", "grade=L2&size=100");

		assertThat(numbers(items)).contains(urgent).doesNotContain(normal);
		assertThat(items).extracting(item -> item.get("grade").asString()).containsOnly("L2");
	}

	@Test
	void filtersByProjectCode() {
		String north = journeys.northOrder();

		List<JsonNode> items = journeys.items("north-agent", "projectCode=NORTH&size=100");

		assertThat(numbers(items)).contains(north);
		assertThat(items).extracting(item -> item.get("location").get("projectCode").asString()).containsOnly("NORTH");
	}

	@Test
	void listsNothingForAnUnknownProjectCode() {
		journeys.orderIn(Status.NEW);

		Response page = api.get("agent", "/api/v1/work-orders?projectCode=NOWHERE");

		assertThat(page.body().get("total").asLong()).isZero();
		assertThat(page.body().get("items").isEmpty()).isTrue();
	}

	@Test
	void keepsTheTenantsOrdersUnderItsOwnProjectCode() {
		String demo = journeys.orderIn(Status.NEW);

		List<JsonNode> items = journeys.items("agent", "projectCode=DEMO&size=100");

		assertThat(numbers(items)).contains(demo);
		assertThat(items).extracting(item -> item.get("location").get("projectCode").asString()).containsOnly("DEMO");
	}

	@ParameterizedTest(name = "given by {0}")
	@ValueSource(strings = { "username", "id" })
	void filtersByAssignee(String key) {
		String own = journeys.orderIn(Status.DISPATCHED, "tech01");
		String others = journeys.orderIn(Status.DISPATCHED, "tech02");
		long tech01 = journeys.get("agent", own).body().get("assignee").get("id").asLong();
		String assignee = key.equals("id") ? String.valueOf(tech01) : "tech01";

		List<JsonNode> items = journeys.items("agent", "assignee=" + assignee + "&size=100");

		assertThat(numbers(items)).contains(own).doesNotContain(others);
		assertThat(items).extracting(item -> item.get("assignee").get("id").asLong()).containsOnly(tech01);
	}

	@Test
	void listsNothingForAnUnknownAssignee() {
		journeys.orderIn(Status.DISPATCHED);

		Response page = api.get("agent", "/api/v1/work-orders?assignee=nobody");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body().get("total").asLong()).isZero();
	}

	@Test
	void listsTheNewestFirst() {
		String first = journeys.orderIn(Status.NEW);
		String second = journeys.orderIn(Status.NEW);
		String third = journeys.orderIn(Status.NEW);

		List<JsonNode> items = journeys.items("agent", "size=50");

		assertThat(numbers(items)).startsWith(third, second, first);
		assertThat(items).extracting(item -> OffsetDateTime.parse(item.get("createdAt").asString()).toInstant())
			.isSortedAccordingTo(Comparator.reverseOrder());
	}

	@Test
	void splitsTheSameOrderedResultIntoPages() {
		for (int i = 0; i < 5; i++) {
			journeys.orderIn(Status.NEW);
		}

		Response firstPage = api.get("agent", "/api/v1/work-orders?status=NEW&page=0&size=2");
		Response secondPage = api.get("agent", "/api/v1/work-orders?status=NEW&page=1&size=2");
		Response both = api.get("agent", "/api/v1/work-orders?status=NEW&page=0&size=4");

		assertThat(firstPage.body().get("page").asInt()).isZero();
		assertThat(secondPage.body().get("page").asInt()).isEqualTo(1);
		assertThat(secondPage.body().get("size").asInt()).isEqualTo(2);
		assertThat(firstPage.body().get("total").asLong()).isEqualTo(secondPage.body().get("total").asLong())
			.isEqualTo(both.body().get("total").asLong())
			.isGreaterThanOrEqualTo(5);
		List<String> paged = new ArrayList<>(numbers(firstPage));
		paged.addAll(numbers(secondPage));
		assertThat(paged).containsExactlyElementsOf(numbers(both));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "status=NEW,DISPATCHED,TAKEN",
			"status=NEW,DISPATCHED,TAKEN,ARRIVED,IN_PROGRESS,ON_HOLD&projectCode=DEMO",
			"status=DISPATCHED,TAKEN&assignee=tech01" })
	void pagesSeveralStatusesAsOneListNewestFirst(String filter) {
		journeys.orderIn(Status.NEW);
		journeys.orderIn(Status.DISPATCHED);
		journeys.orderIn(Status.TAKEN);
		journeys.orderIn(Status.DISPATCHED);
		journeys.orderIn(Status.TAKEN);
		List<JsonNode> all = journeys.items("agent", filter + "&size=100");

		Response firstPage = api.get("agent", "/api/v1/work-orders?" + filter + "&page=0&size=2");
		Response secondPage = api.get("agent", "/api/v1/work-orders?" + filter + "&page=1&size=2");
		Response afterCursor = api.get("agent",
				"/api/v1/work-orders?" + filter + "&size=2&after=" + firstPage.text("next"));

		assertThat(all).extracting(item -> OffsetDateTime.parse(item.get("createdAt").asString()).toInstant())
			.isSortedAccordingTo(Comparator.reverseOrder());
		assertThat(numbers(all)).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(4);
		List<String> paged = new ArrayList<>(numbers(firstPage));
		paged.addAll(numbers(secondPage));
		assertThat(paged).containsExactlyElementsOf(numbers(all).subList(0, 4));
		assertThat(numbers(afterCursor)).containsExactlyElementsOf(numbers(secondPage));
	}

	@Test
	void countsEveryListedOrderInTheTotal() {
		journeys.orderIn(Status.TAKEN);
		long total = api.get("agent", "/api/v1/work-orders?status=TAKEN&size=1").body().get("total").asLong();

		List<String> all = new ArrayList<>();
		for (int page = 0; page * 3 < total; page++) {
			all.addAll(numbers(api.get("agent", "/api/v1/work-orders?status=TAKEN&size=3&page=" + page)));
		}

		assertThat(all).hasSize((int) total).doesNotHaveDuplicates();
		assertThat(numbers(api.get("agent", "/api/v1/work-orders?status=TAKEN&size=3&page=" + (total / 3 + 1))))
			.isEmpty();
	}

	@Test
	void continuesAfterTheCursorOfThePreviousPageAsPageNumbersDo() {
		for (int i = 0; i < 5; i++) {
			journeys.orderIn(Status.NEW);
		}
		Response firstPage = api.get("agent", "/api/v1/work-orders?status=NEW&page=0&size=2");

		Response afterCursor = api.get("agent",
				"/api/v1/work-orders?status=NEW&size=2&after=" + firstPage.text("next"));

		assertThat(numbers(afterCursor))
			.containsExactlyElementsOf(numbers(api.get("agent", "/api/v1/work-orders?status=NEW&page=1&size=2")));
		assertThat(afterCursor.body().get("total").asLong()).isEqualTo(firstPage.body().get("total").asLong());
	}

	@Test
	void countsASmallTotalExactlyAndEndsWithoutACursor() {
		String only = journeys.northOrder();

		Response page = api.get("north-agent", "/api/v1/work-orders?projectCode=NORTH&size=100");

		assertThat(numbers(page)).contains(only);
		assertThat(page.body().get("totalIsEstimate").asBoolean()).isFalse();
		assertThat(page.body().get("total").asLong()).isEqualTo(page.body().get("items").size());
		assertThat(page.body().get("next").isNull()).isTrue();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "after=notacursor", "after=MTIz", "after=%3A%3A" })
	void refusesACursorItDidNotGiveOut(String query) {
		Response response = api.get("agent", "/api/v1/work-orders?" + query);

		assertThat(response.status()).as("%s", response.body()).isEqualTo(400);
		assertThat(response.isProblem()).isTrue();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "status=DONE", "status=NEW,DONE", "grade=L9", "page=-1", "size=0", "size=101" })
	void refusesAnUnknownOrOutOfRangeParameter(String query) {
		Response response = api.get("agent", "/api/v1/work-orders?" + query);

		assertThat(response.status()).as("%s", response.body()).isEqualTo(400);
		assertThat(response.isProblem()).isTrue();
	}

	private static List<String> numbers(List<JsonNode> items) {
		return items.stream().map(item -> item.get("number").asString()).toList();
	}

	private static List<String> numbers(Response page) {
		assertThat(page.status()).as("%s", page.body()).isEqualTo(200);
		return numbers(page.body().get("items").valueStream().toList());
	}

}

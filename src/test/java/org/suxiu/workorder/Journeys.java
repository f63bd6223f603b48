package org.suxiu.workorder;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.suxiu.Api;
import org.suxiu.Api.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Brings fresh orders of the demo project to a given status through the public API, so
 * that a test can start where its behaviour begins.
 */
final class Journeys {

	static final String OWNER = "13800000001";

	static final String OTHER_OWNER = "13800000002";

	static final String TECHNICIAN = "tech01";

	private final Api api;

	Journeys(Api api) {
		this.api = api;
	}

	/**
	 * A hotline call for owner 13800000001's home (grade L3), worked by tech01 up to
	 * {@code status}; CANCELLED is cancelled by the agent while NEW.
	 */
	String orderIn(Status status) {
		return orderIn(status, TECHNICIAN);
	}

	String orderIn(Status status, String technician) {
		String number = created(api.post("agent", "/api/v1/work-orders", Requests
			.with(Requests.hotline("PLUMBING", "厨房水龙头一直滴水", Requests.home("1", "1", "101")), "grade", "L3")));
		bring(number, status, technician);
		return number;
	}

	/**
	 * Owner 13800000001's own report from the app, worked by tech01 up to {@code status}.
	 */
	String ownerReportIn(Status status) {
		String number = created(api.post(OWNER, "/api/v1/work-orders", Requests.leakByOwnerApp()));
		bring(number, status, TECHNICIAN);
		return number;
	}

	/** A NORTH hotline call by north-agent for owner 13800000003, left NEW. */
	String northOrder() {
		Map<String, Object> body = Requests.hotline("PLUMBING", "地下车库水管漏水",
				Map.of("projectCode", "NORTH", "area", "地下车库"));
		body.put("reporter", Map.of("name", "韩梅", "phone", "13800000003"));
		return created(api.post("north-agent", "/api/v1/work-orders", body));
	}

	/** The number of a freshly created order, after checking it was created. */
	String created(Response response) {
		assertThat(response.status()).as("create: %s", response.body()).isEqualTo(201);
		return response.text("number");
	}

	Response act(String user, String number, String action, Map<String, Object> body) {
		return api.post(user, "/api/v1/work-orders/" + number + "/" + action, body);
	}

	Response get(String user, String number) {
		return api.get(user, "/api/v1/work-orders/" + number);
	}

	String statusOf(String number) {
		return get("agent", number).text("status");
	}

	/** The order numbers on one page of {@code query} as {@code user} sees it. */
	List<String> numbersListed(String user, String query) {
		return items(user, query).stream().map(item -> item.get("number").asString()).toList();
	}

	List<JsonNode> items(String user, String query) {
		Response page = api.get(user, "/api/v1/work-orders?" + query);
		assertThat(page.status()).as("list %s: %s", query, page.body()).isEqualTo(200);
		return page.body().get("items").valueStream().toList();
	}

	private void bring(String number, Status status, String technician) {
		for (Step step : stepsTo(status, technician)) {
			Response response = act(step.user(), number, step.action(), step.body());
			assertThat(response.status()).as("%s by %s: %s", step.action(), step.user(), response.body())
				.isEqualTo(200);
		}
	}

	private static List<Step> stepsTo(Status status, String technician) {
		Step dispatch = new Step("dispatcher", "dispatch", Map.of("technicianId", technician));
		Step take = new Step(technician, "take", Map.of());
		Step arrive = new Step(technician, "arrive", Map.of());
		Step start = new Step(technician, "start", Map.of());
		Step complete = new Step(technician, "complete", Map.of("resolution", "更换阀芯"));
		Step accept = new Step(OWNER, "accept", Map.of("rating", 5));
		return switch (status) {
			case NEW -> List.of();
			case DISPATCHED -> List.of(dispatch);
			case TAKEN -> List.of(dispatch, take);
			case ARRIVED -> List.of(dispatch, take, arrive);
			case IN_PROGRESS -> List.of(dispatch, take, arrive, start);
			case ON_HOLD ->
				List.of(dispatch, take, arrive, start, new Step(technician, "hold", Map.of("reason", "等配件")));
			case COMPLETED -> List.of(dispatch, take, arrive, start, complete);
			case ACCEPTED -> List.of(dispatch, take, arrive, start, complete, accept);
			case CLOSED -> List.of(dispatch, take, arrive, start, complete, accept,
					new Step("agent", "follow-up", Map.of("satisfied", true)));
			case CANCELLED -> List.of(new Step("agent", "cancel", Map.of("reason", "业主已自行修好")));
		};
	}

	private record Step(String user, String action, Map<String, Object> body) {
	}

}

package org.suxiu.charge;

import java.util.List;
import java.util.Map;

import org.suxiu.Api;
import org.suxiu.Api.Response;
import org.suxiu.workorder.Requests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fresh orders of the demo project with their technician on site, through the public API,
 * so that a charge test starts where its behaviour begins.
 */
final class OnSite {

	static final String OWNER = "13800000001";

	static final String TECHNICIAN = "tech01";

	private final Api api;

	OnSite(Api api) {
		this.api = api;
	}

	/** Owner 13800000001 reports a leak at home; tech01 takes it and arrives. */
	String leakAtHome() {
		return arrived(api.post(OWNER, "/api/v1/work-orders", Requests.leakByOwnerApp()));
	}

	/** A hotline call about the pump room (a common area); tech01 arrives. */
	String pumpRoom() {
		return arrived(api.post("agent", "/api/v1/work-orders",
				Requests.with(Requests.hotline("PLUMBING", "水泵房管道漏水", Requests.area("水泵房")), "grade", "L3")));
	}

	Response quote(String number, Object... codeAndQuantity) {
		List<Map<String, Object>> lines = new java.util.ArrayList<>();
		for (int i = 0; i < codeAndQuantity.length; i += 2) {
			lines.add(Map.of("itemCode", codeAndQuantity[i], "quantity", codeAndQuantity[i + 1]));
		}
		return api.post(TECHNICIAN, "/api/v1/work-orders/" + number + "/quote", Map.of("lines", lines));
	}

	Response act(String user, String number, String action, Map<String, ?> body) {
		return api.post(user, "/api/v1/work-orders/" + number + "/" + action, body);
	}

	String status(String number) {
		return api.get("agent", "/api/v1/work-orders/" + number).text("status");
	}

	private String arrived(Response created) {
		assertThat(created.status()).as("create: %s", created.body()).isEqualTo(201);
		String number = created.text("number");
		for (String step : List.of("dispatch", "take", "arrive")) {
			String user = step.equals("dispatch") ? "dispatcher" : TECHNICIAN;
			Map<String, Object> body = step.equals("dispatch") ? Map.of("technicianId", TECHNICIAN) : Map.of();
			Response response = act(user, number, step, body);
			assertThat(response.status()).as("%s: %s", step, response.body()).isEqualTo(200);
		}
		return number;
	}

}

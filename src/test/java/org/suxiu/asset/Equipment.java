package org.suxiu.asset;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;

import org.suxiu.Api;
import org.suxiu.Api.Response;

/**
 * Object mother for equipment in the demo project: each asset gets a name of its own,
 * since the test classes share one database.
 */
final class Equipment {

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private final Api api;

	Equipment(Api api) {
		this.api = api;
	}

	static String uniqueName(String stem) {
		return stem + "-" + System.nanoTime() % 1_000_000 + "-" + SEQUENCE.incrementAndGet();
	}

	static Map<String, Object> liftAt(String place, String name) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("projectCode", "DEMO");
		body.put("place", place);
		body.put("type", "LIFT");
		body.put("name", name);
		body.put("maker", "奥的斯");
		body.put("model", "GeN2");
		body.put("serial", "SN-" + name);
		body.put("installedOn", "2019-05-01");
		body.put("registrationCode", "31103301002019050001");
		body.put("contractor", "迅达维保");
		body.put("contractEnds", "2027-06-30");
		return body;
	}

	/** A lift registered at 1号楼1号电梯; answers its id. */
	long lift() {
		return register(liftAt("1号楼1号电梯", uniqueName("1号楼1号电梯")));
	}

	/** A water pump registered in the pump room; answers its id. */
	long pump() {
		Map<String, Object> body = liftAt("水泵房", uniqueName("生活水泵"));
		body.put("type", "WATER_PUMP");
		return register(body);
	}

	long register(Map<String, Object> body) {
		Response response = api.post("manager", "/api/v1/assets", body);
		if (response.status() != 201) {
			throw new IllegalStateException("cannot register: " + response.body());
		}
		return response.body().get("id").asLong();
	}

	/** A device on the asset: its id and key. */
	JsonNode device(long assetId) {
		Response response = api.post("manager", "/api/v1/devices", Map.of("assetId", assetId, "name", "传感器"));
		if (response.status() != 201) {
			throw new IllegalStateException("cannot register a device: " + response.body());
		}
		return response.body();
	}

}

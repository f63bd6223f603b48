package org.suxiu.workorder;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Object mother for request bodies of the work-order API, in the demo project DEMO.
 */
public final class Requests {

	private Requests() {
	}

	/** An agent's hotline call: two people trapped in lift 1 of building 1. */
	public static Map<String, Object> liftTrappedByHotline() {
		return hotline("ELEVATOR", "1号楼1号电梯困人，两人被困", area("1号楼1号电梯"));
	}

	/** An agent's hotline call about a dripping tap in 2-1-502 (an L3). */
	public static Map<String, Object> drippingTapByHotline() {
		return hotline("PLUMBING", "厨房水龙头一直滴水", home("2", "1", "502"));
	}

	/** Owner 13800000001 reports a leak from the app, for their own home by default. */
	public static Map<String, Object> leakByOwnerApp() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("channel", "APP");
		body.put("category", "PLUMBING");
		body.put("description", "卫生间天花板往下滴水，楼上漏水");
		return body;
	}

	public static Map<String, Object> hotline(String category, String description, Map<String, Object> location) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("channel", "HOTLINE");
		body.put("reporter", Map.of("name", "张伟", "phone", "13800000001"));
		body.put("location", location);
		body.put("category", category);
		body.put("description", description);
		return body;
	}

	public static Map<String, Object> home(String building, String unit, String room) {
		return Map.of("projectCode", "DEMO", "building", building, "unit", unit, "room", room);
	}

	public static Map<String, Object> area(String name) {
		return Map.of("projectCode", "DEMO", "area", name);
	}

	public static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
		Map<String, Object> copy = new LinkedHashMap<>(body);
		copy.put(key, value);
		return copy;
	}

	public static Map<String, Object> without(Map<String, Object> body, String key) {
		Map<String, Object> copy = new LinkedHashMap<>(body);
		copy.remove(key);
		return copy;
	}

}

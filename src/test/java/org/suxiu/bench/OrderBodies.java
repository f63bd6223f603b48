package org.suxiu.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import tools.jackson.databind.json.JsonMapper;

import org.suxiu.shared.Category;
import org.suxiu.shared.Grade;
import org.suxiu.triage.Triage;

/**
 * Ready-made hotline intake bodies for project DEMO: real reporter wording from the
 * triage corpora, spread over every home and common area, rendered to JSON before the
 * load starts.
 */
final class OrderBodies {

	/** The labelled descriptions: the shipped training part and the held-out part. */
	private static final String[] CORPORA = { "/triage/exemplars.jsonl", "/triage/holdout.jsonl" };

	private static final List<String> PLAIN_AREAS = List.of("地下车库", "水泵房", "配电房", "小区大门", "中心花园", "会所");

	private static final String[] SURNAMES = { "张", "王", "李", "赵", "陈", "刘", "杨", "黄" };

	/**
	 * {@code -Dbench.newDescriptions=true}: each description carries its caller's place,
	 * so nearly every create is text the grader has not seen (an owner's own words are
	 * new each time); by default the corpus's 2,683 texts repeat, each graded once while
	 * the bodies are rendered, and the sentence model's cache of 4,096 vectors holds them
	 * all, so no create runs the model.
	 */
	private static final boolean NEW_DESCRIPTIONS = Boolean.getBoolean("bench.newDescriptions");

	private final List<String> bodies;

	private OrderBodies(List<String> bodies) {
		this.bodies = bodies;
	}

	/**
	 * Renders {@code count} bodies; descriptions the rules grade L4 are left out, since
	 * planned work needs an appointment and would only measure a 422.
	 */
	static OrderBodies render(int count, Triage triage, long tenantId, JsonMapper json) {
		List<Description> descriptions = corpus().stream()
			.filter(d -> triage.grade(tenantId, d.category(), d.text()).grade() != Grade.L4)
			.toList();
		Random random = new Random(42);
		List<String> bodies = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			Description description = descriptions.get(random.nextInt(descriptions.size()));
			bodies.add(json.writeValueAsString(body(description, random)));
		}
		return new OrderBodies(bodies);
	}

	String get(int index) {
		return this.bodies.get(Math.floorMod(index, this.bodies.size()));
	}

	private static Map<String, Object> body(Description description, Random random) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("channel", "HOTLINE");
		// One in eight callers is the registered owner 13800000001, so the owner lookup
		// hits as well as misses.
		String phone = (random.nextInt(8) == 0) ? "13800000001" : String.format("139%08d", random.nextInt(100_000_000));
		body.put("reporter", Map.of("name", SURNAMES[random.nextInt(SURNAMES.length)] + "先生", "phone", phone));
		Map<String, Object> location = location(description.category(), random);
		body.put("location", location);
		body.put("category", description.category().name());
		body.put("description",
				NEW_DESCRIPTIONS ? description.text() + "（" + place(location) + "）" : description.text());
		return body;
	}

	private static Map<String, Object> location(Category category, Random random) {
		if (category == Category.ELEVATOR) {
			return area((1 + random.nextInt(6)) + "号楼" + (1 + random.nextInt(2)) + "号电梯");
		}
		if (category == Category.PUBLIC_FACILITY || category == Category.FIRE) {
			return area(PLAIN_AREAS.get(random.nextInt(PLAIN_AREAS.size())));
		}
		String room = String.format("%d%02d", 1 + random.nextInt(18), 1 + random.nextInt(2));
		return Map.of("projectCode", "DEMO", "building", String.valueOf(1 + random.nextInt(6)), "unit",
				String.valueOf(1 + random.nextInt(2)), "room", room);
	}

	/** Where, in the words a caller would add: 3栋2单元1201, or the common area's name. */
	private static String place(Map<String, Object> location) {
		Object area = location.get("area");
		return area != null ? area.toString()
				: location.get("building") + "栋" + location.get("unit") + "单元" + location.get("room");
	}

	private static Map<String, Object> area(String name) {
		return Map.of("projectCode", "DEMO", "area", name);
	}

	private static List<Description> corpus() {
		List<Description> descriptions = new ArrayList<>();
		for (String resource : CORPORA) {
			try (InputStream in = OrderBodies.class.getResourceAsStream(resource)) {
				if (in == null) {
					continue;
				}
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
				JsonMapper json = JsonMapper.builder().build();
				reader.lines()
					.filter(line -> !line.isBlank())
					.map(line -> json.readValue(line, Map.class))
					// the same mix of texts from one session to the next: the lines added
					// from the probes of 2026-12-06 (emergency-heavy, hard on purpose)
					// would change what a create costs, not how fast it is
					.filter(row -> !String.valueOf(row.get("style")).startsWith("probe-"))
					.forEach(row -> descriptions.add(new Description(Category.valueOf((String) row.get("category")),
							((String) row.get("text")).trim())));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		if (descriptions.isEmpty()) {
			descriptions.add(new Description(Category.PLUMBING, "厨房水龙头一直滴水"));
		}
		return descriptions;
	}

	private record Description(Category category, String text) {
	}

}

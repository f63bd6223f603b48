package org.suxiu.live;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;
import org.suxiu.shared.PhoneNumber;
import org.suxiu.shared.SuxiuProperties;

/**
 * Writes a feed row as the JSON one viewer receives: {@code {"type","number","at",...}},
 * with phone numbers of project events masked for roles that do not need them.
 */
@Component
class EventRenderer {

	private static final String PHONE = "phone";

	private final JsonMapper json;

	private final ZoneId zone;

	EventRenderer(JsonMapper json, SuxiuProperties properties) {
		this.json = json;
		this.zone = properties.zone();
	}

	String render(LiveEventStore.StoredEvent event, Viewer viewer) {
		ObjectNode node = json.createObjectNode();
		node.put("type", event.type());
		node.put("number", event.number());
		node.put("at", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(event.at().atZone(zone).toOffsetDateTime()));
		JsonNode payload = json.readTree(event.payload());
		if (payload instanceof ObjectNode fields) {
			fields.remove(List.of("type", "number", "at"));
			if (event.forProject() && !viewer.seesFullPhones()) {
				maskPhones(fields);
			}
			node.setAll(fields);
		}
		return json.writeValueAsString(node);
	}

	private static void maskPhones(JsonNode node) {
		if (node instanceof ObjectNode object) {
			for (String name : List.copyOf(object.propertyNames())) {
				JsonNode value = object.get(name);
				if (PHONE.equals(name) && value.isString()) {
					object.put(name, PhoneNumber.mask(value.asString()));
				}
				else {
					maskPhones(value);
				}
			}
		}
		else if (node.isArray()) {
			node.forEach(EventRenderer::maskPhones);
		}
	}

}

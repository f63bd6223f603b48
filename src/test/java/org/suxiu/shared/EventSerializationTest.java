package org.suxiu.shared;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.modulith.events.core.EventSerializer;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Events are stored as the application's mapper writes them and read back whole. */
class EventSerializationTest {

	record Happened(String number, long tenantId, Grade grade, Instant at) {
	}

	@Test
	void writesWithTheApplicationsMapperAndReadsBack() {
		JsonMapper mapper = JsonMapper.builder().build();
		EventSerializer serializer = new EventSerialization().eventSerializer(
				new StaticListableBeanFactory(Map.of("jsonMapper", mapper)).getBeanProvider(JsonMapper.class),
				new StaticApplicationContext());
		Happened event = new Happened("BX20261205000001", 7, Grade.L1, Instant.parse("2026-12-05T08:00:00Z"));

		Object stored = serializer.serialize(event);

		assertThat(stored).isEqualTo(mapper.writeValueAsString(event));
		assertThat(serializer.deserialize(stored, Happened.class)).isEqualTo(event);
		assertThat(serializer.serialize(event)).isEqualTo(stored);
	}

}

package org.suxiu.shared;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.core.EventSerializer;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serialises events for Modulith's publication registry as Modulith's own Jackson
 * serializer does — the application's {@link JsonMapper}, or Modulith's default mapper
 * without one — but looks the mapper up once: Modulith's asked the bean factory for it on
 * every event, which was more than half of storing a create's publication in JFR (issue
 * 19). The same JSON either way, so rows stored by either are read by both.
 */
@Configuration(proxyBeanMethods = false)
class EventSerialization {

	@Bean
	EventSerializer eventSerializer(ObjectProvider<JsonMapper> mapper, ApplicationContext context) {
		return new OnceResolved(mapper, context);
	}

	private static final class OnceResolved implements EventSerializer {

		private final ObjectProvider<JsonMapper> provider;

		private final ApplicationContext context;

		private volatile JsonMapper mapper;

		OnceResolved(ObjectProvider<JsonMapper> provider, ApplicationContext context) {
			this.provider = provider;
			this.context = context;
		}

		@Override
		public Object serialize(Object event) {
			return mapper().writeValueAsString(event);
		}

		@Override
		public <T> T deserialize(Object serialized, Class<T> type) {
			return mapper().readerFor(type).readValue(serialized.toString());
		}

		private JsonMapper mapper() {
			JsonMapper resolved = mapper;
			if (resolved == null) {
				resolved = provider.getIfAvailable(() -> JsonMapper.builder()
					.disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
					.addModules(context.getBeansOfType(JacksonModule.class).values())
					.build());
				mapper = resolved;
			}
			return resolved;
		}

	}

}

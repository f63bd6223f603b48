package org.suxiu.operations;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.modulith.events.support.DelegatingEventExternalizer;
import org.suxiu.shared.FailedPublications;

/**
 * The public events on Kafka through Spring Modulith's externalization, when
 * {@code spring.modulith.events.externalization.enabled} is true (off by default): one
 * topic, keyed by order number so that each order's events stay in one partition in
 * order, each message a {@link PublicEvent}. The externalizer is a listener of the event
 * publication registry like any other: a send that fails (broker away) leaves its
 * publication incomplete and the locked resubmission job sends it again. The charge
 * module's proposed quote stays inside: it carries the owner's one-time consent link.
 * <p>
 * The externalizer is this class's, not Spring Modulith's Kafka auto-configuration (which
 * is excluded in {@code application.yml}): the same send, but an event goes only after
 * the earlier events of its order ({@link OrderedExternalization}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.modulith.events.externalization.enabled", havingValue = "true")
class KafkaEvents {

	static final String TYPE_HEADER = "suxiu_event_type";

	static final String ID_HEADER = "suxiu_event_id";

	@Bean
	EventExternalizationConfiguration publicEventsOnKafka(
			@Value("${suxiu.events.kafka.topic:suxiu.work-orders}") String topic) {
		return EventExternalizationConfiguration.externalizing()
			.select(PublicEvent::isPublic)
			.mapping(PublicEvent::from)
			.headers(event -> {
				PublicEvent message = PublicEvent.from(event);
				return Map.of(ID_HEADER, message.eventId(), TYPE_HEADER, message.type(), "suxiu_schema_version",
						Integer.toString(PublicEvent.SCHEMA_VERSION));
			})
			.routeAll(event -> RoutingTarget.forTarget(topic).andKey(PublicEvent.from(event).orderNumber()))
			// One send in flight at a time: the externalizer runs on the async listener
			// pool, and
			// an order's "created" and "dispatched", committed a few milliseconds apart,
			// could
			// otherwise be handed to the producer in the wrong order.
			.serializeExternalization(true)
			.build();
	}

	@Bean
	OrderedExternalization orderedExternalization(JdbcClient jdbc, Clock clock, FailedPublications failedPublications,
			@Value("${suxiu.events.kafka.hold:PT24H}") Duration hold) {
		return new OrderedExternalization(jdbc, clock, failedPublications, hold);
	}

	/**
	 * Sends the mapped {@link PublicEvent} with its headers and key to the topic, unless
	 * an earlier event of its order is still waiting; its row in the send order goes once
	 * Kafka acknowledged it.
	 */
	@Bean
	DelegatingEventExternalizer kafkaEventExternalizer(EventExternalizationConfiguration configuration,
			KafkaOperations<Object, Object> operations, OrderedExternalization order) {
		return new DelegatingEventExternalizer(configuration, (target, payload) -> {
			PublicEvent message = (PublicEvent) payload;
			if (!order.mayGo(message)) {
				return OrderedExternalization.heldBack(message);
			}
			var record = MessageBuilder.withPayload(payload)
				.copyHeaders(configuration.getHeadersFor(payload))
				.setHeader(KafkaHeaders.KEY, message.orderNumber())
				.setHeader(KafkaHeaders.TOPIC, target.getTarget())
				.build();
			CompletableFuture<?> sent = operations.send(record);
			return sent.thenApplyAsync(result -> {
				order.sent(message);
				return result;
			}, order.acknowledgements());
		});
	}

}

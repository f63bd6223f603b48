package org.suxiu.operations;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.suxiu.ApiTest;
import org.suxiu.SuxiuApplication;
import org.suxiu.shared.FailedPublications;
import org.suxiu.workorder.Requests;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The public events reach a real in-process Kafka broker: every one at least once, in
 * order per order, each with an id to de-duplicate on; a broker outage delays them and
 * the resubmission job sends them when it is back. The charges' events arrive the same
 * way, and the proposed quote with its consent link does not.
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = SuxiuApplication.class,
		properties = { "suxiu.sla.poller.enabled=false", "suxiu.dispatch.max-open-jobs=1000",
				"suxiu.events.resubmit.enabled=false", "spring.modulith.events.externalization.enabled=true",
				// fail fast while the broker is away, so that the test need not wait out
				// Kafka's two-minute delivery timeout
				"spring.kafka.producer.properties.delivery.timeout.ms=9000",
				"spring.kafka.producer.properties.request.timeout.ms=4000",
				"spring.kafka.producer.properties.max.block.ms=4000" })
class KafkaEventsTest extends ApiTest {

	private static final String TOPIC = "suxiu.work-orders";

	private static final Path DATA_DIR = temporaryDataDirectory("suxiu-kafka-");

	private static final EmbeddedKafkaKraftBroker broker = startBroker();

	@Autowired
	FailedPublications failedPublications;

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void kafka(DynamicPropertyRegistry registry) {
		registry.add("suxiu.data-dir", DATA_DIR::toString);
		registry.add("spring.kafka.bootstrap-servers", broker::getBrokersAsString);
	}

	@AfterAll
	static void stopBroker() {
		broker.destroy();
	}

	@Test
	@org.junit.jupiter.api.Order(1)
	void everyEventArrivesInOrderPerOrderWithAnIdToDropCopiesBy() {
		String first = walkToClosed();
		String second = createAndDispatch();

		List<ConsumerRecord<String, String>> records = consumeUntil(r -> count(r, first) >= 4 && count(r, second) >= 2);

		assertThat(types(records, first)).containsExactly("order.created", "order.dispatched", "order.completed",
				"order.closed");
		assertThat(types(records, second)).containsExactly("order.created", "order.dispatched");
		for (ConsumerRecord<String, String> record : of(records, first)) {
			JsonNode message = json.readTree(record.value());
			assertThat(record.key()).isEqualTo(first);
			assertThat(message.get("orderNumber").asString()).isEqualTo(first);
			assertThat(header(record, KafkaEvents.ID_HEADER)).isEqualTo(message.get("eventId").asString());
			assertThat(message.get("occurredAt").asString()).isNotBlank();
			matchesItsSchema(message);
		}
		assertThat(of(records, first).stream().map(r -> json.readTree(r.value()).get("eventId").asString()))
			.doesNotHaveDuplicates();
		assertThat(json.readTree(of(records, first).get(0).value()).get("data").get("grade").asString())
			.isEqualTo("L3");
	}

	/**
	 * Kafka refuses the events for a while: the topic is gone (spring-kafka-test's KRaft
	 * broker cannot restart on the same port, so the outage is the broker answering that
	 * the topic does not exist, which fails the sends the same way). The publications
	 * stay incomplete; once the topic is back the resubmission job sends them, in order.
	 */
	@Test
	@org.junit.jupiter.api.Order(3)
	void whileKafkaRefusesTheEventsTheyWaitAndNoneIsLost() {
		broker.doWithAdmin(admin -> await().atMost(Duration.ofSeconds(60)).until(() -> {
			admin.deleteTopics(List.of(TOPIC));
			return !admin.listTopics().names().get().contains(TOPIC);
		}));

		String during = createAndDispatch();
		await().atMost(Duration.ofSeconds(120))
			.until(() -> jdbc
				.sql("SELECT count(*) FROM event_publication WHERE status = 'FAILED'"
						+ " AND listener_id LIKE '%Externalizer%' AND serialized_event LIKE ?")
				.param("%" + during + "%")
				.query(Long.class)
				.single() >= 2);
		broker.doWithAdmin(admin -> await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
			admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get();
			return true;
		}));

		// the job runs every 30 s in production; here it is called while the consumer
		// waits
		List<ConsumerRecord<String, String>> records = consumeUntil(r -> {
			resubmit();
			return count(r, during) >= 2;
		});
		assertThat(types(records, during)).containsExactly("order.created", "order.dispatched");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> jdbc
				.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL"
						+ " AND listener_id LIKE '%Externalizer%' AND serialized_event LIKE ?")
				.param("%" + during + "%")
				.query(Long.class)
				.single() == 0);
	}

	/**
	 * An event published once the broker is back waits for the older events of its order
	 * that still wait for resubmission: the order is created and dispatched while Kafka
	 * refuses them, then completed after it returns; "completed" is held back until
	 * "created" and "dispatched" are through, and the send-order rows are gone after.
	 */
	@Test
	@org.junit.jupiter.api.Order(4)
	void anEventAfterTheOutageWaitsForTheOlderOnesOfItsOrder() {
		broker.doWithAdmin(admin -> await().atMost(Duration.ofSeconds(60)).until(() -> {
			admin.deleteTopics(List.of(TOPIC));
			return !admin.listTopics().names().get().contains(TOPIC);
		}));
		String number = createAndDispatch();
		await().atMost(Duration.ofSeconds(120))
			.until(() -> jdbc
				.sql("SELECT count(*) FROM event_publication WHERE status = 'FAILED'"
						+ " AND listener_id LIKE '%Externalizer%' AND serialized_event LIKE ?")
				.param("%" + number + "%")
				.query(Long.class)
				.single() >= 2);
		broker.doWithAdmin(admin -> await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
			admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get();
			return true;
		}));

		for (String action : List.of("take", "arrive", "start")) {
			assertThat(api.post("tech01", path(number, action), Map.of()).status()).as(action).isEqualTo(200);
		}
		assertThat(api.post("tech01", path(number, "complete"), Map.of("resolution", "换了阀芯")).status()).isEqualTo(200);
		// "completed" is held back, not sent ahead of the two waiting events
		await().atMost(Duration.ofSeconds(30))
			.until(() -> jdbc
				.sql("SELECT count(*) FROM event_publication WHERE status = 'FAILED'"
						+ " AND listener_id LIKE '%Externalizer%' AND serialized_event LIKE ?")
				.param("%" + number + "%")
				.query(Long.class)
				.single() >= 3);

		List<ConsumerRecord<String, String>> records = consumeUntil(r -> {
			resubmit();
			return count(r, number) >= 3;
		});
		assertThat(types(records, number)).containsExactly("order.created", "order.dispatched", "order.completed");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> jdbc.sql("SELECT count(*) FROM kafka_send_order WHERE record_key = ?")
				.param(number)
				.query(Long.class)
				.single() == 0);
	}

	/**
	 * The charges' events arrive keyed by their order: a quote approved and then paid,
	 * and a quote refused. The proposed quote does not: its consent link is a secret.
	 */
	@Test
	@org.junit.jupiter.api.Order(2)
	void theChargeEventsArriveUnderTheirOrderAndNoConsentLinkLeaves() {
		String paid = onSite();
		assertThat(quote(paid, "LAB-REPAIR", 1).status()).isEqualTo(201);
		assertThat(api.post(OWNER, path(paid, "quote/approve"), Map.of()).status()).isEqualTo(200);
		var payment = api.post("agent", "/api/v1/work-orders/" + paid + "/payments",
				Map.of("amountFen", 2000, "method", "CASH"));
		assertThat(payment.status()).as(payment.body().toString()).isEqualTo(201);
		String refused = onSite();
		assertThat(quote(refused, "TAP", 1).status()).isEqualTo(201);
		assertThat(api.post(OWNER, path(refused, "quote/refuse"), Map.of("reason", "太贵了，自己买龙头，回电13912345678")).status())
			.isEqualTo(200);

		List<ConsumerRecord<String, String>> records = consumeUntil(
				r -> chargeTypes(r, paid).size() >= 2 && chargeTypes(r, refused).size() >= 1);

		assertThat(chargeTypes(records, paid)).containsExactly("quote.approved", "payment.recorded");
		assertThat(chargeTypes(records, refused)).containsExactly("quote.refused");
		for (ConsumerRecord<String, String> record : records) {
			JsonNode message = json.readTree(record.value());
			assertThat(message.get("type").asString()).isNotEqualTo("quote.proposed");
			assertThat(record.value()).doesNotContainIgnoringCase("consent");
			if (paid.equals(record.key()) || refused.equals(record.key())) {
				assertThat(message.get("orderNumber").asString()).isEqualTo(record.key());
				assertThat(header(record, KafkaEvents.ID_HEADER)).isEqualTo(message.get("eventId").asString());
				matchesItsSchema(message);
			}
		}
		JsonNode approved = message(records, paid, "quote.approved").get("data");
		assertThat(approved.get("approvedFen").asLong()).isPositive();
		assertThat(approved.get("how").asString()).isEqualTo("SIGNED_IN");
		JsonNode recorded = message(records, paid, "payment.recorded").get("data");
		assertThat(recorded.get("amountFen").asLong()).isEqualTo(2000);
		assertThat(recorded.get("method").asString()).isEqualTo("CASH");
		assertThat(recorded.get("outstandingFen").asLong()).isEqualTo(approved.get("approvedFen").asLong() - 2000);
		JsonNode refusal = message(records, refused, "quote.refused").get("data");
		assertThat(refusal.get("reason").asString()).isEqualTo("太贵了，自己买龙头，回电139****5678");
		assertThat(refusal.get("calloutFen").asLong()).isNotNegative();
	}

	/**
	 * A complaint's opening and closing arrive under its order, with what a KPI needs and
	 * no phone number.
	 */
	@Test
	@org.junit.jupiter.api.Order(3)
	void complaintEventsArriveUnderTheirOrderWithoutPhoneNumbers() {
		String number = onSite();
		var opened = api.post(OWNER, "/api/v1/complaints",
				Map.of("number", number, "description", "师傅态度差，回电13912345678"));
		assertThat(opened.status()).as(opened.body().toString()).isEqualTo(201);
		long id = opened.body().get("id").asLong();
		api.post("supervisor", "/api/v1/complaints/" + id + "/resolve", Map.of("resolution", "已道歉"));
		assertThat(api.post(OWNER, "/api/v1/complaints/" + id + "/close", Map.of()).status()).isEqualTo(200);

		List<ConsumerRecord<String, String>> records = consumeUntil(r -> complaintTypes(r, number).size() >= 2);

		assertThat(complaintTypes(records, number)).containsExactly("complaint.opened", "complaint.closed");
		for (ConsumerRecord<String, String> record : of(records, number)) {
			JsonNode message = json.readTree(record.value());
			assertThat(record.value()).doesNotContain("13912345678", "13800000001", "师傅态度差");
			if (message.get("type").asString().startsWith("complaint.")) {
				matchesItsSchema(message);
			}
		}
		JsonNode closed = message(records, number, "complaint.closed").get("data");
		assertThat(closed.get("complaintId").asLong()).isEqualTo(id);
		assertThat(closed.get("how").asString()).isEqualTo("OWNER_CONFIRMED");
		assertThat(closed.get("technicianId").asLong()).isPositive();
		assertThat(closed.get("category").asString()).isEqualTo("PLUMBING");
		assertThat(closed.get("resolvedInTime").asBoolean()).isTrue();
	}

	/**
	 * A device alarm's order arrives as created, then alarm.raised under the same key,
	 * matching its schema.
	 */
	@Test
	@org.junit.jupiter.api.Order(2)
	void aDeviceAlarmArrivesUnderTheOrderItOpened() throws Exception {
		Map<String, Object> lift = new java.util.LinkedHashMap<>();
		lift.put("projectCode", "DEMO");
		lift.put("place", "1号楼1号电梯");
		lift.put("type", "LIFT");
		lift.put("name", "1号楼1号电梯-kafka-" + System.nanoTime() % 1_000_000);
		var asset = api.post("manager", "/api/v1/assets", lift);
		assertThat(asset.status()).as(asset.body().toString()).isEqualTo(201);
		var device = api.post("manager", "/api/v1/devices",
				Map.of("assetId", asset.body().get("id").asLong(), "name", "困人传感器"));
		assertThat(device.status()).as(device.body().toString()).isEqualTo(201);
		var alarm = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest
				.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/v1/devices/"
						+ device.body().get("deviceId").asString() + "/alarms"))
				.header("Content-Type", "application/json")
				.header("X-Device-Key", device.body().get("deviceKey").asString())
				.POST(java.net.http.HttpRequest.BodyPublishers
					.ofString("{\"type\":\"LIFT_ENTRAPMENT\",\"severity\":\"CRITICAL\",\"value\":1}"))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(alarm.statusCode()).as(alarm.body()).isEqualTo(202);
		String number = json.readTree(alarm.body()).get("number").asString();

		List<ConsumerRecord<String, String>> records = consumeUntil(r -> types(r, number).contains("alarm.raised"));

		assertThat(types(records, number)).containsSubsequence("order.created", "alarm.raised");
		JsonNode raised = message(records, number, "alarm.raised");
		matchesItsSchema(raised);
		assertThat(raised.get("data").get("alarmType").asString()).isEqualTo("LIFT_ENTRAPMENT");
		assertThat(raised.get("data").get("assetId").asLong()).isEqualTo(asset.body().get("id").asLong());
		api.post("dispatcher", path(number, "cancel"), Map.of("reason", "测试结束"));
	}

	private List<String> complaintTypes(List<ConsumerRecord<String, String>> records, String number) {
		return types(records, number).stream().filter(t -> t.startsWith("complaint.")).toList();
	}

	private static final String OWNER = "13800000001";

	/** The owner reports a leak at home; tech01 is dispatched, takes it and arrives. */
	private String onSite() {
		var created = api.post(OWNER, "/api/v1/work-orders", Requests.leakByOwnerApp(), "Idempotency-Key",
				UUID.randomUUID().toString());
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		String number = created.text("number");
		assertThat(api.post("dispatcher", path(number, "dispatch"), Map.of("technicianId", "tech01")).status())
			.isEqualTo(200);
		for (String action : List.of("take", "arrive")) {
			assertThat(api.post("tech01", path(number, action), Map.of()).status()).as(action).isEqualTo(200);
		}
		return number;
	}

	private org.suxiu.Api.Response quote(String number, String itemCode, int quantity) {
		return api.post("tech01", path(number, "quote"),
				Map.of("lines", List.of(Map.of("itemCode", itemCode, "quantity", quantity))));
	}

	/** An order's charge event types in arrival order, copies dropped by event id. */
	private List<String> chargeTypes(List<ConsumerRecord<String, String>> records, String number) {
		return types(records, number).stream().filter(t -> t.startsWith("quote.") || t.startsWith("payment.")).toList();
	}

	private JsonNode message(List<ConsumerRecord<String, String>> records, String number, String type) {
		return of(records, number).stream()
			.map(r -> json.readTree(r.value()))
			.filter(m -> type.equals(m.get("type").asString()))
			.findFirst()
			.orElseThrow();
	}

	/** Every field the type's schema in docs/events requires is there, and no other. */
	private void matchesItsSchema(JsonNode message) {
		JsonNode schema = json
			.readTree(Path.of("docs/events", message.get("type").asString() + ".schema.json").toFile());
		var names = new java.util.TreeSet<String>();
		message.propertyNames().forEach(names::add);
		var declared = new java.util.TreeSet<String>();
		schema.get("properties").propertyNames().forEach(declared::add);
		assertThat(names).isEqualTo(declared);
		schema.get("required").forEach(field -> assertThat(message.has(field.asString())).isTrue());
		JsonNode data = schema.get("properties").get("data");
		var dataNames = new java.util.TreeSet<String>();
		message.get("data").propertyNames().forEach(dataNames::add);
		var dataDeclared = new java.util.TreeSet<String>();
		data.get("properties").propertyNames().forEach(dataDeclared::add);
		assertThat(dataNames).isEqualTo(dataDeclared);
	}

	private void resubmit() {
		try {
			failedPublications.resubmit();
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String walkToClosed() {
		String number = createAndDispatch();
		for (String action : List.of("take", "arrive", "start")) {
			assertThat(api.post("tech01", path(number, action), Map.of()).status()).as(action).isEqualTo(200);
		}
		assertThat(api.post("tech01", path(number, "complete"), Map.of("resolution", "换了阀芯")).status()).isEqualTo(200);
		assertThat(api.post("agent", path(number, "accept"), Map.of("rating", 5)).status()).isEqualTo(200);
		assertThat(api.post("agent", path(number, "follow-up"), Map.of("satisfied", true)).status()).isEqualTo(200);
		return number;
	}

	private String createAndDispatch() {
		var created = api.post("agent", "/api/v1/work-orders", Requests.drippingTapByHotline(), "Idempotency-Key",
				UUID.randomUUID().toString());
		assertThat(created.status()).isEqualTo(201);
		String number = created.text("number");
		assertThat(api.post("dispatcher", path(number, "dispatch"), Map.of("technicianId", "tech01")).status())
			.isEqualTo(200);
		return number;
	}

	private static String path(String number, String action) {
		return "/api/v1/work-orders/" + number + "/" + action;
	}

	/** Reads the topic from the start until {@code enough} holds. */
	private static List<ConsumerRecord<String, String>> consumeUntil(
			java.util.function.Predicate<List<ConsumerRecord<String, String>>> enough) {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		List<ConsumerRecord<String, String>> records = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
				new StringDeserializer())) {
			consumer.subscribe(List.of(TOPIC));
			await().atMost(Duration.ofSeconds(120)).until(() -> {
				consumer.poll(Duration.ofMillis(500)).forEach(records::add);
				return enough.test(records);
			});
		}
		return records;
	}

	private static List<ConsumerRecord<String, String>> of(List<ConsumerRecord<String, String>> records,
			String number) {
		return records.stream().filter(r -> number.equals(r.key())).toList();
	}

	private static long count(List<ConsumerRecord<String, String>> records, String number) {
		return of(records, number).size();
	}

	/** The types of an order's events in arrival order, copies dropped by event id. */
	private List<String> types(List<ConsumerRecord<String, String>> records, String number) {
		var seen = new HashSet<String>();
		return of(records, number).stream()
			.map(r -> json.readTree(r.value()))
			.filter(m -> seen.add(m.get("eventId").asString()))
			.map(m -> m.get("type").asString())
			.toList();
	}

	private static String header(ConsumerRecord<String, String> record, String name) {
		var header = record.headers().lastHeader(name);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

	private static EmbeddedKafkaKraftBroker startBroker() {
		EmbeddedKafkaKraftBroker started = new EmbeddedKafkaKraftBroker(1, 3);
		// a missing topic is an error, not created on the first send
		started.brokerProperty("auto.create.topics.enable", "false");
		started.afterPropertiesSet();
		started.addTopics(new NewTopic(TOPIC, 3, (short) 1));
		return started;
	}

}

package org.suxiu;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import io.moquette.broker.security.PermitAllAuthorizatorPolicy;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Prevention on two application instances over one database, as in production: a monthly
 * lift plan's work raised once when both generate at the same moment, and device alarms
 * from an MQTT broker (embedded Moquette, with an account) that both instances subscribe
 * to — each message reaches both, and still one alarm opens one order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PreventionClusterTest {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final String SECRET = "a-signing-secret-shared-by-both-instances-0123456789";

	private static final String BROKER_USER = "suxiu";

	private static final String BROKER_PASSWORD = "broker-password-for-tests";

	private static final String LIFT_ENTRAPMENT = "{\"type\":\"LIFT_ENTRAPMENT\",\"severity\":\"CRITICAL\",\"value\":1}";

	@TempDir
	static Path dataDirA;

	@TempDir
	static Path dataDirB;

	@TempDir
	static Path brokerDir;

	private int brokerPort;

	private Server broker;

	private ConfigurableApplicationContext a;

	private ConfigurableApplicationContext b;

	private Api apiA;

	private Api apiB;

	private JsonMapper json;

	@BeforeAll
	void startBrokerAndTwoInstances() throws Exception {
		try (ServerSocket free = new ServerSocket(0)) {
			brokerPort = free.getLocalPort();
		}
		startBroker();
		a = start(Map.of("suxiu.data-dir", dataDirA.toString(), "suxiu.alarms.mqtt.client-id", "suxiu-a"));
		EmbeddedPostgres database = a.getBean(EmbeddedPostgres.class);
		b = start(Map.of("suxiu.data-dir", dataDirB.toString(), "suxiu.alarms.mqtt.client-id", "suxiu-b",
				"spring.datasource.url", database.getJdbcUrl("postgres", "postgres"), "spring.datasource.username",
				"postgres"));
		assertThat(b.containsBean("embeddedPostgres")).isFalse();
		json = a.getBean(JsonMapper.class);
		apiA = api(a);
		apiB = api(b);
		await().atMost(Duration.ofSeconds(60)).until(() -> connected(a) && connected(b));
	}

	@AfterAll
	void stopAll() {
		if (b != null) {
			b.close();
		}
		if (a != null) {
			a.close();
		}
		if (broker != null) {
			broker.stopServer();
		}
	}

	@Test
	void aMonthlyLiftPlanRaisesItsOrderOnceWhenTwoInstancesGenerateTogether() throws Exception {
		long lift = asset("LIFT", "计划电梯");
		long plan = apiA.post("manager", "/api/v1/maintenance-plans",
				Map.of("assetId", lift, "name", "电梯月度保养", "every", 1, "unit", "MONTHS", "startsOn",
						LocalDate.now(ZONE).plusDays(1).toString(), "leadDays", 10, "checklist",
						List.of("检查曳引机和制动器", "检查门锁回路")))
			.body()
			.get("id")
			.asLong();

		int[] raised = new int[2];
		for (int round = 0; round < 3; round++) {
			int[] now = together(() -> generate(a), () -> generate(b));
			raised[0] += now[0];
			raised[1] += now[1];
		}

		JsonNode work = apiB.get("manager", "/api/v1/maintenance-plans/" + plan).body().get("work");
		assertThat(work).hasSize(1);
		assertThat(raised[0] + raised[1]).isEqualTo(1);
		assertThat(apiA.get("manager", "/api/v1/assets/" + lift).body().get("orders")).hasSize(1);
		long planOrders = jdbc().sql("SELECT count(*) FROM work_order WHERE asset_id = ?")
			.param(lift)
			.query(Long.class)
			.single();
		assertThat(planOrders).isEqualTo(1);
	}

	@Test
	void anAlarmBothInstancesReceiveOpensOneOrderAndCountsOnce() throws Exception {
		long lift = asset("LIFT", "报警电梯");
		JsonNode device = device(lift);
		int takenBefore = taken(a) + taken(b);

		publish(device, Map.of("key", key(device), "id", "m-1", "alarm", json.readTree(LIFT_ENTRAPMENT)));

		await().atMost(Duration.ofSeconds(30)).until(() -> taken(a) + taken(b) == takenBefore + 2);
		List<JsonNode> alarms = alarms(lift);
		assertThat(alarms).hasSize(1);
		assertThat(alarms.get(0).get("repeats").asInt()).isEqualTo(1);
		assertThat(orders(lift)).hasSize(1);
		JsonNode order = apiB.get("dispatcher", "/api/v1/work-orders/" + alarms.get(0).get("orderNumber").asString())
			.body();
		assertThat(order.get("grade").asString()).isEqualTo("L1");
		assertThat(order.get("channel").asString()).isEqualTo("IOT");
		cancel(order.get("number").asString());
	}

	@Test
	void anAlarmWithoutAMessageIdIsCountedByEachInstanceOnOneOrder() throws Exception {
		long lift = asset("LIFT", "无编号电梯");
		JsonNode device = device(lift);

		publish(device, Map.of("key", key(device), "alarm", json.readTree(LIFT_ENTRAPMENT)));
		publish(device, Map.of("key", key(device), "alarm", json.readTree(LIFT_ENTRAPMENT)));

		await().atMost(Duration.ofSeconds(30))
			.until(() -> alarms(lift).size() == 1 && alarms(lift).get(0).get("repeats").asInt() == 4);
		assertThat(orders(lift)).hasSize(1);
		cancel(alarms(lift).get(0).get("orderNumber").asString());
	}

	@Test
	void aSignedAlarmIsTakenOnceAndItsReplayRecordsNothing() throws Exception {
		long pump = asset("WATER_PUMP", "签名水泵");
		JsonNode device = device(pump);
		String body = "{\"type\":\"WATER_LEAK\",\"severity\":\"MAJOR\",\"value\":\"12mm\"}";
		String timestamp = String.valueOf(Instant.now().getEpochSecond());
		Map<String, Object> signed = Map.of("key", key(device), "timestamp", timestamp, "signature",
				sign(key(device), timestamp, body), "body", body);
		int refusedBefore = refused(a) + refused(b);

		publish(device, signed);
		publish(device, signed);

		// each instance takes one of the two copies first: the second one it sees is a
		// replay
		await().atMost(Duration.ofSeconds(30)).until(() -> refused(a) + refused(b) == refusedBefore + 3);
		assertThat(alarms(pump)).singleElement().satisfies(alarm -> {
			assertThat(alarm.get("type").asString()).isEqualTo("WATER_LEAK");
			assertThat(alarm.get("repeats").asInt()).isEqualTo(1);
		});
		assertThat(orders(pump)).hasSize(1);
		cancel(alarms(pump).get(0).get("orderNumber").asString());
	}

	@Test
	void aWrongKeyOrABadBodyRecordsNothing() throws Exception {
		long lift = asset("LIFT", "错钥电梯");
		JsonNode device = device(lift);
		int refusedBefore = refused(a) + refused(b);

		publish(device, Map.of("key", "not-the-key", "alarm", json.readTree(LIFT_ENTRAPMENT)));
		publish(device, Map.of("key", key(device), "alarm", Map.of("type", "lift entrapment!", "severity", "")));
		publishRaw(device.get("deviceId").asString(), "not json".getBytes(StandardCharsets.UTF_8));

		await().atMost(Duration.ofSeconds(30)).until(() -> refused(a) + refused(b) == refusedBefore + 6);
		assertThat(alarms(lift)).isEmpty();
		assertThat(orders(lift)).isEmpty();
	}

	@Test
	@Order(Integer.MAX_VALUE) // last: it leaves late copies of its messages behind
	void bothInstancesReconnectAndSubscribeAgainAfterTheBrokerRestarts() throws Exception {
		long lift = asset("LIFT", "重连电梯");
		JsonNode device = device(lift);

		broker.stopServer();
		await().atMost(Duration.ofSeconds(30)).until(() -> !connected(a) && !connected(b));
		startBroker();
		await().atMost(Duration.ofSeconds(60)).until(() -> connected(a) && connected(b));
		// the subscription follows the connection; publish until an instance has it
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
			publish(device, Map.of("key", key(device), "id", UUID.randomUUID().toString(), "alarm",
					json.readTree(LIFT_ENTRAPMENT)));
			return !alarms(lift).isEmpty();
		});

		assertThat(orders(lift)).hasSize(1);
		cancel(alarms(lift).get(0).get("orderNumber").asString());
	}

	private void startBroker() throws Exception {
		Properties settings = new Properties();
		settings.setProperty("host", "127.0.0.1");
		settings.setProperty("port", String.valueOf(brokerPort));
		settings.setProperty("websocket_port", "disabled");
		settings.setProperty("allow_anonymous", "false");
		settings.setProperty("persistence_enabled", "false");
		settings.setProperty("data_path", brokerDir.toString());
		settings.setProperty("telemetry_enabled", "false");
		broker = new Server();
		broker.startServer(new MemoryConfig(settings), List.of(), null,
				(clientId, username, password) -> BROKER_USER.equals(username)
						&& Arrays.equals(BROKER_PASSWORD.getBytes(StandardCharsets.UTF_8), password),
				new PermitAllAuthorizatorPolicy());
	}

	private ConfigurableApplicationContext start(Map<String, Object> own) {
		Map<String, Object> properties = new HashMap<>(own);
		properties.put("server.port", "0");
		properties.put("suxiu.security.jwt-secret", SECRET);
		properties.put("suxiu.sla.poller.enabled", "false");
		properties.put("suxiu.maintenance.generator.enabled", "false");
		properties.put("suxiu.alarms.mqtt.enabled", "true");
		properties.put("suxiu.alarms.mqtt.url", "tcp://127.0.0.1:" + brokerPort);
		properties.put("suxiu.alarms.mqtt.username", BROKER_USER);
		properties.put("suxiu.alarms.mqtt.password", BROKER_PASSWORD);
		properties.put("suxiu.alarms.mqtt.retry-every", "PT1S");
		properties.put("logging.level.io.moquette", "WARN");
		return new SpringApplicationBuilder(SuxiuApplication.class).run(
				properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue()).toArray(String[]::new));
	}

	private static Api api(ConfigurableApplicationContext context) {
		return new Api(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")),
				context.getBean(JsonMapper.class));
	}

	private JdbcClient jdbc() {
		return a.getBean(JdbcClient.class);
	}

	private long asset(String type, String stem) {
		Api.Response created = apiA.post("manager", "/api/v1/assets",
				Map.of("projectCode", "DEMO", "place", type.equals("LIFT") ? "1号楼1号电梯" : "水泵房", "type", type, "name",
						stem + "-" + UUID.randomUUID().toString().substring(0, 8)));
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		return created.body().get("id").asLong();
	}

	private JsonNode device(long assetId) {
		Api.Response created = apiA.post("manager", "/api/v1/devices", Map.of("assetId", assetId, "name", "传感器"));
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		return created.body();
	}

	private static String key(JsonNode device) {
		return device.get("deviceKey").asString();
	}

	private List<JsonNode> alarms(long assetId) {
		return apiB.get("manager", "/api/v1/assets/" + assetId).body().get("alarms").valueStream().toList();
	}

	private List<JsonNode> orders(long assetId) {
		return apiA.get("manager", "/api/v1/assets/" + assetId).body().get("orders").valueStream().toList();
	}

	private void cancel(String number) {
		apiA.post("dispatcher", "/api/v1/work-orders/" + number + "/cancel", Map.of("reason", "测试结束"));
	}

	private void publish(JsonNode device, Map<String, Object> envelope) throws MqttException {
		publishRaw(device.get("deviceId").asString(), json.writeValueAsBytes(envelope));
	}

	private void publishRaw(String deviceId, byte[] payload) throws MqttException {
		MqttClient sender = new MqttClient("tcp://127.0.0.1:" + brokerPort, "device-" + UUID.randomUUID(),
				new MemoryPersistence());
		MqttConnectOptions options = new MqttConnectOptions();
		options.setUserName(BROKER_USER);
		options.setPassword(BROKER_PASSWORD.toCharArray());
		try {
			sender.connect(options);
			sender.publish("suxiu/devices/" + deviceId + "/alarms", payload, 1, false);
			sender.disconnect();
		}
		finally {
			sender.close();
		}
	}

	private static boolean connected(ConfigurableApplicationContext instance) {
		return Boolean.TRUE.equals(ReflectionTestUtils.invokeMethod(instance.getBean("mqttAlarms"), "connected"));
	}

	private static int taken(ConfigurableApplicationContext instance) {
		return (Integer) ReflectionTestUtils.invokeMethod(instance.getBean("mqttAlarms"), "taken");
	}

	private static int refused(ConfigurableApplicationContext instance) {
		return (Integer) ReflectionTestUtils.invokeMethod(instance.getBean("mqttAlarms"), "refused");
	}

	private static int generate(ConfigurableApplicationContext instance) {
		return (Integer) ReflectionTestUtils.invokeMethod(instance.getBean("planGenerator"), "generateDue");
	}

	/** Runs both at the same moment; answers what each returned. */
	private static int[] together(java.util.concurrent.Callable<Integer> first,
			java.util.concurrent.Callable<Integer> second) throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			CountDownLatch ready = new CountDownLatch(2);
			CountDownLatch go = new CountDownLatch(1);
			Future<Integer> one = threads.submit(() -> {
				ready.countDown();
				go.await();
				return first.call();
			});
			Future<Integer> two = threads.submit(() -> {
				ready.countDown();
				go.await();
				return second.call();
			});
			ready.await();
			go.countDown();
			return new int[] { one.get(120, TimeUnit.SECONDS), two.get(120, TimeUnit.SECONDS) };
		}
		finally {
			threads.shutdownNow();
		}
	}

	private static String sign(String key, String timestamp, String body) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
	}

}

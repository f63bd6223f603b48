package org.suxiu.notification;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.suxiu.Api;
import org.suxiu.MutableClock;
import org.suxiu.SuxiuApplication;
import org.suxiu.notification.channel.AliyunStub;
import org.suxiu.workorder.Requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The application stops between commit and send: one dispatch's messages are recorded but
 * not sent (the delivery poller is off), another dispatch committed its event publication
 * but its listener never ran (the executor holds the task). After a restart on the same
 * database the resubmission job and the poller deliver all four messages, each once.
 */
class DeliveryRestartTest {

	private static final MutableClock CLOCK = MutableClock.at("2026-12-01T10:00:00+08:00");

	private static final AliyunStub SMS = new AliyunStub();

	@AfterAll
	static void stopStub() {
		SMS.close();
	}

	@Test
	void everythingPendingWhenTheApplicationStoppedIsDeliveredOnceAfterItStartsAgain(@TempDir Path dataDir) {
		String recorded;
		String unrecorded;
		HeldExecutor executor = new HeldExecutor();
		try (ConfigurableApplicationContext before = start(dataDir, executor,
				"--suxiu.notification.delivery.enabled=false")) {
			Api api = api(before);
			JdbcClient jdbc = before.getBean(JdbcClient.class);
			recorded = dispatchedOrder(api, "13700400001", "tech01");
			await().atMost(Duration.ofSeconds(30)).until(() -> rows(jdbc, recorded) == 2);
			executor.hold();
			unrecorded = dispatchedOrder(api, "13700400002", "tech02");

			assertThat(incompletePublications(jdbc, unrecorded)).isEqualTo(1);
			assertThat(rows(jdbc, unrecorded)).isZero();
			assertThat(executor.held()).isPositive();
		}
		assertThat(SMS.requests()).isEmpty();

		CLOCK.advance(Duration.ofMinutes(3));
		try (ConfigurableApplicationContext after = start(dataDir, null, "--suxiu.events.resubmit.interval=PT1S")) {
			JdbcClient jdbc = after.getBean(JdbcClient.class);
			await().atMost(Duration.ofSeconds(90))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> sent(jdbc, recorded) == 2 && sent(jdbc, unrecorded) == 2);

			assertThat(incompletePublications(jdbc, unrecorded)).isZero();
			assertThat(rows(jdbc, recorded)).isEqualTo(2);
			assertThat(rows(jdbc, unrecorded)).isEqualTo(2);
			List<Long> ids = jdbc.sql("SELECT id FROM notification_message WHERE order_number IN (?, ?)")
				.params(recorded, unrecorded)
				.query(Long.class)
				.list();
			assertThat(ids).hasSize(4)
				.allSatisfy(id -> assertThat(SMS.accepted().stream().filter(r -> ("suxiu-" + id).equals(r.outId())))
					.hasSize(1));
			assertThat(SMS.accepted()).hasSize(4);
		}
	}

	private static String dispatchedOrder(Api api, String reporter, String technician) {
		// planned work: an emergency's dispatch notices are written inside the dispatch
		// itself, while this test is about what the asynchronous listeners had not
		// handled
		Map<String, Object> body = Requests.with(Requests.drippingTapByHotline(), "grade", "L3");
		body.put("reporter", Map.of("name", "周八", "phone", reporter));
		String number = api.post("agent", "/api/v1/work-orders", body).text("number");
		assertThat(api
			.post("dispatcher", "/api/v1/work-orders/" + number + "/dispatch", Map.of("technicianId", technician))
			.status()).isEqualTo(200);
		return number;
	}

	private static long rows(JdbcClient jdbc, String number) {
		return jdbc.sql("SELECT count(*) FROM notification_message WHERE order_number = ?")
			.param(number)
			.query(Long.class)
			.single();
	}

	private static long sent(JdbcClient jdbc, String number) {
		return jdbc.sql("SELECT count(*) FROM notification_message WHERE order_number = ? AND status = 'SENT'")
			.param(number)
			.query(Long.class)
			.single();
	}

	private static long incompletePublications(JdbcClient jdbc, String number) {
		return jdbc.sql("""
				SELECT count(*) FROM event_publication
				WHERE serialized_event LIKE ? AND event_type LIKE '%WorkOrderDispatched' AND completion_date IS NULL
				    AND listener_id LIKE 'org.suxiu.notification.%'
				""").param("%" + number + "%").query(Long.class).single();
	}

	/**
	 * An instance on the embedded database in {@code dataDir}, timed by {@link #CLOCK},
	 * sending SMS to the stand-in; with {@code executor}, asynchronous listeners run on
	 * it.
	 */
	private static ConfigurableApplicationContext start(Path dataDir, HeldExecutor executor, String... extra) {
		List<String> args = new java.util.ArrayList<>(List.of("--server.port=0", "--suxiu.data-dir=" + dataDir,
				"--suxiu.security.token-lifetime=P3650D", "--suxiu.sla.poller.enabled=false",
				"--suxiu.notification.sms.provider=aliyun", "--suxiu.notification.sms.aliyun.endpoint=" + SMS.url(),
				"--suxiu.notification.sms.aliyun.access-key-id=" + AliyunStub.KEY_ID,
				"--suxiu.notification.sms.aliyun.access-key-secret=" + AliyunStub.SECRET,
				"--suxiu.notification.sms.aliyun.default-template-code=SMS_000001"));
		args.addAll(List.of(extra));
		return new SpringApplicationBuilder(SuxiuApplication.class).initializers(context -> {
			context.getBeanFactory().registerSingleton("clock", CLOCK);
			if (executor != null) {
				context.getBeanFactory().registerSingleton("taskExecutor", executor);
			}
		}).run(args.toArray(String[]::new));
	}

	private static Api api(ConfigurableApplicationContext context) {
		return new Api(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")),
				context.getBean(JsonMapper.class));
	}

	/**
	 * Runs asynchronous listeners until told to hold them: from then on tasks are kept
	 * and never run, as if the instance died before it got to them.
	 */
	static final class HeldExecutor implements TaskExecutor, DisposableBean {

		private final ExecutorService threads = Executors.newFixedThreadPool(4);

		private final List<Runnable> held = new java.util.concurrent.CopyOnWriteArrayList<>();

		private volatile boolean holding;

		@Override
		public void execute(Runnable task) {
			if (holding) {
				held.add(task);
			}
			else {
				threads.execute(task);
			}
		}

		void hold() {
			holding = true;
		}

		int held() {
			return held.size();
		}

		@Override
		public void destroy() {
			threads.shutdownNow();
		}

	}

}

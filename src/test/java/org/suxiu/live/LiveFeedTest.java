package org.suxiu.live;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.suxiu.ApplicationTest;
import org.suxiu.SseClient;
import org.suxiu.property.PropertyDirectory;
import org.suxiu.shared.Actor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.suxiu.live.LiveEventsTest.PATIENCE;

/**
 * The feed underneath the stream: the public {@link LiveFeed} API, commit-bound delivery,
 * events whose transactions commit out of id order, the listener's reconnection and the
 * cleanup of expired rows.
 */
class LiveFeedTest extends ApplicationTest {

	@Autowired
	private LiveFeed feed;

	@Autowired
	private LiveEventStore store;

	@Autowired
	private FeedCleanup cleanup;

	@Autowired
	private DatabaseNotifications notifications;

	@Autowired
	private PropertyDirectory directory;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private JdbcClient jdbc;

	private final List<SseClient> clients = new ArrayList<>();

	@AfterEach
	void closeStreams() {
		clients.forEach(SseClient::close);
	}

	@Test
	void anAppendedEventReachesItsRecipientOnlyIfTheTransactionCommits() {
		SseClient supervisor = stream("supervisor");
		Recipient recipient = staff("supervisor");

		transactions.executeWithoutResult(status -> {
			feed.append(recipient, "test-note", "ROLLED-BACK", Map.of("note", "never"));
			status.setRollbackOnly();
		});
		feed.append(recipient, "test-note", "COMMITTED", Map.of("note", "请回电", "phone", "13900001111"));

		await().atMost(PATIENCE).until(() -> !supervisor.about("COMMITTED").isEmpty());
		assertThat(supervisor.about("ROLLED-BACK")).isEmpty();
		SseClient.Event event = supervisor.about("COMMITTED").get(0);
		assertThat(event.type()).isEqualTo("test-note");
		assertThat(event.text("note")).isEqualTo("请回电");
		assertThat(event.text("phone")).isEqualTo("13900001111");
	}

	@Test
	void deliversAnEventWhoseTransactionCommitsAfterALaterOne() throws Exception {
		SseClient technician = stream("tech07");
		Recipient recipient = staff("tech07");
		CountDownLatch appended = new CountDownLatch(1);
		CountDownLatch commit = new CountDownLatch(1);
		AtomicLong slowId = new AtomicLong();
		CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status -> {
			feed.append(recipient, "test-note", "SLOW", Map.of());
			slowId.set(idOf("SLOW"));
			appended.countDown();
			hold(commit);
		}));
		assertThat(appended.await(20, TimeUnit.SECONDS)).isTrue();

		feed.append(recipient, "test-note", "FAST", Map.of());
		long fastId = idOf("FAST");
		LiveEventStore.Batch whileOpen = store.read(new Viewer(actor("tech07")),
				new LiveEventStore.Cursor("0", 0, slowId.get() - 1), 100);
		commit.countDown();
		slow.get(20, TimeUnit.SECONDS);

		assertThat(fastId).isGreaterThan(slowId.get());
		assertThat(whileOpen.events()).extracting(LiveEventStore.StoredEvent::number).doesNotContain("FAST");
		assertThat(whileOpen.heldBack()).isTrue();
		await().atMost(PATIENCE).until(() -> !technician.about("FAST").isEmpty());
		await().atMost(PATIENCE).until(() -> !technician.about("SLOW").isEmpty());
	}

	@Test
	void reconnectsTheListenerWhenItsConnectionDrops() {
		SseClient supervisor = stream("supervisor");
		await().atMost(PATIENCE).until(notifications::isListening);

		int killed = jdbc
			.sql("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = ?")
			.param("suxiu-live-listener")
			.query(Integer.class)
			.single();
		feed.append(staff("supervisor"), "test-note", "AFTER-DROP", Map.of());

		assertThat(killed).isEqualTo(1);
		await().atMost(PATIENCE).until(() -> !supervisor.about("AFTER-DROP").isEmpty());
		await().atMost(PATIENCE).until(notifications::isListening);
	}

	@Test
	void cleanupDeletesOnlyEventsPastTheRetention() {
		Recipient recipient = staff("agent");
		feed.append(recipient, "test-note", "OLD", Map.of());
		feed.append(recipient, "test-note", "RECENT", Map.of());
		jdbc.sql("UPDATE live_event SET created_at = ? WHERE order_number = 'OLD'")
			.param(java.sql.Timestamp.from(Instant.now().minus(Duration.ofHours(25))))
			.update();

		int deleted = cleanup.purge();

		assertThat(deleted).isGreaterThanOrEqualTo(1);
		assertThat(count("OLD")).isZero();
		assertThat(count("RECENT")).isEqualTo(1);
	}

	private SseClient stream(String user) {
		SseClient client = SseClient.open(port, "/api/v1/events", api.token(user), json);
		clients.add(client);
		assertThat(client.status()).isEqualTo(200);
		return client;
	}

	private Actor actor(String username) {
		return directory.staffAccount(username).orElseThrow().actor();
	}

	private Recipient staff(String username) {
		Actor actor = actor(username);
		return Recipient.staff(actor.tenantId(), actor.id());
	}

	private long idOf(String number) {
		return jdbc.sql("SELECT id FROM live_event WHERE order_number = ?").param(number).query(Long.class).single();
	}

	private long count(String number) {
		return jdbc.sql("SELECT count(*) FROM live_event WHERE order_number = ?")
			.param(number)
			.query(Long.class)
			.single();
	}

	private static void hold(CountDownLatch latch) {
		try {
			assertThat(latch.await(20, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}

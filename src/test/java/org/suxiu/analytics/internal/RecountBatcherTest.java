package org.suxiu.analytics.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.suxiu.Api.Response;
import org.suxiu.ClockedApplicationTest;
import org.suxiu.shared.FailedPublications;
import org.suxiu.workorder.Requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The batched recount behind the analytics listener: events of one order count it once, a
 * batch of many orders adds up to the same roll-ups as a recount from scratch, and a
 * batch that fails leaves its events' publications incomplete until they come again.
 * Orders are reported on days no other test uses (March 2028).
 */
class RecountBatcherTest extends ClockedApplicationTest {

	@Autowired
	RecountBatcher batcher;

	@Autowired
	Backfill backfill;

	@Autowired
	Rollups rollups;

	@Autowired
	ComplaintCounts complaints;

	@Autowired
	FailedPublications failed;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Ledger ledger;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate transactions;

	@AfterEach
	void dropTheFault() {
		jdbc.sql("DROP TRIGGER IF EXISTS refuse_one ON analytics_order").update();
		jdbc.sql("DROP FUNCTION IF EXISTS refuse_one()").update();
	}

	@Test
	void manyEventsOfOneOrderCountItOnce() throws Exception {
		CLOCK.set("2028-03-06T09:00:00+08:00");
		String number = report("1", "1", "101", "PLUMBING");
		counted(number);
		long batchesBefore = batcher.batches();
		rollups.clear();
		try {
			List<CompletableFuture<Void>> all = new ArrayList<>();
			for (int i = 0; i < 200; i++) {
				all.add(batcher.recount(List.of(number), List.of()));
			}
			CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

			assertThat(batcher.batches() - batchesBefore).as("200 events in few batches").isLessThan(50);
			assertThat(ordersOf("2028-03-06", "ALL")).isEqualTo(1);
			assertThat(ordersOf("2028-03-06", "CATEGORY")).isEqualTo(1);
			assertThat(jdbc.sql(
					"SELECT sum(orders) FROM analytics_rollup_month WHERE day = DATE '2028-03-01' AND dimension = 'ALL'")
				.query(Long.class)
				.single()).isEqualTo(1);
		}
		finally {
			backfill.run(true);
		}
	}

	@Test
	void aBatchOfManyOrdersAddsUpAsARecountFromScratch() throws Exception {
		CLOCK.set("2028-03-07T09:00:00+08:00");
		List<String> numbers = new ArrayList<>();
		String[][] homes = { { "1", "101" }, { "2", "102" }, { "3", "201" }, { "1", "202" }, { "2", "301" },
				{ "3", "302" } };
		for (int i = 0; i < homes.length; i++) {
			numbers.add(report(homes[i][0], "2", homes[i][1], i % 2 == 0 ? "PLUMBING" : "ELECTRICAL"));
		}
		post("dispatcher", numbers.get(0), "dispatch", Map.of("technicianId", "tech01"));
		post("dispatcher", numbers.get(1), "dispatch", Map.of("technicianId", "tech02"));
		CLOCK.set("2028-03-07T09:20:00+08:00");
		post("tech01", numbers.get(0), "take", Map.of());
		post("agent", numbers.get(2), "cancel", Map.of("reason", "业主自己修好了"));
		numbers.forEach(this::counted);
		await().atMost(Duration.ofSeconds(30)).until(() -> technicianOrders("2028-03-07") == 2);
		List<Map<String, Object>> byEvents = snapshot("2028-03-01");

		// every order ever reported, counted again in batches of many (and the complaints
		// added back as a recount from scratch does)
		rollups.clear();
		List<String> everyOrder = jdbc.sql("SELECT number FROM work_order ORDER BY number").query(String.class).list();
		long batchesBefore = batcher.batches();
		List<CompletableFuture<Void>> all = new ArrayList<>();
		for (String number : everyOrder) {
			all.add(batcher.recount(List.of(number), List.of()));
		}
		CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
		complaints.addAll();
		assertThat(batcher.batches() - batchesBefore).as("%d orders in batches", everyOrder.size())
			.isLessThan(everyOrder.size() / 2);
		List<Map<String, Object>> batched = snapshot("0001-01-01");

		backfill.run(true);
		List<Map<String, Object>> fromScratch = snapshot("0001-01-01");

		assertThat(batched).isEqualTo(fromScratch);
		assertThat(byEvents).isEqualTo(snapshot("2028-03-01"));
		assertThat(ordersOf("2028-03-07", "ALL")).isEqualTo(6);
	}

	@Test
	void aFailedBatchLeavesItsPublicationsIncompleteUntilTheyComeAgain() throws Exception {
		CLOCK.set("2028-03-08T09:00:00+08:00");
		jdbc.sql("""
				CREATE FUNCTION refuse_one() RETURNS trigger LANGUAGE plpgsql AS $$
				BEGIN
				    IF NEW.category = 'DOOR_WINDOW' AND NEW.day = DATE '2028-03-08' THEN
				        RAISE EXCEPTION 'refused for the test';
				    END IF;
				    RETURN NEW;
				END $$""").update();
		jdbc.sql("CREATE TRIGGER refuse_one BEFORE INSERT OR UPDATE ON analytics_order "
				+ "FOR EACH ROW EXECUTE FUNCTION refuse_one()")
			.update();

		String refused = report("2", "2", "201", "DOOR_WINDOW");
		String fine = report("2", "2", "202", "PLUMBING");

		counted(fine);
		await().atMost(Duration.ofSeconds(30)).until(() -> failedPublicationsOf(refused) > 0);
		assertThat(countedRows(refused)).isZero();
		assertThat(incompletePublicationsOf(refused)).isPositive();

		// in one batch with another order, the refused one fails alone
		String other = report("2", "2", "301", "PLUMBING");
		counted(other);
		RecountBatcher.Request bad = new RecountBatcher.Request(List.of(refused), List.of(), new CompletableFuture<>());
		RecountBatcher.Request good = new RecountBatcher.Request(List.of(other), List.of(), new CompletableFuture<>());
		batcher.count(List.of(bad, good));
		good.done().get(10, TimeUnit.SECONDS);
		assertThat(bad.done()).failsWithin(Duration.ofSeconds(10));
		assertThat(countedRows(refused)).isZero();

		dropTheFault();
		// resubmitted by hand (the scheduled run may hold the lock at that moment: then
		// it is the one that resubmits)
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> {
			failed.resubmit();
			return countedRows(refused) == 1 && incompletePublicationsOf(refused) == 0;
		});
		assertThat(ordersOf("2028-03-08", "ALL")).isEqualTo(3);
	}

	@Test
	void batchesOfSeveralInstancesOverTheSameOrdersNeitherDeadlockNorMiscount() throws Exception {
		CLOCK.set("2028-03-09T09:00:00+08:00");
		List<String> numbers = new ArrayList<>();
		String[][] homes = { { "1", "501" }, { "2", "501" }, { "3", "501" }, { "1", "502" } };
		for (String[] home : homes) {
			numbers.add(report(home[0], "1", home[1], "PLUMBING"));
		}
		numbers.forEach(this::counted);
		rollups.clear();
		try {
			// what the workers of eight instances do at once: overlapping batches, handed
			// over in different orders, each in its own transaction
			java.util.concurrent.ExecutorService instances = java.util.concurrent.Executors.newFixedThreadPool(8);
			List<java.util.concurrent.Future<?>> runs = new ArrayList<>();
			for (int i = 0; i < 40; i++) {
				List<String> batch = new ArrayList<>(numbers);
				java.util.Collections.rotate(batch, i);
				if (i % 2 == 1) {
					java.util.Collections.reverse(batch);
				}
				runs.add(instances.submit(() -> transactions
					.executeWithoutResult(tx -> ledger.recountBatch(new java.util.LinkedHashSet<>(batch), List.of()))));
			}
			for (java.util.concurrent.Future<?> run : runs) {
				run.get(60, TimeUnit.SECONDS);
			}
			instances.shutdown();

			assertThat(ordersOf("2028-03-09", "ALL")).isEqualTo(4);
			assertThat(ordersOf("2028-03-09", "GRADE")).isEqualTo(4);
			// that day only: other test classes in the same context report orders on
			// later
			// days, and the month's row holds this class's other days, which the recount
			// from scratch below adds back while the batches above did not
			List<Map<String, Object>> together = snapshotOfDay("2028-03-09");
			backfill.run(true);
			assertThat(together).isEqualTo(snapshotOfDay("2028-03-09"));
		}
		finally {
			backfill.run(true);
		}
	}

	private String report(String building, String unit, String room, String category) {
		Response created = api.post("agent", "/api/v1/work-orders", Requests
			.with(Requests.hotline(category, "批量计数测试", Requests.home(building, unit, room)), "grade", "L3"));
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		return created.text("number");
	}

	private void post(String user, String number, String action, Map<String, Object> body) {
		Response response = api.post(user, "/api/v1/work-orders/" + number + "/" + action, body);
		assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
	}

	private void counted(String number) {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> countedRows(number) == 1 && incompletePublicationsOf(number) == 0);
	}

	private long countedRows(String number) {
		return jdbc.sql("SELECT count(*) FROM analytics_order WHERE number = ?")
			.param(number)
			.query(Long.class)
			.single();
	}

	private long incompletePublicationsOf(String number) {
		return jdbc
			.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL "
					+ "AND listener_id LIKE '%AnalyticsListeners%' AND serialized_event LIKE ?")
			.param("%\"" + number + "\"%")
			.query(Long.class)
			.single();
	}

	private long failedPublicationsOf(String number) {
		return jdbc
			.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL AND status = 'FAILED' "
					+ "AND listener_id LIKE '%AnalyticsListeners%' AND serialized_event LIKE ?")
			.param("%\"" + number + "\"%")
			.query(Long.class)
			.single();
	}

	private long ordersOf(String day, String dimension) {
		return jdbc
			.sql("SELECT coalesce(sum(orders), 0) FROM analytics_rollup WHERE day = CAST(? AS DATE) AND dimension = ?")
			.params(day, dimension)
			.query(Long.class)
			.single();
	}

	private long technicianOrders(String day) {
		return ordersOf(day, "TECHNICIAN");
	}

	/**
	 * Both roll-up tables and the orders' rows of days from {@code from} on, in a fixed
	 * order, the rows that count anything (a row an order moved out of stays behind with
	 * zeros).
	 */
	private List<Map<String, Object>> snapshot(String from) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (String table : List.of("analytics_rollup", "analytics_rollup_month")) {
			rows.addAll(jdbc
				.sql("SELECT '" + table + "' AS t, r.* FROM " + table + " r WHERE day >= CAST(? AS DATE) "
						+ "AND (orders <> 0 OR complaints <> 0) ORDER BY project_id, dimension, day, value")
				.param(from)
				.query()
				.listOfRows()
				.stream()
				.map(RecountBatcherTest::withHistogramsAsLists)
				.toList());
		}
		rows.addAll(jdbc.sql("SELECT * FROM analytics_order WHERE day >= CAST(? AS DATE) ORDER BY number")
			.param(from)
			.query()
			.listOfRows());
		return rows;
	}

	/** The day's daily roll-up rows and its orders' rows, as {@link #snapshot}. */
	private List<Map<String, Object>> snapshotOfDay(String day) {
		List<Map<String, Object>> rows = new ArrayList<>(jdbc
			.sql("SELECT r.* FROM analytics_rollup r WHERE day = CAST(? AS DATE) "
					+ "AND (orders <> 0 OR complaints <> 0) ORDER BY project_id, dimension, day, value")
			.param(day)
			.query()
			.listOfRows()
			.stream()
			.map(RecountBatcherTest::withHistogramsAsLists)
			.toList());
		rows.addAll(jdbc.sql("SELECT * FROM analytics_order WHERE day = CAST(? AS DATE) ORDER BY number")
			.param(day)
			.query()
			.listOfRows());
		return rows;
	}

	/** Histograms as lists, trailing empty buckets left out (the same counts). */
	private static Map<String, Object> withHistogramsAsLists(Map<String, Object> row) {
		Map<String, Object> copy = new java.util.LinkedHashMap<>(row);
		copy.replaceAll((k, v) -> {
			if (!(v instanceof java.sql.Array array)) {
				return v;
			}
			try {
				List<Long> buckets = new ArrayList<>();
				for (Object bucket : (Object[]) array.getArray()) {
					buckets.add(((Number) bucket).longValue());
				}
				while (!buckets.isEmpty() && buckets.get(buckets.size() - 1) == 0) {
					buckets.remove(buckets.size() - 1);
				}
				return buckets;
			}
			catch (java.sql.SQLException ex) {
				throw new IllegalStateException(ex);
			}
		});
		return copy;
	}

}

package org.suxiu.analytics.internal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.suxiu.ClockedApplicationTest;
import org.suxiu.workorder.Requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The monthly report is made on the 1st for the month before, once however many instances
 * poll, and the project's managers are told.
 */
class MonthlyReportTimerTest extends ClockedApplicationTest {

	@Autowired
	MonthlyReports reports;

	@Autowired
	JdbcClient jdbc;

	@Test
	void makesLastMonthsReportOnTheFirstOnceAndTellsTheManagers() {
		CLOCK.set("2029-05-10T10:00:00+08:00");
		String number = api.post("agent", "/api/v1/work-orders", Requests.drippingTapByHotline()).text("number");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> jdbc.sql("SELECT count(*) FROM analytics_order WHERE number = ?")
				.param(number)
				.query(Long.class)
				.single() == 1);
		CLOCK.set("2029-05-31T23:00:00+08:00");
		reports.fireDue();
		assertThat(fired()).as("not due before the 1st").isZero();

		CLOCK.set("2029-06-01T06:05:00+08:00");
		CompletableFuture<Void> one = CompletableFuture.runAsync(reports::fireDue);
		CompletableFuture<Void> two = CompletableFuture.runAsync(reports::fireDue);
		CompletableFuture.allOf(one, two).join();
		reports.fireDue();

		assertThat(fired()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT length(pdf) FROM analytics_report WHERE month = DATE '2029-05-01'")
			.query(Long.class)
			.single()).isGreaterThan(10_000);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(api.get("admin", "/api/v1/admin/messages?size=100")
				.body()
				.get("items")
				.valueStream()
				.filter(m -> m.get("body").asString().contains("2029年5月维修服务月报")
						&& m.get("body").asString().contains("/manager/kpis/report.pdf?project=DEMO&month=2029-05"))
				.count()).isEqualTo(managers()));
		assertThat(api.get("manager", "/api/v1/projects/DEMO/reports/2029-05.pdf").status()).isEqualTo(200);
	}

	private long fired() {
		return jdbc
			.sql("SELECT count(*) FROM analytics_report WHERE month = DATE '2029-05-01' AND fired_at IS NOT NULL")
			.query(Long.class)
			.single();
	}

	private long managers() {
		return api.get("admin", "/api/v1/admin/staff")
			.body()
			.get("items")
			.valueStream()
			.filter(s -> s.get("role").asString().equals("MANAGER") && s.get("active").asBoolean())
			.count();
	}

}

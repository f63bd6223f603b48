package org.suxiu.live;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.suxiu.Api;
import org.suxiu.SseClient;
import org.suxiu.SuxiuApplication;
import org.suxiu.workorder.Requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two application instances on one database: a client streaming from one receives what
 * happens through the other, within a second.
 */
class LiveClusterTest {

	private static final String SECRET = "a-signing-secret-shared-by-both-instances-0123456789";

	@Test
	void aClientOnOneInstanceReceivesEventsCausedOnTheOther(@TempDir Path dataDirA, @TempDir Path dataDirB) {
		ConfigurableApplicationContext a = null;
		ConfigurableApplicationContext b = null;
		try {
			a = start(Map.of("suxiu.data-dir", dataDirA.toString()));
			EmbeddedPostgres database = a.getBean(EmbeddedPostgres.class);
			b = start(Map.of("suxiu.data-dir", dataDirB.toString(), "spring.datasource.url",
					database.getJdbcUrl("postgres", "postgres"), "spring.datasource.username", "postgres"));
			assertThat(b.containsBean("embeddedPostgres")).isFalse();
			Api apiA = api(a);
			Api apiB = api(b);
			JsonMapper json = a.getBean(JsonMapper.class);
			try (SseClient dispatcherOnB = SseClient.open(port(b), "/api/v1/events", apiB.token("dispatcher"), json);
					SseClient technicianOnB = SseClient.open(port(b), "/api/v1/events", apiB.token("tech08"), json);
					SseClient ownerOnA = SseClient.open(port(a), "/api/v1/events", apiA.token("13800000001"), json)) {

				String number = apiA
					.post("agent", "/api/v1/work-orders",
							Requests.with(Requests.hotline("PLUMBING", "厨房水龙头一直滴水", Requests.home("1", "1", "101")),
									"grade", "L3"))
					.text("number");
				assertThat(apiA
					.post("dispatcher", "/api/v1/work-orders/" + number + "/dispatch", Map.of("technicianId", "tech08"))
					.status()).isEqualTo(200);
				assertThat(apiB.post("tech08", "/api/v1/work-orders/" + number + "/take", Map.of()).status())
					.isEqualTo(200);

				await().atMost(Duration.ofSeconds(20))
					.until(() -> dispatcherOnB.typesAbout(number).contains("taken")
							&& technicianOnB.typesAbout(number).contains("taken")
							&& ownerOnA.typesAbout(number).contains("taken"));
				assertThat(dispatcherOnB.typesAbout(number)).containsExactly("created", "dispatched", "taken");
				assertThat(technicianOnB.typesAbout(number)).containsExactly("dispatched", "taken");
				assertThat(ownerOnA.typesAbout(number)).containsExactly("created", "dispatched", "taken");
			}
		}
		finally {
			if (b != null) {
				b.close();
			}
			if (a != null) {
				a.close();
			}
		}
	}

	/**
	 * Starts an instance; settings go as command-line arguments because default
	 * properties lose to {@code application.yml}. The heartbeat is an hour, so that only
	 * a notification can wake a stream.
	 */
	private static ConfigurableApplicationContext start(Map<String, Object> own) {
		Map<String, Object> properties = new HashMap<>(own);
		properties.put("server.port", "0");
		properties.put("suxiu.security.jwt-secret", SECRET);
		properties.put("suxiu.sla.poller.enabled", "false");
		properties.put("suxiu.live.heartbeat", "PT1H");
		return new SpringApplicationBuilder(SuxiuApplication.class).run(
				properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue()).toArray(String[]::new));
	}

	private static int port(ConfigurableApplicationContext context) {
		return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
	}

	private static Api api(ConfigurableApplicationContext context) {
		return new Api(port(context), context.getBean(JsonMapper.class));
	}

}

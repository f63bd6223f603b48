package org.suxiu.operations;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.suxiu.ApplicationTest;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every metric the alert rules and the Grafana dashboard in {@code deploy/} name, with
 * the labels they select on, is in a real scrape: a renamed meter fails here, not
 * silently on a night the alert should have fired.
 */
class AlertRulesTest extends ApplicationTest {

	/** A metric name, optionally with label matchers: {@code name{a="b",c="d"}}. */
	private static final Pattern SELECTOR = Pattern.compile("\\b((?:suxiu|http_server)_[a-z0-9_]+)(?:\\{([^}]*)\\})?");

	private static final Pattern LABEL = Pattern.compile("([a-z_]+)=\"([^\"]*)\"");

	@Autowired
	MetricsPort metricsPort;

	private String scrape;

	@BeforeEach
	void scrape() throws Exception {
		// one request and one sign-in failure, so that request and failure series exist
		api.get("agent", "/api/v1/technicians");
		api.post(null, "/api/v1/auth/token", Map.of("username", "nobody", "password", "wrong"));
		scrape = MetricsEndpointTest.get(metricsPort.localPort(), "/actuator/prometheus").body();
	}

	@Test
	@SuppressWarnings("unchecked")
	void everyAlertRuleNamesMetersTheScrapeHas() throws Exception {
		Map<String, Object> file = new Yaml().load(Files.readString(Path.of("deploy/prometheus/suxiu-alerts.yml")));
		List<String> expressions = new ArrayList<>();
		for (Map<String, Object> group : (List<Map<String, Object>>) file.get("groups")) {
			for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
				expressions.add((String) rule.get("expr"));
			}
		}

		assertThat(expressions).hasSizeGreaterThanOrEqualTo(3);
		assertThat(String.join("\n", expressions)).contains("suxiu_orders_l1_untaken_oldest_age_seconds",
				"suxiu_notification_backlog", "suxiu_timer_lag_seconds");
		expressions.forEach(this::assertScraped);
	}

	@Test
	void everyDashboardPanelNamesMetersTheScrapeHas() throws Exception {
		String dashboard = Files.readString(Path.of("deploy/grafana/suxiu-dashboard.json"));

		assertThat(SELECTOR.matcher(dashboard).results().count()).isGreaterThanOrEqualTo(10);
		assertScraped(dashboard.replace("\\\"", "\""));
	}

	private void assertScraped(String text) {
		Matcher selector = SELECTOR.matcher(text);
		while (selector.find()) {
			String name = selector.group(1);
			List<String> samples = scrape.lines()
				.filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
				.toList();
			assertThat(samples).as("samples of %s", name).isNotEmpty();
			if (selector.group(2) != null) {
				Matcher label = LABEL.matcher(selector.group(2));
				while (label.find()) {
					String pair = label.group(1) + "=\"" + label.group(2) + "\"";
					assertThat(samples).as("%s with %s", name, pair).anyMatch(line -> line.contains(pair));
				}
			}
		}
	}

}

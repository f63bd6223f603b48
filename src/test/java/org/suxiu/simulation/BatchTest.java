package org.suxiu.simulation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.suxiu.shared.Grade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Batch figures: counts add up over the scenarios, intervals are the ratio estimator's
 * over scenarios, and the command writes every drawn scenario in the ordinary format.
 */
class BatchTest {

	@Test
	void theIntervalIsTheRatioEstimatorsOverScenarios() {
		// r = 6/8; residuals 0.25 + 0.25 + 0 → se = sqrt(0.5 · 3/2) / 8 = 0.1083
		Batch.Interval interval = Batch.ratio(new double[] { 1, 2, 3 }, new double[] { 2, 2, 4 }, true);

		assertThat(interval.share()).isEqualTo(0.75);
		assertThat(interval.low()).isCloseTo(0.75 - 1.96 * 0.10825, within(0.001));
		assertThat(interval.high()).isCloseTo(0.75 + 1.96 * 0.10825, within(0.001));
		assertThat(Batch.ratio(new double[] { 4, 4 }, new double[] { 4, 4 }, true).high()).isEqualTo(1.0);
	}

	@Test
	void aBatchCountsEveryRequestOfEveryScenario(@TempDir Path dir) throws Exception {
		Batch.Result result = SimulateCommand.batch(SimulateCommand.mapper(), 4, 100, "mixed",
				List.of("nearest-idle", "suxiu"), true, dir.toString(), dir.resolve("batch.json").toString());

		assertThat(result.scenarios()).isEqualTo(4);
		int requests = 0;
		try (var files = Files.list(dir)) {
			for (Path file : files.filter(f -> !f.getFileName().toString().equals("batch.json")).toList()) {
				Scenario scenario = SimulateCommand.mapper().readValue(Files.readString(file), Scenario.class);
				requests += SimulatedRequests.expand(scenario, Simulation.sites(scenario)).size();
			}
		}
		assertThat(result.requests()).isEqualTo(requests).isPositive();
		for (Batch.PolicyBatch policy : result.policies()) {
			assertThat(policy.byGrade().values().stream().mapToInt(Batch.Count::n).sum()).isEqualTo(requests);
		}
		Batch.Count l1 = result.policies().get(1).byGrade().get(Grade.L1);
		assertThat(l1.share().low()).isLessThanOrEqualTo(l1.share().share());
		assertThat(l1.share().high()).isGreaterThanOrEqualTo(l1.share().share());
		assertThat(Files.readString(dir.resolve("batch.json"))).contains("\"l1OfReference\"", "\"againstNearestIdle\"");
	}

}

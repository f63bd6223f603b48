package org.suxiu.simulation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.suxiu.shared.Grade;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator on the shipped scenarios: reproducible, complete, and on every one of
 * them the production recommender meets the bar against the obvious rules.
 */
class SimulatorTest {

	private static final List<String> POLICIES = List.of("round-robin", "nearest-idle", "suxiu");

	@Test
	void theSameScenarioGivesTheSameFigures() throws IOException {
		Scenario scenario = scenario("storm-surge");

		SimulationReport.Result first = SimulateCommand.run(scenario, POLICIES);
		SimulationReport.Result second = SimulateCommand.run(scenario, POLICIES);

		assertThat(first.policies().stream().map(p -> p.byGrade()).toList())
			.isEqualTo(second.policies().stream().map(p -> p.byGrade()).toList());
		assertThat(first.requests()).isEqualTo(second.requests()).isGreaterThan(50);
	}

	@Test
	void everyPolicySeesEveryRequest() throws IOException {
		SimulationReport.Result result = SimulateCommand.run(scenario("weekday"), POLICIES);

		for (SimulationReport.PolicyFigures policy : result.policies()) {
			int counted = policy.byGrade().values().stream().mapToInt(SimulationReport.GradeFigures::n).sum();
			assertThat(counted).as(policy.policy()).isEqualTo(result.requests());
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "weekday", "storm-surge", "night-shift-dropout" })
	void suxiuReachesTheBoundForEmergenciesAndIsNoWorseThanNearestIdle(String name) throws IOException {
		SimulationReport.Result result = SimulateCommand.run(scenario(name), POLICIES);

		SimulationReport.PolicyFigures suxiu = policy(result, "suxiu");
		SimulationReport.PolicyFigures nearestIdle = policy(result, "nearest-idle");
		assertThat(suxiu.byGrade().get(Grade.L1).withinLimit())
			.isGreaterThanOrEqualTo(0.95 * result.bounds().get(Grade.L1).maxAttainable());
		for (Grade grade : Grade.values()) {
			assertThat(suxiu.byGrade().get(grade).withinLimit()).as(grade.name())
				.isGreaterThanOrEqualTo(nearestIdle.byGrade().get(grade).withinLimit() - 0.02);
		}
		assertThat(suxiu.byGrade().get(Grade.L1).withinLimit())
			.isGreaterThanOrEqualTo(nearestIdle.byGrade().get(Grade.L1).withinLimit());
		assertThat(suxiu.byGrade().get(Grade.L2).withinLimit())
			.isGreaterThanOrEqualTo(nearestIdle.byGrade().get(Grade.L2).withinLimit());
	}

	@Test
	void writesTheResultJsonAndPrintsTheTable(@TempDir Path dir) throws IOException {
		Path out = dir.resolve("result.json");

		// the day planner is left out here: it takes most of a minute on the whole day
		SimulateCommand.main(new String[] { "--scenario", "scenarios/weekday.json", "--policies",
				String.join(",", POLICIES), "--out", out.toString() });

		String json = Files.readString(out);
		assertThat(json).contains("\"scenario\"", "\"bounds\"", "\"maxAttainable\"", "\"nearest-idle\"",
				"\"decisionMillis\"");
	}

	private static SimulationReport.PolicyFigures policy(SimulationReport.Result result, String name) {
		return result.policies().stream().filter(p -> p.policy().equals(name)).findFirst().orElseThrow();
	}

	private static Scenario scenario(String name) throws IOException {
		return SimulateCommand.mapper()
			.readValue(Files.readString(Path.of("scenarios", name + ".json")), Scenario.class);
	}

}

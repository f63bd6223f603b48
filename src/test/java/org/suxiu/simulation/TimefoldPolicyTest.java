package org.suxiu.simulation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The day planner as a simulator policy, on the first ten hours of the shipped weekday
 * (the whole day is the README's benchmark, not a test): it sees every request, and with
 * its move limit in the reproducible mode it gives the same figures on every run.
 */
class TimefoldPolicyTest {

	private static final List<String> POLICIES = List.of("nearest-idle", "timefold");

	@Test
	void theTimefoldPolicyGivesTheSameFiguresOnEveryRun() throws IOException {
		Scenario morning = morning();

		SimulationReport.Result first = SimulateCommand.run(morning, POLICIES);
		SimulationReport.Result second = SimulateCommand.run(morning, POLICIES);

		assertThat(policy(first, "timefold").byGrade()).isEqualTo(policy(second, "timefold").byGrade());
		assertThat(policy(first, "timefold").travelKm()).isEqualTo(policy(second, "timefold").travelKm());
	}

	@Test
	void theTimefoldPolicySeesAndServesEveryRequest() throws IOException {
		SimulationReport.Result result = SimulateCommand.run(morning(), POLICIES);

		SimulationReport.PolicyFigures timefold = policy(result, "timefold");
		int counted = timefold.byGrade().values().stream().mapToInt(SimulationReport.GradeFigures::n).sum();
		assertThat(result.requests()).isGreaterThan(20);
		assertThat(counted).isEqualTo(result.requests());
		assertThat(timefold.unserved()).isZero();
	}

	private static Scenario morning() throws IOException {
		Scenario day = SimulateCommand.mapper()
			.readValue(Files.readString(Path.of("scenarios", "weekday.json")), Scenario.class);
		List<Scenario.RequestSpec> morning = day.requests()
			.stream()
			.filter(r -> r.at().isBefore(day.start().plusHours(10)))
			.toList();
		return new Scenario(day.name() + "-morning", day.seed(), day.start(), 10, day.travel(),
				day.dispatchOverheadMinutes(), day.sites(), day.technicians(), day.sla(), morning, day.generator(),
				day.incidents());
	}

	private static SimulationReport.PolicyFigures policy(SimulationReport.Result result, String name) {
		return result.policies().stream().filter(p -> p.policy().equals(name)).findFirst().orElseThrow();
	}

}

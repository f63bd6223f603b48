package org.suxiu.simulation;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.suxiu.shared.Category;
import org.suxiu.shared.Grade;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The batch runs every policy inside {@link SimulateCommand.Timed}: it must pass on every
 * hook, or a variant measured in a batch (re-planning, standby) silently does nothing
 * there.
 */
class TimedPolicyTest {

	@Test
	void passesEveryHookToThePolicyItTimes() {
		Scenario scenario = GeneratedScenarios.one();
		Simulation sim = new Simulation(scenario, SimulatedRequests.expand(scenario, Simulation.sites(scenario)),
				Simulation.sites(scenario), Simulation.limits(scenario));
		Recording recording = new Recording();

		sim.run(new SimulateCommand.Timed(recording));

		assertThat(recording.calls).contains("choose", "given", "rest", "idle");
	}

	@Test
	void standbySendsFreeTechniciansToWaitInABatch() {
		Scenario scenario = ScenarioGenerator.generate("day", 2);
		Simulation sim = new Simulation(scenario, SimulatedRequests.expand(scenario, Simulation.sites(scenario)),
				Simulation.sites(scenario), Simulation.limits(scenario));
		SimulationPolicy.Suxiu policy = (SimulationPolicy.Suxiu) SimulateCommand.policy("suxiu-standby", sim);

		sim.run(new SimulateCommand.Timed(policy));

		assertThat(sim.techs.stream().mapToInt(t -> t.standbys).sum()).isPositive();
		assertThat(policy.standbyReasons).isNotEmpty().allSatisfy(r -> assertThat(r).contains("standby at"));
	}

	/** Nearest-idle, noting which hooks the simulator called. */
	private static final class Recording implements SimulationPolicy {

		private final SimulationPolicy.NearestIdle inner = new SimulationPolicy.NearestIdle();

		final List<String> calls = new ArrayList<>();

		@Override
		public String name() {
			return "recording";
		}

		@Override
		public Choice choose(Simulation sim, Simulation.Job job, double now) {
			calls.add("choose");
			return inner.choose(sim, job, now);
		}

		@Override
		public void given(Simulation sim, Simulation.Tech tech, Simulation.Job job, double now) {
			calls.add("given");
		}

		@Override
		public void rest(Simulation sim, Simulation.Tech tech, double now) {
			calls.add("rest");
		}

		@Override
		public Optional<Simulation.Job> idle(Simulation sim, Simulation.Tech tech, double now) {
			calls.add("idle");
			return inner.idle(sim, tech, now);
		}

	}

	/** A small generated day. */
	private static final class GeneratedScenarios {

		static Scenario one() {
			OffsetDateTime start = OffsetDateTime.parse("2026-12-07T08:00:00+08:00");
			List<Scenario.ShiftSpec> allDay = List.of(new Scenario.ShiftSpec("00:00", "23:59", null, null));
			return new Scenario("timed", 1, start, 4, new Scenario.Travel(20, 1.3), 2.0,
					List.of(new Scenario.SiteSpec("A", 31.23, 121.47), new Scenario.SiteSpec("B", 31.235, 121.47)),
					List.of(new Scenario.TechnicianSpec("T1", List.of(Category.PLUMBING), "A", allDay)), null,
					List.of(new Scenario.RequestSpec("R1", start.plusMinutes(10), "B", Category.PLUMBING, Grade.L2,
							30.0, null)),
					null, List.of());
		}

	}

}

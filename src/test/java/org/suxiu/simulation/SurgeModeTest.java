package org.suxiu.simulation;

import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.suxiu.shared.Category;
import org.suxiu.shared.Grade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Surge mode and re-planning in the simulator: an on-call technician is woken only when
 * emergencies outnumber the free qualified technicians, and sets off after the wake-up;
 * work queued with an emergency's technician moves to a free colleague at once.
 */
class SurgeModeTest {

	private static final OffsetDateTime START = OffsetDateTime.parse("2026-12-07T00:00:00+08:00");

	private static final List<Scenario.ShiftSpec> ALL_DAY = List
		.of(new Scenario.ShiftSpec("00:00", "23:59", null, null));

	private static final List<Scenario.ShiftSpec> ON_CALL = List
		.of(new Scenario.ShiftSpec("00:00", "00:00", null, true));

	private static final List<Scenario.SiteSpec> SITES = List.of(new Scenario.SiteSpec("A", 31.23, 121.47),
			new Scenario.SiteSpec("B", 31.26, 121.47), new Scenario.SiteSpec("B2", 31.2605, 121.47),
			new Scenario.SiteSpec("C", 31.30, 121.47));

	@Test
	void aSecondEmergencyWakesTheOnCallTechnicianWhoSetsOffAfterTheWakeUp() {
		Scenario scenario = scenario(
				List.of(new Scenario.TechnicianSpec("T1", List.of(Category.PLUMBING), "A", ALL_DAY),
						new Scenario.TechnicianSpec("T2", List.of(Category.PLUMBING), "B", ON_CALL)),
				List.of(request("R1", 600, "A", Grade.L1), request("R2", 601, "B", Grade.L1)));

		Run onlyWhenNeeded = run(scenario, "suxiu-no-wake-ahead");
		Run nearestIdle = run(scenario, "nearest-idle");

		assertThat(onlyWhenNeeded.sim.wakeUps).isEqualTo(1);
		assertThat(onlyWhenNeeded.minutesToArrive("R2")).isCloseTo(15, within(0.01));
		assertThat(nearestIdle.sim.wakeUps).isZero();
		assertThat(nearestIdle.minutesToArrive("R2")).isGreaterThan(30);
	}

	@Test
	void theOnCallTechnicianIsWokenAheadWhenAnEmergencyLeavesNobodyFreeInItsTrade() {
		// R1 takes the only plumber on shift: the on-call one is woken then, not at R2
		Scenario scenario = scenario(
				List.of(new Scenario.TechnicianSpec("T1", List.of(Category.PLUMBING), "A", ALL_DAY),
						new Scenario.TechnicianSpec("T2", List.of(Category.PLUMBING), "B", ON_CALL)),
				List.of(request("R1", 600, "A", Grade.L1), request("R2", 610, "B", Grade.L1)));
		Simulation sim = new Simulation(scenario, SimulatedRequests.expand(scenario, Simulation.sites(scenario)),
				Simulation.sites(scenario), Simulation.limits(scenario));
		SimulationPolicy.Suxiu suxiu = (SimulationPolicy.Suxiu) SimulateCommand.policy("suxiu", sim);
		Run ahead = new Run(sim, sim.run(suxiu));
		Run onlyWhenNeeded = run(scenario, "suxiu-no-wake-ahead");

		assertThat(ahead.sim.wakeUps).isEqualTo(1);
		// up at 615, R2 came in at 610 at T2's base
		assertThat(ahead.minutesToArrive("R2")).isCloseTo(5, within(0.01));
		assertThat(onlyWhenNeeded.minutesToArrive("R2")).isCloseTo(15, within(0.01));
		assertThat(suxiu.wokenAhead).singleElement()
			.asString()
			.startsWith("R1: 值班T2提前叫醒")
			.contains("on-call T2 woken ahead: 0 free for PLUMBING");
	}

	@Test
	void someoneWokenOnAStormNightStaysUpPastMidnightWhileTheirOnCallDutyRunsOn() {
		// on call 00:00–24:00 every day: woken at 23:50, they are not asleep again at
		// midnight with work in hand
		Scenario scenario = new Scenario("storm-night", 1, START.plusHours(18), 14, new Scenario.Travel(20, 1.3), 2.0,
				SITES, List.of(new Scenario.TechnicianSpec("T2", List.of(Category.PLUMBING), "B", ON_CALL)), null,
				List.of(), null, List.of(), 15.0);
		Simulation sim = new Simulation(scenario, List.of(), Simulation.sites(scenario), Simulation.limits(scenario));
		Simulation.Tech onCall = sim.techs.get(0);

		sim.wakeUp(onCall, 350);

		assertThat(sim.isOnShift(onCall, 370)).isTrue();
		assertThat(sim.isOnShift(onCall, 14 * 60 - 1)).isTrue();
		assertThat(sim.onCallEnds(onCall, 350)).isEqualTo(350 + 24 * 60);
	}

	@Test
	void nobodyIsWokenWhileThreeFreeTechniciansAreLeftOrForLessThanAnEmergency() {
		Scenario scenario = scenario(
				List.of(new Scenario.TechnicianSpec("T1", List.of(Category.PLUMBING), "A", ALL_DAY),
						new Scenario.TechnicianSpec("T3", List.of(Category.PLUMBING), "C", ALL_DAY),
						new Scenario.TechnicianSpec("T4", List.of(Category.PLUMBING), "A", ALL_DAY),
						new Scenario.TechnicianSpec("T5", List.of(Category.PLUMBING), "B2", ALL_DAY),
						new Scenario.TechnicianSpec("T2", List.of(Category.PLUMBING), "B", ON_CALL)),
				List.of(request("R1", 600, "B", Grade.L1), request("R2", 700, "B", Grade.L2),
						request("R3", 701, "B", Grade.L2), request("R4", 702, "B", Grade.L2)));

		Run suxiu = run(scenario, "suxiu");

		// T5 next door takes the emergency, T1, T3 and T4 are still free; the urgent
		// ones wait for whoever frees up
		assertThat(suxiu.sim.wakeUps).isZero();
		assertThat(suxiu.minutesToArrive("R1")).isLessThan(5);
	}

	@Test
	void theOnCallTechnicianIsWokenAheadWhenAnEmergencyLeavesOnlyTwoFreeInItsTrade() {
		// chosen on set A: waiting until fewer than two were left free woke them too
		// late on storm nights
		Scenario scenario = scenario(
				List.of(new Scenario.TechnicianSpec("T1", List.of(Category.PLUMBING), "A", ALL_DAY),
						new Scenario.TechnicianSpec("T3", List.of(Category.PLUMBING), "C", ALL_DAY),
						new Scenario.TechnicianSpec("T5", List.of(Category.PLUMBING), "B2", ALL_DAY),
						new Scenario.TechnicianSpec("T2", List.of(Category.PLUMBING), "B", ON_CALL)),
				List.of(request("R1", 600, "B", Grade.L1)));
		Simulation sim = new Simulation(scenario, SimulatedRequests.expand(scenario, Simulation.sites(scenario)),
				Simulation.sites(scenario), Simulation.limits(scenario));
		SimulationPolicy.Suxiu suxiu = (SimulationPolicy.Suxiu) SimulateCommand.policy("suxiu", sim);

		Run ahead = new Run(sim, sim.run(suxiu));

		assertThat(ahead.sim.wakeUps).isEqualTo(1);
		assertThat(ahead.minutesToArrive("R1")).isLessThan(5);
		assertThat(suxiu.wokenAhead).singleElement()
			.asString()
			.startsWith("R1: 值班T2提前叫醒")
			.contains("on-call T2 woken ahead: 2 free for PLUMBING");
	}

	@Test
	void workQueuedWithTheEmergencysTechnicianMovesToAFreeColleagueAtOnce() {
		// T1 sets off for the routine job at B; the emergency next to it calls the trip
		// off
		Scenario scenario = scenario(
				List.of(new Scenario.TechnicianSpec("T1", List.of(Category.PLUMBING), "A", ALL_DAY),
						new Scenario.TechnicianSpec("T3", List.of(Category.PLUMBING), "C", ALL_DAY)),
				List.of(request("R0", 540, "B", Grade.L3), request("R1", 545, "B2", Grade.L1)));

		Run replanned = run(scenario, "suxiu-replan");
		Run kept = run(scenario, "suxiu");

		assertThat(replanned.sim.handOvers).isEqualTo(1);
		assertThat(kept.sim.handOvers).isZero();
		assertThat(replanned.minutesToArrive("R1")).isEqualTo(kept.minutesToArrive("R1"));
		assertThat(replanned.minutesToArrive("R0")).isLessThan(kept.minutesToArrive("R0"));
		// from C, set off the overhead after the emergency came in
		double fromC = replanned.sim.travelMinutes(replanned.site("C"), replanned.site("B"));
		assertThat(replanned.minutesToArrive("R0")).isCloseTo(5 + 2 + fromC, within(0.01));
	}

	@Test
	void theReservePreemptVariantInterruptsUrgentWorkOutsideASurgeAndTheShippedPolicyDoesNot() {
		// T1 is on an urgent job at A when an emergency comes in next to it; T3 is free
		// but far, so this is no surge
		Scenario scenario = scenario(
				List.of(new Scenario.TechnicianSpec("T1", List.of(Category.PLUMBING), "A", ALL_DAY),
						new Scenario.TechnicianSpec("T3", List.of(Category.PLUMBING), "C", ALL_DAY)),
				List.of(request("R0", 540, "A", Grade.L2), request("R1", 560, "A", Grade.L1)));

		Run shipped = run(scenario, "suxiu");
		Run preempting = run(scenario, "suxiu-reserve-preempt");

		assertThat(shipped.minutesToArrive("R1")).isGreaterThan(30);
		assertThat(preempting.minutesToArrive("R1")).isCloseTo(2, within(0.01));
		assertThat(preempting.minutesToArrive("R0")).isEqualTo(shipped.minutesToArrive("R0"));
	}

	private record Run(Simulation sim, List<Simulation.Job> jobs) {

		double minutesToArrive(String id) {
			Simulation.Job job = jobs.stream().filter(j -> j.request.id().equals(id)).findFirst().orElseThrow();
			return job.arrivedAt - job.request.at();
		}

		org.suxiu.shared.GeoPoint site(String id) {
			return Simulation.sites(sim.scenario).get(id);
		}

	}

	private static Run run(Scenario scenario, String policy) {
		Simulation sim = new Simulation(scenario, SimulatedRequests.expand(scenario, Simulation.sites(scenario)),
				Simulation.sites(scenario), Simulation.limits(scenario));
		return new Run(sim, sim.run(SimulateCommand.policy(policy, sim)));
	}

	private static Scenario scenario(List<Scenario.TechnicianSpec> technicians, List<Scenario.RequestSpec> requests) {
		return new Scenario("surge", 1, START, 24, new Scenario.Travel(20, 1.3), 2.0, SITES, technicians, null,
				requests, null, List.of(), 15.0);
	}

	private static Scenario.RequestSpec request(String id, int minute, String site, Grade grade) {
		return new Scenario.RequestSpec(id, START.plusMinutes(minute), site, Category.PLUMBING, grade, 60.0, null);
	}

}

package org.suxiu.simulation;

import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.suxiu.shared.Category;
import org.suxiu.shared.Grade;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clairvoyant reference: never worse than a policy on small instances, and tighter
 * than the geometric bound where two emergencies want the same technician.
 */
class ClairvoyantReferenceTest {

	private static final List<String> POLICIES = List.of("round-robin", "nearest-idle", "suxiu", "suxiu-reserve",
			"suxiu-plain", "suxiu-l2-preempt-always", "suxiu-replan", "suxiu-standby", "suxiu-no-wake-ahead",
			"suxiu-reserve-preempt");

	@Test
	void onSmallGeneratedNightsTheReferenceIsNeverWorseThanAnyPolicy() {
		int emergencies = 0;
		for (long seed = 1; seed <= 40; seed++) {
			Scenario scenario = ScenarioGenerator.generate(ScenarioGenerator.Profile.NIGHT, seed);
			Batch.ScenarioCounts counts = Batch.counts(scenario, POLICIES, true);
			assertThat(counts.proven()).as("seed " + seed).isTrue();
			emergencies += counts.reference()[0];
			for (String policy : POLICIES) {
				assertThat(counts.reference()[1]).as(policy + ", seed " + seed)
					.isGreaterThanOrEqualTo(counts.policies().get(policy).get(Grade.L1)[1]);
			}
			// from base only: tighter. (Not below the geometric bound either: that bound
			// sends everyone from base, and a technician who has just finished an
			// emergency can be at the site of the next call from the same place sooner.)
			assertThat(counts.reference()[2]).as("base only, seed " + seed).isLessThanOrEqualTo(counts.reference()[1]);
		}
		assertThat(emergencies).isGreaterThan(100);
	}

	@Test
	void twoEmergenciesCannotBothHaveTheOnlyTechnician() {
		OffsetDateTime start = OffsetDateTime.parse("2026-12-07T00:00:00+08:00");
		Scenario scenario = new Scenario("two-at-once", 1, start, 24, new Scenario.Travel(20, 1.3), 2.0,
				List.of(new Scenario.SiteSpec("A", 31.23, 121.47), new Scenario.SiteSpec("B", 31.24, 121.47)),
				List.of(new Scenario.TechnicianSpec("T1", List.of(Category.PLUMBING), "A",
						List.of(new Scenario.ShiftSpec("00:00", "23:59", null, null)))),
				null, List.of(request("R1", start.plusHours(10), "A"),
						request("R2", start.plusHours(10).plusMinutes(1), "B")),
				null, List.of());
		Batch.ScenarioCounts counts = Batch.counts(scenario, POLICIES, true);

		// the geometric bound gives both to the one plumber; an hour's job at A keeps
		// them from B
		assertThat(counts.bound().get(Grade.L1)).containsExactly(2, 2);
		assertThat(counts.reference()).containsExactly(2, 1, 1);
		assertThat(counts.policies().get("suxiu").get(Grade.L1)[1]).isEqualTo(1);
	}

	@Test
	void theReferenceChoosesBetterThanTheNearestFreeTechnician() {
		// T2 is nearest to the first emergency but the only one who can reach the second
		// in time; T1 can still reach the first: nearest-free gets one, the reference two
		OffsetDateTime start = OffsetDateTime.parse("2026-12-07T00:00:00+08:00");
		Scenario scenario = new Scenario("choose", 1, start, 24, new Scenario.Travel(20, 1.0), 2.0,
				List.of(new Scenario.SiteSpec("A", 31.2300, 121.47), new Scenario.SiteSpec("B", 31.2200, 121.47),
						new Scenario.SiteSpec("C", 31.2350, 121.47), new Scenario.SiteSpec("D", 31.3100, 121.47)),
				List.of(new Scenario.TechnicianSpec("T1", List.of(Category.PLUMBING), "B",
						List.of(new Scenario.ShiftSpec("00:00", "23:59", null, null))),
						new Scenario.TechnicianSpec("T2", List.of(Category.PLUMBING), "C",
								List.of(new Scenario.ShiftSpec("00:00", "23:59", null, null)))),
				null, List.of(request("R1", start.plusHours(10), "A"),
						request("R2", start.plusHours(10).plusMinutes(1), "D")),
				null, List.of());
		Simulation sim = new Simulation(scenario, SimulatedRequests.expand(scenario, Simulation.sites(scenario)),
				Simulation.sites(scenario), Simulation.limits(scenario));

		ClairvoyantReference.Result result = new ClairvoyantReference(sim).solve();

		assertThat(result.within()).isEqualTo(2);
		assertThat(
				Batch.counts(scenario, List.of("nearest-idle"), false).policies().get("nearest-idle").get(Grade.L1)[1])
			.isEqualTo(1);
		assertThat(result.optimal()).isTrue();
	}

	private static Scenario.RequestSpec request(String id, OffsetDateTime at, String site) {
		return new Scenario.RequestSpec(id, at, site, Category.PLUMBING, Grade.L1, 60.0, null);
	}

}

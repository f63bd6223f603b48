package org.suxiu.simulation;

import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.suxiu.shared.Category;
import org.suxiu.shared.Grade;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Look-ahead reservation: an emergency goes to a slightly farther technician when the
 * nearest is the only one for a trade whose emergencies come in, and says so.
 */
class ReservationTest {

	@Test
	void theOnlyGasFitterIsKeptFreeAndTheReasonSaysSo() {
		OffsetDateTime start = OffsetDateTime.parse("2026-12-07T00:00:00+08:00");
		List<Scenario.ShiftSpec> allDay = List.of(new Scenario.ShiftSpec("00:00", "23:59", null, null));
		Scenario scenario = new Scenario("reserve", 1, start, 24, new Scenario.Travel(20, 1.3), 2.0,
				List.of(new Scenario.SiteSpec("A", 31.23, 121.47), new Scenario.SiteSpec("B", 31.235, 121.47),
						new Scenario.SiteSpec("C", 31.23, 121.50)),
				List.of(new Scenario.TechnicianSpec("T1", List.of(Category.GAS, Category.PLUMBING), "A", allDay),
						new Scenario.TechnicianSpec("T2", List.of(Category.PLUMBING), "B", allDay)),
				null,
				List.of(request("R0", start.plusHours(6), "A", Category.GAS),
						request("R1", start.plusHours(10), "A", Category.PLUMBING),
						request("R2", start.plusHours(10).plusMinutes(10), "C", Category.GAS)),
				null, List.of());

		Batch.ScenarioCounts counts = Batch.counts(scenario, List.of("suxiu", "suxiu-reserve"), false);

		assertThat(counts.policies().get("suxiu").get(Grade.L1)[1]).isEqualTo(2);
		assertThat(counts.policies().get("suxiu-reserve").get(Grade.L1)[1]).isEqualTo(3);

		Simulation sim = new Simulation(scenario, SimulatedRequests.expand(scenario, Simulation.sites(scenario)),
				Simulation.sites(scenario), Simulation.limits(scenario));
		SimulationPolicy.Suxiu policy = new SimulationPolicy.Suxiu(sim, SimulateCommand.RESERVE_MINUTES);
		sim.run(policy);
		assertThat(policy.explanations).singleElement().asString().startsWith("R1: T1 kept free");
	}

	private static Scenario.RequestSpec request(String id, OffsetDateTime at, String site, Category category) {
		return new Scenario.RequestSpec(id, at, site, category, Grade.L1, 60.0, null);
	}

}

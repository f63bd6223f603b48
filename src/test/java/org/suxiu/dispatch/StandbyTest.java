package org.suxiu.dispatch;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.suxiu.shared.Category;
import org.suxiu.shared.GeoPoint;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Look-ahead reservation (待命): a free technician is sent to wait where they alone cover
 * the likely emergencies, and the advice says why.
 */
class StandbyTest {

	private static final GeoPoint WEST = new GeoPoint(31.23, 121.40);

	/** About 14 km east of WEST: far beyond 25 minutes at 20 km/h. */
	private static final GeoPoint EAST = new GeoPoint(31.23, 121.55);

	private final Standby standby = new Standby(new TravelTimes.StraightLine(20, 1.3, Duration.ZERO),
			Duration.ofMinutes(25), 0.01);

	private final List<Standby.Place> places = List.of(new Standby.Place("W", WEST, 1),
			new Standby.Place("E", EAST, 3));

	@Test
	void theOnlyLiftTechnicianWaitsWhereTheLiftEmergenciesAreLikelyAndSaysWhy() {
		Standby.Cover lift = new Standby.Cover(1, WEST, Set.of(Category.ELEVATOR));

		var move = standby.advise(lift, places, places, List.of(), Map.of(Category.ELEVATOR, 1.0));

		assertThat(move).hasValueSatisfying(m -> {
			assertThat(m.place().id()).isEqualTo("E");
			assertThat(m.coveredAlone()).isEqualTo(0.75);
			assertThat(m.coveredAloneNow()).isEqualTo(0.25);
			assertThat(m.reason()).contains("到E待命").contains("75%").contains("standby at E");
		});
	}

	@Test
	void staysWhereTheyAreWhenSomeoneElseAlreadyCoversTheBusierPlace() {
		Standby.Cover lift = new Standby.Cover(1, WEST, Set.of(Category.ELEVATOR));
		Standby.Cover colleague = new Standby.Cover(2, EAST, Set.of(Category.ELEVATOR, Category.PLUMBING));

		var move = standby.advise(lift, places, places, List.of(colleague), Map.of(Category.ELEVATOR, 1.0));

		assertThat(move).isEmpty();
	}

	@Test
	void aColleagueInAnotherTradeDoesNotCover() {
		Standby.Cover lift = new Standby.Cover(1, WEST, Set.of(Category.ELEVATOR));
		Standby.Cover plumber = new Standby.Cover(2, EAST, Set.of(Category.PLUMBING));

		var move = standby.advise(lift, places, places, List.of(plumber),
				Map.of(Category.ELEVATOR, 1.0, Category.PLUMBING, 1.0));

		assertThat(move).map(m -> m.place().id()).hasValue("E");
	}

}

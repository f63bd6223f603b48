package org.suxiu.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.suxiu.dispatch.Availability;
import org.suxiu.dispatch.TechnicianBoard.BoardEntry;
import org.suxiu.dispatch.TechnicianStatus;
import org.suxiu.property.PlacePoint;
import org.suxiu.shared.GeoPoint;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nobody on the site plan is hidden: technicians at a building are drawn under its label,
 * and technicians at one place one under the other.
 */
class SitePlanTest {

	private static final List<PlacePoint> BUILDINGS = List.of(new PlacePoint("B1", "1号楼", 31.2300, 121.4700),
			new PlacePoint("B2", "2号楼", 31.2300, 121.4730), new PlacePoint("B3", "3号楼", 31.2320, 121.4700));

	@Test
	void techniciansAtABuildingAreDrawnUnderItsLabelOneUnderTheOther() {
		SitePlan plan = SitePlan.of(BUILDINGS,
				List.of(at(1, "陈师傅", 31.2300, 121.4700, TechnicianStatus.BUSY),
						at(2, "刘师傅", 31.2300, 121.4700, TechnicianStatus.ON_DUTY),
						at(3, "杨师傅", 31.23001, 121.47002, TechnicianStatus.ON_DUTY)),
				List.of());

		SitePlan.Mark building = plan.buildings().get(0);
		for (SitePlan.Mark technician : plan.technicians()) {
			assertThat(technician.y()).as(technician.label()).isGreaterThan(building.y() + 11);
			assertThat(technician.y()).as(technician.label()).isLessThanOrEqualTo(plan.height());
		}
		assertThat(plan.technicians()).extracting(SitePlan.Mark::y).doesNotHaveDuplicates();
		for (SitePlan.Mark a : plan.technicians()) {
			for (SitePlan.Mark b : plan.technicians()) {
				if (a != b) {
					assertThat(Math.abs(a.y() - b.y())).as(a.label() + " and " + b.label()).isGreaterThanOrEqualTo(14);
				}
			}
		}
		assertThat(plan.technicians()).extracting(SitePlan.Mark::busy).containsExactly(true, false, false);
	}

	@Test
	void aTechnicianBetweenBuildingsStaysWhereTheyAre() {
		SitePlan plan = SitePlan.of(BUILDINGS, List.of(at(1, "陈师傅", 31.2310, 121.4715, TechnicianStatus.ON_DUTY)),
				List.of());
		SitePlan alone = SitePlan.of(List.of(BUILDINGS.get(0), BUILDINGS.get(1), BUILDINGS.get(2)), List.of(),
				List.of());

		SitePlan.Mark technician = plan.technicians().get(0);
		assertThat(plan.height()).isEqualTo(alone.height());
		double x = plan.buildings().get(0).x() + (plan.buildings().get(1).x() - plan.buildings().get(0).x()) / 2;
		assertThat(technician.x()).isCloseTo(x, org.assertj.core.data.Offset.offset(0.5));
	}

	private static BoardEntry at(long id, String name, double lat, double lng, TechnicianStatus status) {
		return new BoardEntry(id, "tech" + id, name, "138****0000", Map.of(), status, List.of(), 5,
				new GeoPoint(lat, lng), Availability.ON_SHIFT, null);
	}

}

package org.suxiu.workorder;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.suxiu.ApplicationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who sees which phone number in full: for an order owner 13800000001 reported and tech01
 * (13900000201) was sent to.
 */
class PhoneMaskingTest extends ApplicationTest {

	private Journeys journeys;

	@BeforeEach
	void journeys() {
		journeys = new Journeys(api);
	}

	@ParameterizedTest(name = "{0} sees reporter {1}")
	@CsvSource({ "13800000001, 13800000001", "agent, 13800000001", "dispatcher, 13800000001", "supervisor, 13800000001",
			"tech01, 138****0001", "manager, 138****0001", "admin, 138****0001" })
	void showsTheReporterPhoneOnlyToTheOwnerAndCallingStaff(String viewer, String reporterPhone) {
		String number = journeys.ownerReportIn(Status.DISPATCHED);

		JsonNode order = journeys.get(viewer, number).body();

		assertThat(order.get("reporter").get("phone").asString()).isEqualTo(reporterPhone);
	}

	@ParameterizedTest(name = "{0} sees technician {1}")
	@CsvSource({ "13800000001, 139****0201", "agent, 13900000201", "dispatcher, 13900000201", "supervisor, 13900000201",
			"tech01, 13900000201" })
	void showsTheTechnicianPhoneToStaffAndTheTechnicianButMasksItForTheOwner(String viewer, String technicianPhone) {
		String number = journeys.ownerReportIn(Status.DISPATCHED);

		JsonNode order = journeys.get(viewer, number).body();

		assertThat(order.get("assignee").get("phone").asString()).isEqualTo(technicianPhone);
	}

	@ParameterizedTest(name = "{0} sees reporter {1}")
	@CsvSource({ "13800000001, 13800000001", "agent, 13800000001", "dispatcher, 13800000001", "supervisor, 13800000001",
			"tech01, 138****0001", "manager, 138****0001", "admin, 138****0001" })
	void masksTheReporterPhoneInTheListAsInTheDetail(String viewer, String reporterPhone) {
		String number = journeys.ownerReportIn(Status.DISPATCHED);

		JsonNode item = listed(viewer, number);

		assertThat(item.get("reporter").get("phone").asString()).isEqualTo(reporterPhone);
	}

	@ParameterizedTest(name = "{0} sees technician {1}")
	@CsvSource({ "13800000001, 139****0201", "agent, 13900000201", "dispatcher, 13900000201", "supervisor, 13900000201",
			"tech01, 13900000201" })
	void masksTheTechnicianPhoneInTheListAsInTheDetail(String viewer, String technicianPhone) {
		String number = journeys.ownerReportIn(Status.DISPATCHED);

		JsonNode item = listed(viewer, number);

		assertThat(item.get("assignee").get("phone").asString()).isEqualTo(technicianPhone);
	}

	private JsonNode listed(String viewer, String number) {
		return journeys.items(viewer, "status=DISPATCHED&size=100")
			.stream()
			.filter(item -> item.get("number").asString().equals(number))
			.findFirst()
			.orElseThrow();
	}

}

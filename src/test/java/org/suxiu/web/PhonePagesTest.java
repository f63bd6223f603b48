package org.suxiu.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.suxiu.workorder.Requests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages of the roles that work on a phone fit a 375 px screen: nothing scrolls
 * sideways.
 */
class PhonePagesTest extends BrowserTest {

	@Test
	void ownerPagesFitAPhone() {
		String number = api.post("13800000002", "/api/v1/work-orders", Requests.leakByOwnerApp()).text("number");
		Browser owner = phone().signIn("13800000002");

		for (String page : List.of("/owner", "/owner/report", "/owner/orders/" + number)) {
			owner.open(page);

			assertThat(owner.innerWidth()).isEqualTo(375);
			assertThat(owner.scrollsSideways()).as(page).isFalse();
		}
		owner.open("/owner?lang=en");
		assertThat(owner.scrollsSideways()).as("in English").isFalse();
		owner.screenshot("owner-orders-en");
	}

	@Test
	void technicianPagesFitAPhone() {
		String number = api.post("agent", "/api/v1/work-orders", Requests.drippingTapByHotline()).text("number");
		api.post("dispatcher", "/api/v1/work-orders/" + number + "/dispatch",
				java.util.Map.of("technicianId", "tech02"));
		Browser technician = phone().signIn("tech02");

		for (String page : List.of("/tech", "/tech/jobs/" + number)) {
			technician.open(page);

			assertThat(technician.scrollsSideways()).as(page).isFalse();
		}
		technician.screenshot("technician-job");
	}

	@Test
	void signInPageFitsAPhone() {
		Browser visitor = phone().open("/login");

		assertThat(visitor.scrollsSideways()).isFalse();
		visitor.screenshot("login");
	}

}

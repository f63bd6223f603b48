package org.suxiu.web;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.suxiu.workorder.Requests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The header's order search and menu: every staff role finds orders by number, phone,
 * room or words; owners and other companies find nothing of them.
 */
class OrderSearchTest extends BrowserTest {

	@Test
	void aNumberOpensTheOrderOnTheRolesOwnPage() {
		String number = api.post("agent", "/api/v1/work-orders", Requests.drippingTapByHotline()).text("number");

		HttpResponse<String> agent = new PageClient(port).signIn("agent").get("/search?q=" + number.toLowerCase());
		HttpResponse<String> dispatcher = new PageClient(port).signIn("dispatcher").get("/search?q=" + number);

		assertThat(agent.statusCode()).isEqualTo(302);
		assertThat(agent.headers().firstValue("Location").orElseThrow()).endsWith("/agent/orders/" + number);
		assertThat(dispatcher.headers().firstValue("Location").orElseThrow()).endsWith("/dispatch/orders/" + number);
	}

	@Test
	void findsOrdersByRoomAndByWordsFromTheHeader() {
		String number = api
			.post("agent", "/api/v1/work-orders",
					Requests.hotline("DOOR_WINDOW", "阳台推拉窗滑轮脱落", Requests.home("5", "2", "1502")))
			.text("number");
		Browser manager = desk().signIn("manager");

		manager.type("#order-search", "推拉窗滑轮").click(".order-search button");

		assertThat(manager.text("#search-results")).contains(number);
		manager.open("/search?q=5-2-1502");
		assertThat(manager.text("#search-results")).contains(number);
		manager.screenshot("order-search");
	}

	@Test
	void anotherCompanysOrderIsNotFound() {
		String number = api.post("agent", "/api/v1/work-orders", Requests.drippingTapByHotline()).text("number");

		HttpResponse<String> answer = new PageClient(port).signIn("north-agent").get("/search?q=" + number);

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).contains("找到 0 张工单").doesNotContain("/agent/orders/" + number);
	}

	@Test
	void ownersHaveNoSearchButTheirOwnMenu() {
		HttpResponse<String> search = new PageClient(port).signIn("13800000001").get("/search?q=1");
		HttpResponse<String> home = new PageClient(port).signIn("13800000001").get("/owner");

		assertThat(search.statusCode()).isEqualTo(403);
		assertThat(home.body()).doesNotContain("order-search").contains("href=\"/owner/report\"");
	}

	@Test
	void eachStaffRoleHasItsMenuAndTheSearch() {
		String dispatcher = new PageClient(port).signIn("dispatcher").get("/dispatch").body();
		String admin = new PageClient(port).signIn("admin").get("/admin").body();

		assertThat(dispatcher).contains("id=\"order-search\"").contains("href=\"/dispatch\"");
		assertThat(admin).contains("id=\"order-search\"").contains("href=\"/admin\"").contains("href=\"/manager\"");
	}

	@Test
	void afterAnIntakeTheAgentTakesTheNextCall() {
		Browser agent = desk().signIn("agent");
		agent.select("#category", "PLUMBING");
		agent.type("#description", "厨房水龙头一直滴水");
		agent.type("#name", "李先生").type("#phone", "13900002222").type("#room", "1-1-101");
		agent.click("#submit-order");
		agent.text("#number");

		agent.click("#next-intake");

		assertThat(agent.url()).endsWith("/agent");
		assertThat(agent.find("#description").getAttribute("value")).isEmpty();
	}

}

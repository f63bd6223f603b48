package org.suxiu.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.suxiu.attachment.TestImages;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole journey in four browsers: an owner reports a leak with a photo on a phone,
 * the dispatcher's open console shows it without a reload and dispatches it, the
 * technician takes, arrives and completes with a photo, the owner watches each step
 * appear and accepts with five stars, and the agent's follow-up call closes it. Pages
 * poll only every 10 minutes in tests, so every update without a reload comes through the
 * pages' event stream ({@code /live/events}).
 */
class WholeJourneyTest extends BrowserTest {

	private static final String OWNER = "13800000001";

	@Test
	void leakFromReportToFollowUp() throws IOException {
		Path photo = Files.write(Files.createTempFile("leak-", ".jpg"), TestImages.phonePhoto(800, 600, 1));
		Path after = Files.write(Files.createTempFile("fixed-", ".jpg"), TestImages.jpeg(800, 600));
		Browser dispatcher = desk().signIn("dispatcher");
		Browser owner = phone().signIn(OWNER);

		owner.open("/owner/report");
		owner.select("#category", "PLUMBING");
		owner.type("#description", "卫生间天花板往下滴水，楼上漏水");
		owner.find("#photos").sendKeys(photo.toString());
		owner.find("#report").submit();
		owner.waitForText("已报修");
		String number = owner.url().replaceFirst("\\?.*", "").substring(owner.url().lastIndexOf('/') + 1);
		assertThat(owner.text("#created")).contains("报修成功", number).containsPattern("我们承诺：.*(前上门|内到场)");
		assertThat(owner.has(".photos img")).isTrue();
		owner.screenshot("journey-1-owner-reported");

		String card = "#queue [data-number='" + number + "']";
		// the console polls only every 10 minutes here: the card comes by the event
		// stream
		assertThat(dispatcher.find("#live").getAttribute("hx-trigger")).isEqualTo("live, every 600s");
		dispatcher.find(card);
		dispatcher.screenshot("journey-2-dispatcher-queue");
		dispatcher.click(card + " .show-proposals");
		dispatcher.find("#proposals form button.primary");
		dispatcher.screenshot("journey-3-dispatcher-proposals");
		dispatcher.script("document.getElementById('plan-title').scrollIntoView()");
		assertThat(dispatcher.has(".plan rect")).isTrue();
		dispatcher.screenshot("journey-3-dispatcher-board-and-site-plan");
		dispatcher.script("window.scrollTo(0, 0)");
		dispatcher.click("#proposals form button.primary");
		dispatcher.waitForText("→");
		String technician = assigneeOf(number);
		owner.waitForText("已派工");

		Browser tech = phone().signIn(technician);
		tech.find("a[href='/tech/jobs/" + number + "']");
		tech.screenshot("journey-4-technician-jobs");
		assertThat(tech.scrollsSideways()).isFalse();
		tech.click("a[href='/tech/jobs/" + number + "']");
		tech.click("#take");
		tech.find("#arrive");
		owner.waitForText("已接单");
		tech.click("#arrive");
		owner.waitForText("已到场");
		tech.click("#start");
		tech.type("#resolution", "更换楼上卫生间防水层");
		tech.find("#after").sendKeys(after.toString());
		tech.screenshot("journey-5-technician-complete");
		assertThat(tech.scrollsSideways()).isFalse();
		tech.find("#complete").submit();
		tech.waitForText("已完工");

		owner.waitForText("已完工");
		owner.find("#accept");
		owner.screenshot("journey-6-owner-accept");
		assertThat(owner.scrollsSideways()).isFalse();
		owner.click("label[for='star5']");
		owner.find("#comment").sendKeys("师傅很专业");
		owner.find("#accept").submit();
		owner.waitForText("已验收");
		owner.screenshot("journey-7-owner-accepted");

		Browser agent = desk().signIn("agent");
		String followUp = "[data-number='" + number + "']";
		agent.find(followUp);
		agent.screenshot("journey-8-agent-follow-up");
		agent.click(followUp + " input[name=satisfied][value=true]");
		agent.find(followUp + " input[name=note]").sendKeys("业主满意");
		agent.click(followUp + " .follow-up");
		agent.waitUntil(d -> !agent.has(followUp));

		JsonNode order = api.get("agent", "/api/v1/work-orders/" + number).body();
		assertThat(order.get("status").asString()).isEqualTo("CLOSED");
		assertThat(order.get("rating").asInt()).isEqualTo(5);
		assertThat(json.readTree(api.get("agent", "/api/v1/work-orders/" + number + "/attachments").body().toString()))
			.hasSize(2);
	}

	private String assigneeOf(String number) {
		long id = api.get("dispatcher", "/api/v1/work-orders/" + number).body().get("assignee").get("id").asLong();
		for (JsonNode technician : api.get("dispatcher", "/api/v1/technicians").body()) {
			if (technician.get("id").asLong() == id) {
				return technician.get("username").asString();
			}
		}
		throw new IllegalStateException("No technician " + id);
	}

}

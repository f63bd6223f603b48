package org.suxiu.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The technician's phone as a field tool, in Chromium with its position set and its
 * network cut and restored through the DevTools protocol: the owner watches the ETA fall
 * as positions arrive; the technician, without a signal, arrives, starts and completes
 * with the checklist and the owner's signature; when the signal returns the three actions
 * go through in order and the owner's page asks for acceptance.
 */
class FieldOfflineBrowserTest extends BrowserTest {

	private static final Pattern MINUTES = Pattern.compile("约 (\\d+) 分钟");

	@Autowired
	private JdbcClient jdbc;

	/**
	 * tech09 takes every job here, and other tests of this context leave jobs in their
	 * hands; the capacity they are given here is put back afterwards.
	 */
	@BeforeEach
	void roomForTech09() {
		capacityOfTech09(1000);
	}

	@AfterEach
	void usualCapacity() {
		capacityOfTech09(null);
	}

	private void capacityOfTech09(Integer jobs) {
		jdbc.sql("UPDATE technician SET max_open_jobs = " + (jobs == null ? "NULL" : jobs)
				+ " WHERE staff_id = (SELECT id FROM staff WHERE username = 'tech09')")
			.update();
	}

	private void dispatchToTech09(String number) {
		var answer = api.post("dispatcher", "/api/v1/work-orders/" + number + "/dispatch",
				Map.of("technicianId", "tech09"));
		assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
	}

	@Test
	void aTechnicianCompletesAJobOfflineWithASignatureWhileTheOwnerWatchesTheEtaFall() {
		JsonNode site = building("1");
		double lat = site.get("lat").asDouble(), lng = site.get("lng").asDouble();
		String number = ownerReports("入户门锁坏了，钥匙插不进去 " + UUID.randomUUID());
		dispatchToTech09(number);
		Browser owner = phone().signIn("13800000001");
		owner.open("/owner/orders/" + number);
		Browser tech = phone();
		allowPosition(tech, lat + 0.027, lng);
		tech.signIn("tech09");

		tech.open("/tech");
		tech.click("#share-position");
		tech.waitForText("正在共享位置");
		tech.open("/tech/jobs/" + number);
		tech.click("#take");
		tech.find("#arrive");
		long far = owner.waitUntil(d -> minutes(owner) == Long.MAX_VALUE ? null : minutes(owner));
		position(tech, lat + 0.009, lng);
		tech.script("return window.suxiuField.tick()");
		owner.waitUntil(d -> minutes(owner) < far);
		long near = minutes(owner);
		owner.screenshot("owner-eta-375");
		assertThat(tech.text("#nav-amap")).contains("高德");
		assertThat(tech.find("#nav-amap").getAttribute("href")).startsWith("https://uri.amap.com/marker?position=")
			.contains("coordinate=wgs84");

		controlledByTheServiceWorker(tech);
		network(tech, false);
		tech.waitUntil(d -> Boolean.FALSE.equals(tech.script("return navigator.onLine")));
		tech.click("#arrive");
		tech.click("#start");
		tech.type("#resolution", "更换锁芯，门锁开关正常");
		tech.click("#check-lock");
		tech.click("#check-seal");
		sign(tech);
		tech.click("#complete button[type=submit]");
		tech.waitForText("已保存 3 项操作");
		tech.screenshot("tech-offline-375");
		JsonNode whileOffline = api.get("agent", "/api/v1/work-orders/" + number).body();
		Object cached = tech
			.script("return caches.match('/tech/jobs/" + number + "').then(function (r) { return !!r; })");
		network(tech, true);
		tech.find("#synced:not([hidden])");
		String synced = tech.text("#synced");
		long replayMillis = Long.parseLong(tech.find("#synced").getAttribute("data-ms"));
		// the owner's page follows by itself (live stream); a loaded machine may take a
		// while
		patiently(owner, d -> owner.pageText().contains("待您验收"));

		assertThat(far).isBetween(8L, 16L);
		assertThat(near).isLessThan(far);
		assertThat(whileOffline.get("status").asString()).isEqualTo("TAKEN");
		assertThat(cached).isEqualTo(Boolean.TRUE);
		assertThat(synced).contains("已同步 3 项");
		assertThat(tech.has("#conflicts:not([hidden])")).isFalse();
		JsonNode order = api.get("agent", "/api/v1/work-orders/" + number).body();
		assertThat(order.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(order.get("resolution").asString()).isEqualTo("更换锁芯，门锁开关正常");
		assertThat(order.get("history").valueStream().map(h -> h.get("action").asString())).containsSubsequence("take",
				"arrive", "start", "complete", "checklist", "signature");
		JsonNode files = api.get("agent", "/api/v1/work-orders/" + number + "/attachments").body();
		assertThat(files.valueStream().map(f -> f.get("purpose").asString())).containsExactly("SIGNATURE");
		owner.screenshot("owner-completed-375");
		System.out.println("Offline replay of 3 queued actions after reconnect: " + replayMillis + " ms");
	}

	@Test
	void twentyQueuedActionsAreReplayedInOrderWhenTheSignalReturns() {
		List<String> numbers = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			String number = ownerReports("阳台推拉门滑轮坏了 " + UUID.randomUUID());
			dispatchToTech09(number);
			numbers.add(number);
		}
		Browser tech = phone().signIn("tech09");
		tech.open("/tech");
		List<Map<String, Object>> queue = new ArrayList<>();
		for (String number : numbers) {
			for (String step : List.of("TAKE", "ARRIVE", "START", "COMPLETE")) {
				Map<String, Object> action = new LinkedHashMap<>();
				action.put("key", UUID.randomUUID().toString());
				action.put("number", number);
				action.put("action", step);
				action.put("note", step.equals("COMPLETE") ? "更换滑轮" : null);
				action.put("checklist", step.equals("COMPLETE") ? List.of("lock", "seal", "clean") : List.of());
				queue.add(action);
			}
		}
		controlledByTheServiceWorker(tech);
		network(tech, false);
		tech.waitUntil(d -> Boolean.FALSE.equals(tech.script("return navigator.onLine")));
		tech.script("localStorage.setItem('suxiu.field.queue', arguments[0]); location.reload();",
				json.writeValueAsString(queue));
		tech.waitForText("已保存 20 项操作");

		network(tech, true);
		tech.find("#synced:not([hidden])");
		long replayMillis = Long.parseLong(tech.find("#synced").getAttribute("data-ms"));

		assertThat(tech.text("#synced")).contains("已同步 20 项");
		for (String number : numbers) {
			assertThat(api.get("agent", "/api/v1/work-orders/" + number).text("status")).isEqualTo("COMPLETED");
		}
		System.out.println("Offline replay of 20 queued actions after reconnect: " + replayMillis + " ms");
	}

	private String ownerReports(String description) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("channel", "APP");
		body.put("category", "DOOR_WINDOW");
		body.put("description", description);
		return api.post("13800000001", "/api/v1/work-orders", body).text("number");
	}

	private JsonNode building(String code) {
		for (JsonNode building : api.get("admin", "/api/v1/projects/DEMO/buildings").body().get("items")) {
			if (building.get("code").asString().equals(code)) {
				return building;
			}
		}
		throw new IllegalStateException("No building " + code);
	}

	private static long minutes(Browser owner) {
		Matcher m = MINUTES.matcher(owner.pageText());
		return m.find() ? Long.parseLong(m.group(1)) : Long.MAX_VALUE;
	}

	private void allowPosition(Browser browser, double lat, double lng) {
		cdp(browser, "Browser.grantPermissions",
				Map.of("origin", "http://localhost:" + port, "permissions", List.of("geolocation")));
		position(browser, lat, lng);
	}

	/**
	 * The page is controlled by the service worker. Installing it caches the shell first,
	 * which takes a while on a loaded machine; a page opened before the worker was active
	 * is claimed by it, and if the browser has not done so the technician's next visit
	 * is, as on a real phone: the page is opened again once the worker is active.
	 */
	private static void controlledByTheServiceWorker(Browser browser) {
		patiently(browser,
				d -> Boolean.TRUE.equals(browser
					.script("return !!navigator.serviceWorker.controller || (window.__swReady = window.__swReady || "
							+ "navigator.serviceWorker.ready.then(function () { window.__swActive = true; }), "
							+ "window.__swActive === true)")));
		if (!Boolean.TRUE.equals(browser.script("return !!navigator.serviceWorker.controller"))) {
			browser.driver().navigate().refresh();
		}
		patiently(browser, d -> Boolean.TRUE.equals(browser.script("return !!navigator.serviceWorker.controller")));
	}

	/**
	 * As {@link Browser#waitUntil}, for up to 60 s; a timeout says what the page shows.
	 */
	private static void patiently(Browser browser,
			java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
		try {
			new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(60))
				.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
				.until(condition::apply);
		}
		catch (org.openqa.selenium.TimeoutException e) {
			throw new IllegalStateException("Waited 60 s at " + browser.driver().getCurrentUrl() + " (service worker "
					+ browser.script("return navigator.serviceWorker.controller ? 'in control' : 'not in control'")
					+ ") showing: " + browser.pageText(), e);
		}
	}

	private static void position(Browser browser, double lat, double lng) {
		cdp(browser, "Emulation.setGeolocationOverride", Map.of("latitude", lat, "longitude", lng, "accuracy", 10));
	}

	private static void network(Browser browser, boolean online) {
		cdp(browser, "Network.enable", Map.of());
		cdp(browser, "Network.emulateNetworkConditions",
				Map.of("offline", !online, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
	}

	private static void cdp(Browser browser, String command, Map<String, Object> parameters) {
		((ChromeDriver) browser.driver()).executeCdpCommand(command, parameters);
	}

	/** The owner signs with a finger: a stroke across the box. */
	private static void sign(Browser tech) {
		WebElement pad = tech.find("#signature-pad");
		new Actions(tech.driver()).moveToElement(pad, -100, 10)
			.clickAndHold()
			.moveByOffset(40, -20)
			.moveByOffset(40, 25)
			.moveByOffset(60, -15)
			.release()
			.perform();
		tech.waitUntil(d -> "true".equals(pad.getAttribute("data-signed")));
	}

}

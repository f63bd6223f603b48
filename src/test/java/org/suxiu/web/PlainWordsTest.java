package org.suxiu.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.suxiu.workorder.Requests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page of every role speaks plain words: no raw enum, boolean, list or ISO duration
 * in what a person reads (the text, open details and the values of visible fields), and
 * owners see no grade codes or trade jargon.
 */
class PlainWordsTest extends BrowserTest {

	/**
	 * What a page must never show: raw booleans, lists, ISO durations, enum constants.
	 */
	static final Pattern RAW = Pattern
		.compile("\\btrue\\b|\\bfalse\\b|\\bnull\\b|\\[\\]|\\bPT\\d+[SMH]\\b|\\bP\\d+D\\b|\\b[A-Z]{2,}_[A-Z_]+\\b"
				+ "|\\b(REGULAR|ELEVATOR|PLUMBING|HOTLINE|WORKING|APPOINTMENT|HOLIDAY|WORKDAY)\\b");

	/** What owners must not read: grade codes and the trade's own words. */
	static final Pattern OWNER_JARGON = Pattern.compile("\\bL[1-4]\\b|给排水");

	static final String READ = """
			document.querySelectorAll('details').forEach(function (d) { d.open = true; });
			var values = Array.from(document.querySelectorAll('input:not([type=hidden]):not([type=radio]):not([type=checkbox]):not([type=file])'))
			  .map(function (i) { return i.value; }).join(' ');
			return document.body.innerText + ' ' + values;""";

	@Test
	void staffPagesShowNoRawValues() {
		String lift = api.post("agent", "/api/v1/work-orders", Requests.liftTrappedByHotline()).text("number");
		String tap = api.post("agent", "/api/v1/work-orders", Requests.drippingTapByHotline()).text("number");
		api.post("dispatcher", "/api/v1/work-orders/" + tap + "/dispatch", Map.of("technicianId", "tech02"));
		String fixed = api.post("agent", "/api/v1/work-orders", Requests.drippingTapByHotline()).text("number");
		api.post("dispatcher", "/api/v1/work-orders/" + fixed + "/dispatch", Map.of("technicianId", "tech02"));
		for (String step : List.of("take", "arrive", "start")) {
			api.post("tech02", "/api/v1/work-orders/" + fixed + "/" + step, Map.of());
		}
		api.post("tech02", "/api/v1/work-orders/" + fixed + "/complete", Map.of("resolution", "更换阀芯"));
		List<String> found = new ArrayList<>();

		Browser dispatcher = desk().signIn("dispatcher");
		dispatcher.open("/dispatch");
		dispatcher.click("li[data-number='" + lift + "'] .show-proposals");
		dispatcher.waitForText("为何不是首选");
		dispatcher.find("#why-not");
		scan(dispatcher, "/dispatch", RAW, found);
		dispatcher.open("/dispatch?lang=en");
		dispatcher.click("li[data-number='" + lift + "'] .show-proposals");
		dispatcher.find("#why-not");
		scan(dispatcher, "/dispatch?lang=en", RAW, found);
		api.post("supervisor", "/api/v1/projects/DEMO/day-plan", Map.of());
		long complaint = api
			.post("agent", "/api/v1/complaints", Map.of("number", fixed, "description", "来电投诉：师傅没有清理现场"))
			.body()
			.get("id")
			.asLong();
		api.post("supervisor", "/api/v1/complaints/" + complaint + "/respond", Map.of("note", "已向业主道歉"));
		visit(desk().signIn("supervisor"),
				List.of("/dispatch", "/dispatch/day-plan", "/dispatch/day-plan?lang=en", "/settings/grab-pool",
						"/manager/what-if", "/complaints", "/complaints/" + complaint,
						"/complaints/" + complaint + "?lang=en"),
				RAW, found);
		visit(desk().signIn("agent"), List.of("/agent", "/agent?lang=en", "/agent/orders/" + lift,
				"/agent/orders/" + tap, "/agent/orders/" + fixed, "/desk", "/desk?lang=en", "/complaints?lang=en"), RAW,
				found);
		visit(phone().signIn("tech02"),
				List.of("/tech", "/tech/jobs/" + tap, "/tech/jobs/" + fixed + "/done", "/tech/pool", "/tech?lang=en"),
				RAW, found);
		visit(desk().signIn("manager"),
				List.of("/manager", "/manager/what-if", "/settings/grab-pool", "/manager/kpis",
						"/manager/kpis?groupBy=technician&lang=en", "/manager/kpis/orders?figure=completed",
						"/manager/scorecards", "/wall", "/wall?lang=en", "/search?q=" + lift.substring(0, 8),
						"/search?q=" + lift.substring(0, 8) + "&lang=en", "/rounds", "/rounds/routes/new?project=DEMO",
						"/rounds/routes/new?project=DEMO&lang=en"),
				RAW, found);
		visit(desk().signIn("admin"), List.of("/admin", "/admin/staff", "/admin/technicians", "/admin/sla",
				"/admin/triage", "/admin/sites", "/admin/prices"), RAW, found);

		assertThat(found).isEmpty();
	}

	@Test
	void ownerPagesShowPromisesNotGrades() {
		String number = api.post("13800000001", "/api/v1/work-orders", Requests.leakByOwnerApp()).text("number");
		api.post("13800000001", "/api/v1/complaints", Map.of("number", number, "description", "派的师傅还没来"));
		List<String> found = new ArrayList<>();
		Browser owner = phone().signIn("13800000001");

		visit(owner, List.of("/owner", "/owner/report", "/owner/orders/" + number), RAW, found);
		visit(owner, List.of("/owner", "/owner/orders/" + number), OWNER_JARGON, found);

		assertThat(found).isEmpty();
		assertThat(owner.open("/owner/orders/" + number).pageText()).containsPattern("前上门|内到场");
	}

	@Test
	void patternsCatchWhatTheyAreFor() {
		assertThat(RAW.matcher("班次 ON_CALL 位置已知 true 会推迟 [] 响应 PT5M").results().count()).isEqualTo(4);
		assertThat(OWNER_JARGON.matcher("给排水 · L3").results().count()).isEqualTo(2);
		assertThat(RAW.matcher("约4分钟到场，路上2分钟，手上没有工单，技能5级").find()).isFalse();
	}

	private void visit(Browser browser, List<String> pages, Pattern forbidden, List<String> found) {
		for (String page : pages) {
			browser.open(page);
			scan(browser, page, forbidden, found);
		}
	}

	static void scan(Browser browser, String page, Pattern forbidden, List<String> found) {
		Object text = browser.script(READ);
		Matcher m = forbidden.matcher(text == null ? "" : text.toString());
		while (m.find()) {
			int from = Math.max(0, m.start() - 30);
			found.add(page + ": …"
					+ text.toString()
						.substring(from, Math.min(text.toString().length(), m.end() + 30))
						.replace('\n', ' ')
					+ "…");
		}
	}

}

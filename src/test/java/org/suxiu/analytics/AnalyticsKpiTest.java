package org.suxiu.analytics;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.suxiu.Api.Response;
import org.suxiu.ClockedApplicationTest;
import org.suxiu.workorder.Requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The KPI tables against a hand-counted day: four orders reported on Monday 14 February
 * 2028 in DEMO (a day no other test uses), worked through the API on a hand-moved clock.
 *
 * <pre>
 * order  grade  took   on site  done    rating  follow-up  promises
 * A      L2     10 m   30 m     90 m    5       satisfied  all kept     (60 m on site)
 * B      L3     20 m   59 m     120 m   3       not        all kept     (61 m on site)
 * C      L3     cancelled
 * D      L1     12 m   20 m     open                       response missed (5 m)
 * </pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnalyticsKpiTest extends ClockedApplicationTest {

	static final String DAY = "2028-02-14";

	static final String PERIOD = "projectCode=DEMO&from=" + DAY + "&to=" + DAY;

	String a;

	String b;

	String c;

	String d;

	@BeforeAll
	void workTheDay() {
		api = new org.suxiu.Api(port, json);
		CLOCK.set(DAY + "T09:00:00+08:00");
		a = report(
				Requests.with(Requests.hotline("PLUMBING", "厨房水管漏水", Requests.home("1", "1", "101")), "grade", "L2"));
		b = report(
				Requests.with(Requests.hotline("PLUMBING", "卫生间下水慢", Requests.home("2", "1", "502")), "grade", "L3"));
		c = report(Requests.with(Requests.hotline("OTHER", "门口灯不亮", Requests.home("3", "1", "301")), "grade", "L3"));
		d = report(Requests.liftTrappedByHotline());
		post("dispatcher", a, "dispatch", Map.of("technicianId", "tech01"));
		post("dispatcher", b, "dispatch", Map.of("technicianId", "tech01"));
		post("dispatcher", d, "dispatch", Map.of("technicianId", "tech05"));
		at("09:05");
		post("agent", c, "cancel", Map.of("reason", "业主自己修好了"));
		at("09:10");
		post("tech01", a, "take", Map.of());
		at("09:12");
		post("tech05", d, "take", Map.of());
		at("09:20");
		post("tech01", b, "take", Map.of());
		post("tech05", d, "arrive", Map.of());
		at("09:30");
		post("tech01", a, "arrive", Map.of());
		post("tech01", a, "start", Map.of());
		at("09:59");
		post("tech01", b, "arrive", Map.of());
		post("tech01", b, "start", Map.of());
		at("10:30");
		post("tech01", a, "complete", Map.of("resolution", "换了阀门"));
		at("11:00");
		post("tech01", b, "complete", Map.of("resolution", "疏通下水"));
		at("11:30");
		post("agent", a, "accept", Map.of("rating", 5, "comment", "很好"));
		post("agent", b, "accept", Map.of("rating", 3, "comment", "一般"));
		post("agent", a, "follow-up", Map.of("satisfied", true, "note", "满意"));
		post("agent", b, "follow-up", Map.of("satisfied", false, "note", "来得慢"));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(
					() -> assertThat(total("grade").get("satisfaction").get("followedUp").asLong()).isEqualTo(2));
	}

	@Test
	@Order(1)
	void countsTheDayByHand() {
		JsonNode total = total("grade");

		assertThat(total.get("orders").asLong()).isEqualTo(4);
		assertThat(total.get("cancelled").asLong()).isEqualTo(1);
		assertThat(total.get("completed").asLong()).isEqualTo(2);
		assertThat(times(total, "response")).containsExactly(3.0, 14.0, 12.0, 20.0);
		assertThat(times(total, "arrival")).containsExactly(3.0, 36.3, 30.0, 59.0);
		// past an hour a percentile is the middle of its 5-minute bucket
		assertThat(times(total, "completion")).containsExactly(2.0, 105.0, 92.5, 122.5);
		JsonNode promises = total.get("promises");
		assertThat(promises.get("kept").asLong()).isEqualTo(2);
		assertThat(promises.get("breached").asLong()).isEqualTo(1);
		assertThat(promises.get("keptShare").asDouble()).isEqualTo(1.0);
		assertThat(promises.get("respondMissed").asLong()).isEqualTo(1);
		assertThat(promises.get("respondMet").asLong()).isEqualTo(2);
		assertThat(promises.get("arriveMet").asLong()).isEqualTo(3);
		assertThat(total.get("breachCauses").get("DISPATCH").asLong()).isEqualTo(1);
		assertThat(total.get("breachCauses").get("TRAVEL").asLong()).isZero();
		assertThat(total.get("quality").get("firstFix").asLong()).isEqualTo(2);
		assertThat(total.get("quality").get("firstFixShare").asDouble()).isEqualTo(1.0);
		assertThat(total.get("quality").get("rework").asLong()).isZero();
		JsonNode satisfaction = total.get("satisfaction");
		assertThat(satisfaction.get("rated").asLong()).isEqualTo(2);
		assertThat(satisfaction.get("meanRating").asDouble()).isEqualTo(4.0);
		assertThat(satisfaction.get("good").asLong()).isEqualTo(1);
		assertThat(satisfaction.get("satisfiedShare").asDouble()).isEqualTo(0.5);
		// on site 60 and 61 minutes
		assertThat(total.get("work").get("jobHours").asDouble()).isEqualTo(2.02);
	}

	@Test
	@Order(2)
	void splitsByGradeWithEveryGradeShown() {
		Response kpis = api.get("manager", "/api/v1/analytics/kpis?" + PERIOD + "&groupBy=grade");

		assertThat(kpis.status()).isEqualTo(200);
		assertThat(kpis.body().get("rows").valueStream().map(r -> r.get("key").asString())).containsExactly("L1", "L2",
				"L3", "L4");
		assertThat(kpis.body().get("rows").valueStream().map(r -> r.get("orders").asLong())).containsExactly(1L, 1L, 2L,
				0L);
		assertThat(kpis.body().get("rows").get(0).get("promises").get("breached").asLong()).isEqualTo(1);
	}

	@Test
	@Order(3)
	void showsEachTechniciansHoursAgainstTheirShift() {
		JsonNode tech01 = row("technician", "key", technicianId("tech01"));

		assertThat(tech01.get("completed").asLong()).isEqualTo(2);
		assertThat(tech01.get("work").get("jobHours").asDouble()).isEqualTo(2.02);
		// the demo day shift, 08:00 to 20:00
		assertThat(tech01.get("work").get("shiftHours").asDouble()).isEqualTo(12.0);
		assertThat(tech01.get("work").get("utilisation").asDouble()).isEqualTo(0.1681);
		assertThat(tech01.get("work").get("jobsPerShift").asDouble()).isEqualTo(2.0);
	}

	@Test
	@Order(4)
	void opensAFigureIntoTheOrdersBehindIt() {
		assertThat(numbers("kept")).containsExactlyInAnyOrder(a, b);
		assertThat(numbers("breached")).containsExactly(d);
		assertThat(numbers("cancelled")).containsExactly(c);
		assertThat(numbers("poorly_rated")).containsExactly(b);
		assertThat(api.get("manager", "/api/v1/analytics/orders?" + PERIOD + "&grade=L3").body().get("total").asLong())
			.isEqualTo(2);
	}

	@Test
	@Order(5)
	void comparesWithThePeriodBefore() {
		Response week = api.get("manager", "/api/v1/analytics/kpis?projectCode=DEMO&from=2028-02-21&to=2028-02-27");

		assertThat(week.body().get("previousFrom").asString()).isEqualTo("2028-02-14");
		assertThat(week.body().get("previousTo").asString()).isEqualTo("2028-02-20");
		assertThat(week.body().get("previous").get("orders").asLong()).isEqualTo(4);
		assertThat(week.body().get("total").get("orders").asLong()).isZero();
	}

	@Test
	@Order(6)
	void aRecountFromScratchGivesTheSameFigures() {
		JsonNode before = total("grade");

		assertThat(api.post("admin", "/api/v1/analytics/recount", Map.of()).status()).isEqualTo(200);

		assertThat(total("grade")).isEqualTo(before);
	}

	@Test
	@Order(7)
	void scoresEachTechniciansMonthWithTheSupervisorsRemark() {
		String tech01 = technicianId("tech01");
		String tech05 = technicianId("tech05");

		Response remarked = api.put("supervisor", "/api/v1/analytics/technicians/" + tech01 + "/remark",
				Map.of("projectCode", "DEMO", "month", "2028-02", "remark", "两单都按时，回访有一单不满意"));
		Response cards = api.get("manager", "/api/v1/analytics/technicians?projectCode=DEMO&month=2028-02");

		assertThat(remarked.status()).isEqualTo(200);
		JsonNode one = card(cards, tech01);
		assertThat(one.get("jobs").asLong()).isEqualTo(2);
		assertThat(one.get("onTimeShare").asDouble()).isEqualTo(1.0);
		assertThat(one.get("firstFixShare").asDouble()).isEqualTo(1.0);
		assertThat(one.get("meanRating").asDouble()).isEqualTo(4.0);
		assertThat(one.get("jobHours").asDouble()).isEqualTo(2.02);
		assertThat(one.get("remark").get("text").asString()).isEqualTo("两单都按时，回访有一单不满意");
		assertThat(one.get("remark").get("by").asString()).isEqualTo("supervisor");
		JsonNode five = card(cards, tech05);
		assertThat(five.get("jobs").asLong()).isZero();
		assertThat(five.get("breached").asLong()).isEqualTo(1);
		assertThat(cards.body().get("technicians").get(0).get("technicianId").asString()).isEqualTo(tech01);
		assertThat(cards.body().get("team").get("completed").asLong()).isEqualTo(2);
	}

	@Test
	void refusesRemarksByOthersEmptyOnesAndOnStrangers() {
		String tech01 = technicianId("tech01");
		String path = "/api/v1/analytics/technicians/" + tech01 + "/remark";

		assertProblem(api.put("dispatcher", path, Map.of("projectCode", "DEMO", "month", "2028-02", "remark", "好")),
				403);
		assertProblem(api.put("supervisor", path, Map.of("projectCode", "DEMO", "month", "2028-02", "remark", " ")),
				400);
		assertProblem(api.put("supervisor", path, Map.of("projectCode", "DEMO", "month", "2028-2", "remark", "好")),
				400);
		assertProblem(api.put("supervisor", "/api/v1/analytics/technicians/999999/remark",
				Map.of("projectCode", "DEMO", "month", "2028-02", "remark", "好")), 404);
		assertProblem(api.get("manager", "/api/v1/analytics/technicians?projectCode=NORTH"), 404);
	}

	@Test
	void exportsTheScorecardsToExcel() throws Exception {
		var download = api.download("manager", "/api/v1/analytics/technicians.xlsx?projectCode=DEMO&month=2028-02");

		assertThat(download.statusCode()).isEqualTo(200);
		try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
				new java.io.ByteArrayInputStream(download.body()))) {
			var sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("维修工");
			assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("按时率");
			assertThat(sheet.getRow(sheet.getLastRowNum()).getCell(0).getStringCellValue()).isEqualTo("全队");
			assertThat(sheet.getRow(sheet.getLastRowNum()).getCell(1).getNumericCellValue()).isEqualTo(2.0);
		}
	}

	@Test
	void exportsTheOrdersBehindAFigureToExcel() throws Exception {
		var download = api.download("manager", "/api/v1/analytics/orders.xlsx?" + PERIOD + "&figure=kept");

		try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
				new java.io.ByteArrayInputStream(download.body()))) {
			var sheet = workbook.getSheetAt(0);
			assertThat(sheet.getLastRowNum()).isEqualTo(2);
			assertThat(List.of(sheet.getRow(1).getCell(0).getStringCellValue(),
					sheet.getRow(2).getCell(0).getStringCellValue()))
				.containsExactlyInAnyOrder(a, b);
			assertThat(sheet.getRow(0).getCell(7).getStringCellValue()).isEqualTo("响应用时（分钟）");
		}
	}

	@Test
	void exportsTheOrderListWithItsFiltersAndMaskedPhones() throws Exception {
		long listed = api.get("manager", "/api/v1/work-orders?projectCode=DEMO&status=CANCELLED&size=1")
			.body()
			.get("total")
			.asLong();

		var download = api.download("manager", "/api/v1/work-orders/export.xlsx?projectCode=DEMO&status=CANCELLED");

		assertThat(download.statusCode()).isEqualTo(200);
		try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
				new java.io.ByteArrayInputStream(download.body()))) {
			var sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("工单号");
			assertThat(sheet.getLastRowNum()).isEqualTo((int) listed);
			List<String> numbers = new java.util.ArrayList<>();
			for (var row : sheet) {
				if (row.getRowNum() > 0) {
					numbers.add(row.getCell(0).getStringCellValue());
					assertThat(row.getCell(2).getStringCellValue()).isEqualTo("已取消");
					assertThat(row.getCell(9).getStringCellValue()).contains("****");
				}
			}
			assertThat(numbers).contains(c);
		}
		assertProblem(api.get("tech01", "/api/v1/work-orders/export.xlsx"), 403);
		assertProblem(api.get("manager", "/api/v1/work-orders/export.xlsx?projectCode=NORTH"), 404);
	}

	@Test
	@Order(8)
	void rendersTheMonthlyReportWithItsFiguresInChinese() throws Exception {
		var download = api.download("manager", "/api/v1/projects/DEMO/reports/2028-02.pdf?regenerate=true");

		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
		try (var document = org.apache.pdfbox.Loader.loadPDF(download.body())) {
			// copied out as written: 月, not its Kangxi radical look-alike ⽉
			String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
			assertThat(text.codePoints().filter(c -> c >= 0x2E80 && c <= 0x2FDF)).isEmpty();
			assertThat(text).contains("示范花园 2028年2月 维修服务月报")
				.contains("核心指标")
				.containsPattern("工单数\\s+4\\s+0\\s+\\+4")
				.containsPattern("按时完成率\\s+100\\.0%")
				.containsPattern("平均响应用时（分钟）\\s+14\\.0")
				.containsPattern("平均评分（星）\\s+4\\.0")
				.containsPattern("等待派工接单\\s+1")
				.contains("给排水")
				.contains("重复报修地点");
			java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
			javax.imageio.ImageIO.write(new org.apache.pdfbox.rendering.PDFRenderer(document).renderImageWithDPI(0, 80),
					"png", java.nio.file.Path.of("target", "screenshots", "monthly-report.png").toFile());
			var fonts = document.getPage(0).getResources().getFontNames();
			assertThat(fonts).isNotEmpty();
			assertThat(document.getPage(0).getResources().getFont(fonts.iterator().next()).isEmbedded()).isTrue();
		}
	}

	@Test
	void refusesReportsOfMonthsToComeAndOfOtherCompanies() {
		assertProblem(api.get("manager", "/api/v1/projects/DEMO/reports/2099-01.pdf"), 400);
		assertProblem(api.get("manager", "/api/v1/projects/NORTH/reports/2028-01.pdf"), 404);
		assertProblem(api.get("dispatcher", "/api/v1/projects/DEMO/reports/2028-01.pdf"), 403);
		assertProblem(api.get("manager", "/api/v1/projects/DEMO/reports/2028-13.pdf"), 400);
	}

	@Test
	void refusesReversedOrTooLongPeriodsAndUnknownInput() {
		assertProblem(api.get("manager", "/api/v1/analytics/kpis?projectCode=DEMO&from=2028-02-14&to=2028-02-13"), 400);
		assertProblem(api.get("manager", "/api/v1/analytics/kpis?projectCode=DEMO&from=2020-01-01&to=2026-01-01"), 400);
		assertProblem(api.get("manager", "/api/v1/analytics/kpis?projectCode=DEMO&from=yesterday"), 400);
		assertProblem(api.get("manager", "/api/v1/analytics/kpis?projectCode=DEMO&groupBy=colour"), 400);
		assertProblem(api.get("manager", "/api/v1/analytics/kpis"), 400);
		assertProblem(api.get("manager", "/api/v1/analytics/orders?projectCode=DEMO&figure=luck"), 400);
	}

	@Test
	void anotherCompanysOrAnUnknownProjectIsNotFound() {
		assertProblem(api.get("manager", "/api/v1/analytics/kpis?projectCode=NORTH"), 404);
		assertProblem(api.get("manager", "/api/v1/analytics/kpis?projectCode=NOPE"), 404);
		assertProblem(api.get("manager", "/api/v1/analytics/orders?projectCode=NORTH"), 404);
	}

	@Test
	void isForManagersAdministratorsAndSupervisors() {
		assertThat(api.get("admin", "/api/v1/analytics/kpis?projectCode=DEMO").status()).isEqualTo(200);
		assertThat(api.get("supervisor", "/api/v1/analytics/kpis?projectCode=DEMO").status()).isEqualTo(200);
		assertProblem(api.get("dispatcher", "/api/v1/analytics/kpis?projectCode=DEMO"), 403);
		assertProblem(api.get("tech01", "/api/v1/analytics/kpis?projectCode=DEMO"), 403);
		assertProblem(api.get("manager", "/api/v1/analytics/recount"), 405);
		assertProblem(api.post("manager", "/api/v1/analytics/recount", Map.of()), 403);
	}

	private static void assertProblem(Response response, int status) {
		assertThat(response.status()).isEqualTo(status);
		assertThat(response.isProblem()).isTrue();
	}

	private JsonNode total(String groupBy) {
		return api.get("manager", "/api/v1/analytics/kpis?" + PERIOD + "&groupBy=" + groupBy).body().get("total");
	}

	private JsonNode row(String groupBy, String field, String value) {
		return api.get("manager", "/api/v1/analytics/kpis?" + PERIOD + "&groupBy=" + groupBy)
			.body()
			.get("rows")
			.valueStream()
			.filter(r -> value.equals(r.get(field).asString()))
			.findFirst()
			.orElseThrow();
	}

	private static JsonNode card(Response cards, String technicianId) {
		return cards.body()
			.get("technicians")
			.valueStream()
			.filter(c -> c.get("technicianId").asString().equals(technicianId))
			.findFirst()
			.orElseThrow();
	}

	private String technicianId(String username) {
		return api.get("dispatcher", "/api/v1/technicians?projectCode=DEMO")
			.body()
			.valueStream()
			.filter(t -> username.equals(t.get("username").asString()))
			.map(t -> t.get("id").asString())
			.findFirst()
			.orElseThrow();
	}

	private List<String> numbers(String figure) {
		return api.get("manager", "/api/v1/analytics/orders?" + PERIOD + "&figure=" + figure)
			.body()
			.get("items")
			.valueStream()
			.map(o -> o.get("number").asString())
			.toList();
	}

	private static List<Double> times(JsonNode row, String which) {
		JsonNode t = row.get(which);
		return List.of(t.get("count").asDouble(), t.get("mean").asDouble(), t.get("p50").asDouble(),
				t.get("p90").asDouble());
	}

	private String report(Map<String, Object> body) {
		Response created = api.post("agent", "/api/v1/work-orders", body);
		assertThat(created.status()).isEqualTo(201);
		return created.text("number");
	}

	private void post(String who, String number, String action, Map<String, Object> body) {
		Response response = api.post(who, "/api/v1/work-orders/" + number + "/" + action, body);
		assertThat(response.status()).as(action + " " + number + ": " + response.body()).isEqualTo(200);
	}

	private static void at(String time) {
		CLOCK.set(DAY + "T" + time + ":00+08:00");
	}

}

package org.suxiu.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.suxiu.workorder.Requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The manager's KPI page: a figure opens into the orders behind it, and those export to
 * an Excel workbook with the same rows.
 */
class KpiPagesTest extends BrowserTest {

	@Test
	void drillsIntoTheOnTimeFigureAndExportsItsOrders() throws IOException {
		String number = api.post("agent", "/api/v1/work-orders", Requests.drippingTapByHotline()).text("number");
		api.post("dispatcher", "/api/v1/work-orders/" + number + "/dispatch", Map.of("technicianId", "tech03"));
		for (String step : List.of("take", "arrive", "start")) {
			api.post("tech03", "/api/v1/work-orders/" + number + "/" + step, Map.of());
		}
		api.post("tech03", "/api/v1/work-orders/" + number + "/complete", Map.of("resolution", "更换阀芯"));
		String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
		String page = "/manager/kpis?project=DEMO&from=" + today + "&to=" + today + "&groupBy=grade";
		await().atMost(Duration.ofSeconds(30))
			.until(() -> api
				.get("manager",
						"/api/v1/analytics/orders?projectCode=DEMO&from=" + today + "&to=" + today
								+ "&figure=kept&size=200")
				.body()
				.get("items")
				.valueStream()
				.anyMatch(o -> o.get("number").asString().equals(number)));
		Browser manager = desk().signIn("manager");

		manager.open("/manager/kpis?project=DEMO&from=" + LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(29)
				+ "&to=" + today + "&groupBy=category");
		manager.waitUntil(d -> Boolean.TRUE.equals(manager.script("return window.Chart !== undefined")));
		manager.screenshot("kpi-dashboard");
		manager.open(page);
		long kept = Long.parseLong(manager.text("#total-kept"));
		manager.click("#total-kept");
		manager.waitUntil(d -> d.getCurrentUrl().contains("/manager/kpis/orders"));

		assertThat(manager.pageText()).contains("按时完成的工单").contains(number);
		assertThat(manager.text("main p")).contains("共 " + kept + " 单");
		String export = manager.find("#export-orders").getDomAttribute("href");
		HttpResponse<byte[]> download = new PageClient(port).signIn("manager").bytes(export);
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download.body()))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("工单号");
			assertThat(sheet.getRow(0).getCell(10).getStringCellValue()).isEqualTo("按时完成");
			List<String> numbers = new ArrayList<>();
			for (Row row : sheet) {
				if (row.getRowNum() > 0) {
					numbers.add(row.getCell(0).getStringCellValue());
					assertThat(row.getCell(10).getStringCellValue()).isEqualTo("是");
				}
			}
			assertThat(numbers).hasSize((int) kept).contains(number);
		}
	}

	@Test
	void splitsByTechnicianAndExportsTheTable() throws IOException {
		Browser manager = desk().signIn("manager");

		manager.open("/manager/kpis?groupBy=technician");

		assertThat(manager.has("#kpi-table")).isTrue();
		assertThat(manager.pageText()).contains("工时利用率");
		HttpResponse<byte[]> table = new PageClient(port).signIn("manager")
			.bytes(manager.find("#export-kpis").getDomAttribute("href"));
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(table.body()))) {
			assertThat(workbook.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).isEqualTo("分组");
			assertThat(workbook.getSheetAt(0).getLastRowNum()).isGreaterThan(3);
		}
	}

	@Test
	void thePageLinksItsScriptsByVersionAndItsFiguresAsWritten() {
		String page = new PageClient(port).signIn("manager").get("/manager/kpis?project=DEMO&groupBy=day").body();
		// the version-free web-jar links resolved to what the jars serve ...
		assertThat(page).containsPattern("/webjars/htmx\\.org/\\d+\\.\\d+\\.\\d+/dist/htmx\\.min\\.js")
			.containsPattern("/webjars/chart\\.js/\\d+\\.\\d+\\.\\d+/dist/chart\\.umd\\.min\\.js")
			.doesNotContain("/webjars/htmx.org/dist/");
		// ... and the drill links untouched
		assertThat(page).contains("href=\"/manager/kpis/orders?project=DEMO&amp;from=");
	}

	@Test
	void aManagerOpensLastMonthsReportFromThePageAndTheEmailsLinkLeadsThere() throws IOException {
		PageClient manager = new PageClient(port).signIn("manager");
		String page = manager.get("/manager/kpis?project=DEMO").body();
		java.time.YearMonth last = java.time.YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(1);
		assertThat(page).contains("id=\"monthly-report\"").contains("value=\"" + last + "\"");

		HttpResponse<byte[]> pdf = manager.bytes("/manager/kpis/report.pdf?project=DEMO&month=" + last);
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
		assertThat(pdf.headers().firstValue("Content-Disposition").orElse("")).startsWith("inline");
		try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
			String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
			assertThat(text).contains(last.getYear() + "年" + last.getMonthValue() + "月 维修服务月报");
		}
		HttpResponse<byte[]> again = manager
			.bytes("/manager/kpis/report.pdf?project=DEMO&month=" + last + "&regenerate=true");
		assertThat(again.statusCode()).isEqualTo(200);

		// a month that is none, or has not begun: back to the page with the reason (as
		// every page refusal)
		for (String month : List.of("2026-13", "2999-01")) {
			HttpResponse<byte[]> refused = manager.bytes("/manager/kpis/report.pdf?project=DEMO&month=" + month);
			assertThat(refused.statusCode()).isEqualTo(302);
			assertThat(refused.headers().firstValue("Content-Type").orElse("")).doesNotContain("pdf");
		}
		// another company's project, or one that does not exist: nothing, not another
		// project's report
		assertThat(manager.bytes("/manager/kpis/report.pdf?project=NORTH&month=" + last).statusCode()).isEqualTo(404);
		assertThat(manager.bytes("/manager/kpis/report.pdf?project=NOPE&month=" + last).statusCode()).isEqualTo(404);
		// the same for the figures page and its workbook: never the first project's
		// figures under another project's code
		assertThat(manager.bytes("/manager/kpis?project=NORTH").statusCode()).isEqualTo(404);
		assertThat(manager.bytes("/manager/kpis/table.xlsx?project=NOPE").statusCode()).isEqualTo(404);
		assertThat(manager.bytes("/manager/kpis?project=").statusCode()).isEqualTo(200);
		assertThat(
				new PageClient(port).signIn("dispatcher").bytes("/manager/kpis/report.pdf?project=DEMO").statusCode())
			.isEqualTo(403);
	}

	@Test
	void aSupervisorWritesARemarkOnATechniciansMonth() {
		PageClient supervisor = new PageClient(port).signIn("supervisor");
		String page = supervisor.get("/manager/scorecards").body();
		java.util.regex.Matcher technician = java.util.regex.Pattern.compile("name=\"technician\" value=\"(\\d+)\"")
			.matcher(page);
		assertThat(technician.find()).isTrue();
		String month = java.time.YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();

		HttpResponse<String> saved = supervisor.submit("/manager/scorecards", "/manager/scorecards/remark",
				Map.of("project", "DEMO", "month", month, "technician", technician.group(1), "remark", "本月表现稳定"));

		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(supervisor.get("/manager/scorecards").body()).contains("本月表现稳定（supervisor）");
		assertThat(new PageClient(port).signIn("dispatcher").get("/manager/scorecards").statusCode()).isEqualTo(403);
	}

	@Test
	void isForManagersAndAdministrators() {
		assertThat(new PageClient(port).signIn("admin").get("/manager/kpis").statusCode()).isEqualTo(200);
		assertThat(new PageClient(port).signIn("dispatcher").get("/manager/kpis").statusCode()).isEqualTo(403);
		assertThat(
				new PageClient(port).signIn("manager").get("/manager/kpis?from=2026-02-01&to=2026-01-01").statusCode())
			.isEqualTo(400);
	}

}

package org.suxiu.analytics.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.suxiu.analytics.BreachCause;
import org.suxiu.analytics.KpiReport;
import org.suxiu.analytics.KpiRow;

/**
 * Lays the monthly report (月报) out as XHTML and renders it to PDF with openhtmltopdf,
 * embedding the part of Noto Sans SC (SIL Open Font License, shipped in the
 * {@code ph-fonts-noto-sans-sc} jar) that the text uses: nothing is fetched at run time.
 */
@Component
class ReportPdf {

	static final String FONT = "fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf";

	static final String BOLD = "fonts/ttf/NotoSansSC/NotoSansSC-Bold.ttf";

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final MessageSource messages;

	ReportPdf(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * What one report shows.
	 *
	 * @param projectName project
	 * @param month the month
	 * @param month the month's figures by category, with its total and last month's
	 * @param days the month's figures day by day
	 * @param technicians the month's figures by technician
	 * @param hotspots places with repeated faults
	 * @param generatedAt when
	 */
	record Content(String projectName, YearMonth month, KpiReport categories, KpiReport days, KpiReport technicians,
			List<Hotspots.Hotspot> hotspots, ZonedDateTime generatedAt) {
	}

	byte[] render(Content content) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.useFont(() -> font(FONT), "Noto Sans SC", 400, BaseRendererBuilder.FontStyle.NORMAL, true);
			builder.useFont(() -> font(BOLD), "Noto Sans SC", 700, BaseRendererBuilder.FontStyle.NORMAL, true);
			builder.withHtmlContent(html(content), null);
			builder.toStream(out);
			builder.run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return PlainToUnicode.apply(out.toByteArray());
	}

	private static InputStream font(String path) {
		InputStream in = ReportPdf.class.getClassLoader().getResourceAsStream(path);
		if (in == null) {
			throw new IllegalStateException("The report font " + path + " is not on the class path");
		}
		return in;
	}

	String html(Content c) {
		KpiRow now = c.categories().total();
		KpiRow before = c.categories().previous();
		StringBuilder h = new StringBuilder(
				"""
						<!DOCTYPE html>
						<html xmlns="http://www.w3.org/1999/xhtml" lang="zh-CN"><head><meta charset="UTF-8"/><style>
						@page { size: A4; margin: 16mm 14mm; @bottom-center { content: counter(page) " / " counter(pages); font-family: 'Noto Sans SC'; font-size: 8pt; color: #666; } }
						body { font-family: 'Noto Sans SC'; font-size: 10pt; color: #222; }
						h1 { font-size: 18pt; margin: 0 0 2mm; color: #0d47a1; }
						h2 { font-size: 12pt; margin: 6mm 0 2mm; border-bottom: 1px solid #90a4ae; color: #0d47a1; }
						table { width: 100%; border-collapse: collapse; }
						th, td { border: 1px solid #cfd8dc; padding: 1.2mm 2mm; text-align: left; }
						th { background: #eceff1; font-weight: 700; }
						td.n { text-align: right; }
						.muted { color: #666; font-size: 8.5pt; }
						.chart { height: 36mm; border-bottom: 1px solid #90a4ae; }
						.bar { display: inline-block; width: 4.4mm; margin-right: 0.9mm; background: #1565c0; vertical-align: bottom; }
						</style></head><body>
						""");
		h.append("<h1>")
			.append(e(c.projectName()))
			.append(' ')
			.append(c.month().getYear())
			.append("年")
			.append(c.month().getMonthValue())
			.append("月 维修服务月报</h1>");
		h.append("<p class=\"muted\">统计期间 ")
			.append(c.categories().from())
			.append(" 至 ")
			.append(c.categories().to())
			.append("，与上月（")
			.append(c.categories().previousFrom())
			.append(" 至 ")
			.append(c.categories().previousTo())
			.append("）比较；生成于 ")
			.append(STAMP.format(c.generatedAt()))
			.append("</p>");
		h.append("<h2>核心指标</h2><table><tr><th>指标</th><th>本月</th><th>上月</th><th>变化</th></tr>");
		row(h, "工单数", now.orders(), before.orders());
		row(h, "已完工", now.completed(), before.completed());
		row(h, "超时工单", now.promises().breached(), before.promises().breached());
		share(h, "按时完成率", now.promises().keptShare(), before.promises().keptShare());
		minutes(h, "平均响应用时（分钟）", now.response().mean(), before.response().mean());
		minutes(h, "平均到场用时（分钟）", now.arrival().mean(), before.arrival().mean());
		minutes(h, "平均完工用时（分钟）", now.completion().mean(), before.completion().mean());
		minutes(h, "九成完工在（分钟）", now.completion().p90(), before.completion().p90());
		share(h, "首次修复率", now.quality().firstFixShare(), before.quality().firstFixShare());
		row(h, "返修工单", now.quality().rework(), before.quality().rework());
		minutes(h, "平均评分（星）", now.satisfaction().meanRating(), before.satisfaction().meanRating());
		share(h, "回访满意率", now.satisfaction().satisfiedShare(), before.satisfaction().satisfiedShare());
		row(h, "投诉", now.satisfaction().complaints(), before.satisfaction().complaints());
		minutes(h, "每千户投诉", now.satisfaction().complaintsPerThousandHomes(),
				before.satisfaction().complaintsPerThousandHomes());
		row(h, "疑似返修待确认", now.quality().probableRework(), before.quality().probableRework());
		h.append("<tr><td>收款（元）</td><td class=\"n\">")
			.append(yuan(now.charges().paidFen()))
			.append("</td><td class=\"n\">")
			.append(yuan(before.charges().paidFen()))
			.append("</td><td></td></tr>");
		h.append("</table>");
		chart(h, c.days());
		categories(h, c.categories());
		hotspots(h, c.hotspots());
		causes(h, now);
		technicians(h, c.technicians());
		h.append("<p class=\"muted\">用时从报修算起；中位数与九成用时来自分钟直方图，一小时内精确到分钟。数据来源：速修 SuXiu。</p>");
		return h.append("</body></html>").toString();
	}

	private static void chart(StringBuilder h, KpiReport days) {
		long max = days.rows().stream().mapToLong(KpiRow::orders).max().orElse(0);
		h.append("<h2>每日工单</h2><div class=\"chart\">");
		for (KpiRow day : days.rows()) {
			long height = max == 0 ? 0 : Math.max(day.orders() == 0 ? 0 : 1, Math.round(day.orders() * 34.0 / max));
			h.append("<div class=\"bar\" style=\"height: ").append(height).append("mm\"></div>");
		}
		h.append("</div><p class=\"muted\">每日报修量，最多的一天 ").append(max).append(" 单。</p>");
	}

	private void categories(StringBuilder h, KpiReport report) {
		h.append(
				"<h2>故障类别（按工单数）</h2><table><tr><th>类别</th><th>工单数</th><th>占比</th><th>按时完成率</th><th>平均完工（分钟）</th></tr>");
		long total = Math.max(1, report.total().orders());
		report.rows()
			.stream()
			.filter(r -> r.orders() > 0)
			.sorted(Comparator.comparingLong(KpiRow::orders).reversed())
			.forEach(r -> h.append("<tr><td>")
				.append(e(word("category." + r.key())))
				.append("</td><td class=\"n\">")
				.append(r.orders())
				.append("</td><td class=\"n\">")
				.append(percent(r.orders() / (double) total))
				.append("</td><td class=\"n\">")
				.append(percent(r.promises().keptShare()))
				.append("</td><td class=\"n\">")
				.append(number(r.completion().mean()))
				.append("</td></tr>"));
		h.append("</table>");
	}

	private void hotspots(StringBuilder h, List<Hotspots.Hotspot> hotspots) {
		h.append("<h2>重复报修地点</h2>");
		if (hotspots.isEmpty()) {
			h.append("<p>本月没有同一地点报修两次及以上。</p>");
			return;
		}
		h.append("<table><tr><th>地点</th><th>工单数</th><th>类别</th></tr>");
		for (Hotspots.Hotspot spot : hotspots) {
			h.append("<tr><td>")
				.append(e(spot.place()))
				.append("</td><td class=\"n\">")
				.append(spot.orders())
				.append("</td><td>")
				.append(e(String.join("、", spot.categories().stream().map(k -> word("category." + k)).toList())))
				.append("</td></tr>");
		}
		h.append("</table>");
	}

	private void causes(StringBuilder h, KpiRow now) {
		h.append("<h2>超时原因</h2>");
		if (now.promises().breached() == 0) {
			h.append("<p>本月没有超时工单。</p>");
			return;
		}
		h.append("<table><tr><th>原因</th><th>工单数</th></tr>");
		for (Map.Entry<BreachCause, Long> cause : now.breachCauses().entrySet()) {
			if (cause.getValue() > 0) {
				h.append("<tr><td>")
					.append(e(word("analytics.cause." + cause.getKey().name())))
					.append("</td><td class=\"n\">")
					.append(cause.getValue())
					.append("</td></tr>");
			}
		}
		h.append("</table>");
	}

	private static void technicians(StringBuilder h, KpiReport report) {
		h.append(
				"<h2>维修工</h2><table><tr><th>维修工</th><th>完工</th><th>按时完成率</th><th>首次修复率</th><th>平均评分</th><th>维修工时（小时）</th></tr>");
		report.rows()
			.stream()
			.filter(r -> r.orders() > 0)
			.forEach(r -> h.append("<tr><td>")
				.append(e(r.name() == null ? r.key() : r.name()))
				.append("</td><td class=\"n\">")
				.append(r.completed())
				.append("</td><td class=\"n\">")
				.append(percent(r.promises().keptShare()))
				.append("</td><td class=\"n\">")
				.append(percent(r.quality().firstFixShare()))
				.append("</td><td class=\"n\">")
				.append(number(r.satisfaction().meanRating()))
				.append("</td><td class=\"n\">")
				.append(r.work().jobHours())
				.append("</td></tr>"));
		h.append("</table>");
	}

	private static void row(StringBuilder h, String label, long now, long before) {
		long change = now - before;
		h.append("<tr><td>")
			.append(label)
			.append("</td><td class=\"n\">")
			.append(now)
			.append("</td><td class=\"n\">")
			.append(before)
			.append("</td><td class=\"n\">")
			.append(change > 0 ? "+" + change : String.valueOf(change))
			.append("</td></tr>");
	}

	private static void share(StringBuilder h, String label, Double now, Double before) {
		h.append("<tr><td>")
			.append(label)
			.append("</td><td class=\"n\">")
			.append(percent(now))
			.append("</td><td class=\"n\">")
			.append(percent(before))
			.append("</td><td class=\"n\">")
			.append(now == null || before == null ? "—"
					: String.format(Locale.ROOT, "%+.1f 个百分点", (now - before) * 100))
			.append("</td></tr>");
	}

	private static void minutes(StringBuilder h, String label, Double now, Double before) {
		h.append("<tr><td>")
			.append(label)
			.append("</td><td class=\"n\">")
			.append(number(now))
			.append("</td><td class=\"n\">")
			.append(number(before))
			.append("</td><td class=\"n\">")
			.append(now == null || before == null ? "—" : String.format(Locale.ROOT, "%+.1f", now - before))
			.append("</td></tr>");
	}

	private static String percent(Double share) {
		return share == null ? "—" : String.format(Locale.ROOT, "%.1f%%", share * 100);
	}

	private static String number(Double value) {
		return value == null ? "—" : String.format(Locale.ROOT, "%.1f", value);
	}

	private static String yuan(long fen) {
		return String.format(Locale.ROOT, "%.2f", fen / 100.0);
	}

	private String word(String key) {
		return messages.getMessage(key, null, key, Locale.SIMPLIFIED_CHINESE);
	}

	private static String e(String text) {
		return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
	}

}

package org.suxiu.analytics;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.suxiu.shared.Actor;
import org.suxiu.shared.Grade;
import org.suxiu.shared.PhoneNumber;
import org.suxiu.shared.SuxiuProperties;
import org.suxiu.workorder.Status;
import org.suxiu.workorder.WorkOrders;

/**
 * Excel workbooks of the figures, headed in Chinese: the orders behind a figure (streamed
 * through Apache POI's SXSSF, a hundred rows in memory whatever the number) and a KPI
 * table. Every cell is a number or plain text, never a formula.
 */
@Component
public class ExcelExports {

	/** Rows SXSSF keeps in memory before flushing them to its temporary file. */
	static final int WINDOW = 100;

	/** The most rows one sheet of an export holds (Excel's limit is 1,048,576). */
	public static final int MAX_ROWS = 1_000_000;

	private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final Analytics analytics;

	private final WorkOrders orders;

	private final MessageSource messages;

	private final ZoneId zone;

	ExcelExports(Analytics analytics, WorkOrders orders, MessageSource messages, SuxiuProperties properties) {
		this.analytics = analytics;
		this.orders = orders;
		this.messages = messages;
		this.zone = properties.zone();
	}

	/** Writes the orders behind a figure; the first {@value #MAX_ROWS} of them. */
	public void orders(Actor actor, DrillDown drill, OutputStream out) {
		write(out, workbook -> {
			SXSSFSheet sheet = workbook.createSheet("工单");
			CellStyle bold = bold(workbook);
			header(sheet, bold, List.of("工单号", "报修时间", "等级", "类别", "渠道", "状态", "维修工", "响应用时（分钟）", "到场用时（分钟）",
					"完工用时（分钟）", "按时完成", "超时", "超时原因", "评分"));
			int[] next = { 1 };
			analytics.forEachOrder(actor, drill, line -> {
				if (next[0] > MAX_ROWS) {
					return;
				}
				Row row = sheet.createRow(next[0]++);
				List<Object> values = new ArrayList<>();
				values.add(line.number());
				values.add(AT.format(line.reportedAt().atZone(zone)));
				values.add(line.grade() + " " + word("grade." + line.grade()));
				values.add(word("category." + line.category()));
				values.add(word("channel." + line.channel()));
				values.add(word("status." + line.status()));
				values.add(line.technicianName());
				values.add(line.responseMinutes());
				values.add(line.arrivalMinutes());
				values.add(line.completionMinutes());
				values.add(line.kept() ? "是" : "否");
				values.add(line.breached() ? "是" : "否");
				values.add(line.cause() == null ? null : word("analytics.cause." + line.cause()));
				values.add(line.rating());
				fill(row, values);
			});
		});
	}

	/**
	 * Writes the orders of the work-order list for these filters (as {@code GET
	 * /api/v1/work-orders} gives them to the person), the first {@value #MAX_ROWS}, read
	 * from a database cursor; phone numbers masked.
	 */
	public void workOrders(Actor actor, List<Status> statuses, Grade grade, Long projectId, Long assigneeId,
			OutputStream out) {
		write(out, workbook -> {
			SXSSFSheet sheet = workbook.createSheet("工单");
			header(sheet, bold(workbook), List.of("工单号", "报修时间", "状态", "等级", "类别", "渠道", "位置", "故障描述", "报修人", "报修电话",
					"维修工", "承诺到场", "承诺完工", "评分", "回访满意"));
			int[] next = { 1 };
			orders.forEachListed(actor, statuses, grade, projectId, assigneeId, order -> {
				if (next[0] > MAX_ROWS) {
					return;
				}
				List<Object> values = new ArrayList<>();
				values.add(order.number());
				values.add(order.reportedAt() == null ? null : AT.format(order.reportedAt().atZoneSameInstant(zone)));
				values.add(word("status." + order.status()));
				values.add(order.grade() + " " + word("grade." + order.grade()));
				values.add(word("category." + order.category()));
				values.add(word("channel." + order.channel()));
				values.add(order.location() == null ? null : order.location().label());
				values.add(order.description());
				values.add(order.reporter() == null ? null : order.reporter().name());
				values.add(order.reporter() == null ? null : PhoneNumber.mask(order.reporter().phone()));
				values.add(order.assignee() == null ? null : order.assignee().name());
				values.add(order.deadlines() == null || order.deadlines().arriveBy() == null ? null
						: AT.format(order.deadlines().arriveBy().atZoneSameInstant(zone)));
				values.add(order.deadlines() == null || order.deadlines().completeBy() == null ? null
						: AT.format(order.deadlines().completeBy().atZoneSameInstant(zone)));
				values.add(order.rating());
				values.add(order.satisfied() == null ? null : order.satisfied() ? "满意" : "不满意");
				fill(sheet.createRow(next[0]++), values);
			});
		});
	}

	/** Writes a KPI table, its total and the period before. */
	public void kpis(KpiReport report, OutputStream out) {
		write(out, workbook -> {
			SXSSFSheet sheet = workbook.createSheet("指标");
			CellStyle bold = bold(workbook);
			Row title = sheet.createRow(0);
			title.createCell(0)
				.setCellValue(report.projectName() + " " + report.from() + " 至 " + report.to() + "（上期 "
						+ report.previousFrom() + " 至 " + report.previousTo() + "）");
			List<String> headers = List.of("分组", "工单数", "已取消", "已完工", "平均响应（分钟）", "响应中位数", "响应90分位", "平均到场（分钟）",
					"到场中位数", "到场90分位", "平均完工（分钟）", "完工中位数", "完工90分位", "按时完成", "超时工单", "按时完成率", "首次修复", "首次修复率", "返修工单",
					"评分次数", "平均评分", "回访", "回访满意率", "收款（元）", "维修工时（小时）", "排班工时（小时）", "工时利用率", "每班完工", "疑似返修待确认", "投诉",
					"每千户投诉");
			header(sheet, 1, bold, headers);
			int r = 2;
			for (KpiRow row : report.rows()) {
				fill(sheet.createRow(r++), values(label(report.groupBy(), row), row));
			}
			fill(sheet.createRow(r++), values("合计", report.total()));
			fill(sheet.createRow(r), values("上期合计", report.previous()));
		});
	}

	/** Writes the technicians' scorecards of a month and the team's figures. */
	public void scorecards(Scorecards cards, OutputStream out) {
		write(out, workbook -> {
			SXSSFSheet sheet = workbook.createSheet("考核");
			CellStyle bold = bold(workbook);
			sheet.createRow(0).createCell(0).setCellValue(cards.projectCode() + " " + cards.month() + " 维修工考核");
			List<String> headers = List.of("维修工", "完工", "按时率", "首次修复率", "平均评分", "评分次数", "超时工单", "投诉", "维修工时（小时）",
					"工时利用率", "每班完工", "主管评语", "评语人");
			header(sheet, 1, bold, headers);
			int r = 2;
			for (Scorecards.Card card : cards.technicians()) {
				List<Object> values = new ArrayList<>();
				values.add(card.name());
				values.add(card.jobs());
				values.add(card.onTimeShare());
				values.add(card.firstFixShare());
				values.add(card.meanRating());
				values.add(card.rated());
				values.add(card.breached());
				values.add(card.complaints());
				values.add(card.jobHours());
				values.add(card.utilisation());
				values.add(card.jobsPerShift());
				values.add(card.remark() == null ? null : card.remark().text());
				values.add(card.remark() == null ? null : card.remark().by());
				fill(sheet.createRow(r++), values);
			}
			KpiRow team = cards.team();
			fill(sheet.createRow(r),
					List.of("全队", team.completed(), orNothing(team.promises().keptShare()),
							orNothing(team.quality().firstFixShare()), orNothing(team.satisfaction().meanRating()),
							team.satisfaction().rated(), team.promises().breached(), team.satisfaction().complaints(),
							team.work().jobHours()));
		});
	}

	private static Object orNothing(Double value) {
		return value == null ? "" : value;
	}

	/** The words of a row's key for a reader. */
	public String label(GroupBy groupBy, KpiRow row) {
		return switch (groupBy) {
			case GRADE -> row.key() + " " + word("grade." + row.key());
			case CATEGORY -> word("category." + row.key());
			case CHANNEL -> word("channel." + row.key());
			case TECHNICIAN -> row.name() == null ? row.key() : row.name();
			default -> row.key();
		};
	}

	private static List<Object> values(String label, KpiRow row) {
		List<Object> values = new ArrayList<>();
		values.add(label);
		values.add(row.orders());
		values.add(row.cancelled());
		values.add(row.completed());
		for (KpiRow.Times t : List.of(row.response(), row.arrival(), row.completion())) {
			values.add(t.mean());
			values.add(t.p50());
			values.add(t.p90());
		}
		values.add(row.promises().kept());
		values.add(row.promises().breached());
		values.add(row.promises().keptShare());
		values.add(row.quality().firstFix());
		values.add(row.quality().firstFixShare());
		values.add(row.quality().reworked());
		values.add(row.satisfaction().rated());
		values.add(row.satisfaction().meanRating());
		values.add(row.satisfaction().followedUp());
		values.add(row.satisfaction().satisfiedShare());
		values.add(row.charges().paidFen() / 100.0);
		values.add(row.work().jobHours());
		values.add(row.work().shiftHours());
		values.add(row.work().utilisation());
		values.add(row.work().jobsPerShift());
		values.add(row.quality().probableRework());
		values.add(row.satisfaction().complaints());
		values.add(row.satisfaction().complaintsPerThousandHomes());
		return values;
	}

	private static void fill(Row row, List<Object> values) {
		for (int i = 0; i < values.size(); i++) {
			Object value = values.get(i);
			if (value == null) {
				continue;
			}
			Cell cell = row.createCell(i);
			if (value instanceof Number number) {
				cell.setCellValue(number.doubleValue());
			}
			else {
				cell.setCellValue(value.toString());
			}
		}
	}

	private static void header(SXSSFSheet sheet, CellStyle bold, List<String> headers) {
		header(sheet, 0, bold, headers);
	}

	/** The column headings in bold on row {@code index}. */
	private static void header(SXSSFSheet sheet, int index, CellStyle bold, List<String> headers) {
		Row head = sheet.createRow(index);
		for (int i = 0; i < headers.size(); i++) {
			Cell cell = head.createCell(i);
			cell.setCellValue(headers.get(i));
			cell.setCellStyle(bold);
		}
	}

	private static CellStyle bold(SXSSFWorkbook workbook) {
		Font font = workbook.createFont();
		font.setBold(true);
		CellStyle style = workbook.createCellStyle();
		style.setFont(font);
		return style;
	}

	private String word(String key) {
		return messages.getMessage(key, null, key, Locale.SIMPLIFIED_CHINESE);
	}

	private static void write(OutputStream out, java.util.function.Consumer<SXSSFWorkbook> content) {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW)) {
			workbook.setCompressTempFiles(true);
			content.accept(workbook);
			workbook.write(out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

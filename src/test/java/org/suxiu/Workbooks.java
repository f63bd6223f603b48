package org.suxiu;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Excel files as an administrator fills them in: the homes template's columns, rows of
 * text, numbers typed as numbers, and formula cells where a test wants one.
 */
public final class Workbooks {

	public static final List<String> HOME_HEADERS = List.of("楼栋", "单元", "房号", "业主姓名", "业主手机");

	private Workbooks() {
	}

	/** A formula cell, e.g. {@code cmd|' /C calc'!A0}. */
	public record Formula(String text) {
	}

	/** Homes 1..{@code floors} floors × 2 doors of one building and unit, no owners. */
	public static byte[] homes(String building, String unit, int floors) {
		List<List<Object>> rows = new ArrayList<>();
		for (int floor = 1; floor <= floors; floor++) {
			for (int door = 1; door <= 2; door++) {
				rows.add(List.of(building, unit, String.format("%d%02d", floor, door)));
			}
		}
		return workbook(HOME_HEADERS, rows);
	}

	public static byte[] workbook(List<String> headers, List<List<Object>> rows) {
		try (Workbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("Sheet1");
			Row header = sheet.createRow(0);
			for (int c = 0; c < headers.size(); c++) {
				header.createCell(c).setCellValue(headers.get(c));
			}
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r + 1);
				List<Object> values = rows.get(r);
				for (int c = 0; c < values.size(); c++) {
					Object value = values.get(c);
					if (value instanceof Number number) {
						row.createCell(c).setCellValue(number.doubleValue());
					}
					else if (value instanceof Formula formula) {
						row.createCell(c).setCellFormula(formula.text());
					}
					else if (value != null) {
						row.createCell(c).setCellValue(value.toString());
					}
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The first sheet's rows as text, as a person would read them. */
	public static List<List<String>> read(byte[] xlsx) {
		try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			DataFormatter formatter = new DataFormatter();
			List<List<String>> rows = new ArrayList<>();
			for (Row row : workbook.getSheetAt(0)) {
				List<String> cells = new ArrayList<>();
				row.forEach(cell -> cells.add(formatter.formatCellValue(cell)));
				rows.add(cells);
			}
			return rows;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

package org.suxiu.property;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.suxiu.property.ImportRejected.RowError;
import org.suxiu.shared.InvalidInput;

/**
 * Reads an import file, Excel (.xlsx) or CSV (UTF-8), into rows by column, and writes
 * templates. The content decides the format, never the name: a file named .xlsx that is
 * not a workbook is refused (415), as is one over {@link #MAX_BYTES} (413). Formula
 * cells, and text that a spreadsheet would run as one ({@code =cmd|…}), are refused row
 * by row so that nothing imported can turn into a formula when it is exported again.
 */
public final class Spreadsheets {

	/** Large enough for 20,000 homes with their owners. */
	public static final long MAX_BYTES = 5L * 1024 * 1024;

	static final int MAX_ROWS = 20_000;

	private Spreadsheets() {
	}

	/**
	 * The data rows of a file.
	 *
	 * @param rows the rows with values, by column key
	 * @param problems rows already refused while reading (formula cells)
	 */
	public record Table(List<Row> rows, List<RowError> problems) {
	}

	/**
	 * One data row.
	 *
	 * @param number the row as the spreadsheet numbers it (header = 1)
	 * @param values non-blank values by column key
	 */
	public record Row(int number, Map<String, String> values) {

		public String get(String column) {
			return values.get(column);
		}

	}

	/**
	 * Reads {@code in}, uploaded as {@code filename} (may be null); {@code columns} maps
	 * each accepted header (English or Chinese) to its column key, and {@code required}
	 * keys must all be among the headers.
	 */
	public static Table read(String filename, InputStream in, Map<String, String> columns, List<String> required) {
		byte[] bytes = bytes(in);
		if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) {
			return excel(bytes, columns, required);
		}
		if (bytes.length >= 4 && (bytes[0] & 0xFF) == 0xD0 && (bytes[1] & 0xFF) == 0xCF) {
			throw UnreadableFile.notASpreadsheet("an old Excel 97 (.xls) file: save it as .xlsx 请另存为 .xlsx 格式");
		}
		String name = filename == null ? "" : filename.toLowerCase(java.util.Locale.ROOT);
		if (name.endsWith(".xlsx") || name.endsWith(".xls")) {
			throw UnreadableFile
				.notASpreadsheet("named " + filename + " but not an Excel workbook 文件名为 .xlsx 但内容不是 Excel");
		}
		return csv(text(bytes), columns, required);
	}

	/** Whether a spreadsheet would run this text as a formula (CSV/Excel injection). */
	public static boolean isFormula(String value) {
		if (value == null || value.isEmpty()) {
			return false;
		}
		char first = value.charAt(0);
		if (first == '=' || first == '@' || first == '\t' || first == '\r') {
			return true;
		}
		return (first == '+' || first == '-') && !value.matches("[+-][0-9 .]*");
	}

	/**
	 * A workbook with one sheet of headers and example rows, every cell text (phone
	 * numbers stay as typed), and a second sheet of notes.
	 */
	public static byte[] template(String sheetName, List<String> headers, List<List<String>> examples,
			List<String> notes) {
		try (Workbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			CellStyle text = workbook.createCellStyle();
			text.setDataFormat(workbook.createDataFormat().getFormat("@"));
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			bold.setDataFormat(text.getDataFormat());
			Sheet sheet = workbook.createSheet(sheetName);
			writeRow(sheet, 0, headers, bold);
			for (int r = 0; r < examples.size(); r++) {
				writeRow(sheet, r + 1, examples.get(r), text);
			}
			for (int c = 0; c < headers.size(); c++) {
				sheet.setDefaultColumnStyle(c, text);
				sheet.setColumnWidth(c, 18 * 256);
			}
			sheet.createFreezePane(0, 1);
			Sheet help = workbook.createSheet("说明 Notes");
			for (int r = 0; r < notes.size(); r++) {
				help.createRow(r).createCell(0).setCellValue(notes.get(r));
			}
			help.setColumnWidth(0, 100 * 256);
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void writeRow(Sheet sheet, int index, List<String> values, CellStyle style) {
		org.apache.poi.ss.usermodel.Row row = sheet.createRow(index);
		for (int c = 0; c < values.size(); c++) {
			Cell cell = row.createCell(c, CellType.STRING);
			cell.setCellStyle(style);
			// a string cell: never a formula, whatever the text
			cell.setCellValue(values.get(c));
		}
	}

	private static Table excel(byte[] bytes, Map<String, String> columns, List<String> required) {
		try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
			Sheet sheet = workbook.getSheetAt(0);
			DataFormatter formatter = new DataFormatter();
			org.apache.poi.ss.usermodel.Row header = sheet.getRow(sheet.getFirstRowNum());
			if (header == null) {
				throw new InvalidInput("file", "the first sheet is empty 第一个工作表为空");
			}
			Map<Integer, String> keys = new LinkedHashMap<>();
			for (Cell cell : header) {
				String name = formatter.formatCellValue(cell).strip();
				keys.put(cell.getColumnIndex(), columns.getOrDefault(name, name));
			}
			checkHeader(keys.values(), required);
			List<Row> rows = new ArrayList<>();
			List<RowError> problems = new ArrayList<>();
			for (int r = header.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
				org.apache.poi.ss.usermodel.Row row = sheet.getRow(r);
				if (row == null) {
					continue;
				}
				Map<String, String> values = new LinkedHashMap<>();
				for (Map.Entry<Integer, String> key : keys.entrySet()) {
					Cell cell = row.getCell(key.getKey());
					if (cell == null) {
						continue;
					}
					if (cell.getCellType() == CellType.FORMULA) {
						problems.add(new RowError(r + 1, key.getValue() + ": formula cells are not accepted 不接受公式单元格"));
						continue;
					}
					String value = formatter.formatCellValue(cell).strip();
					if (!value.isEmpty()) {
						values.put(key.getValue(), value);
					}
				}
				if (!values.isEmpty()) {
					add(rows, new Row(r + 1, values));
				}
			}
			return new Table(rows, problems);
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof org.suxiu.shared.DomainException domain) {
				throw domain;
			}
			throw UnreadableFile.notASpreadsheet("not an Excel workbook (.xlsx) 不是有效的 Excel 文件");
		}
	}

	private static Table csv(String text, Map<String, String> columns, List<String> required) {
		CSVFormat format = CSVFormat.DEFAULT.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.setTrim(true)
			.setIgnoreEmptyLines(true)
			.setIgnoreSurroundingSpaces(true)
			.get();
		try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
			Map<String, String> keys = new LinkedHashMap<>();
			parser.getHeaderNames().forEach(h -> {
				String name = h.replace("\uFEFF", "").strip();
				keys.put(h, columns.getOrDefault(name, name));
			});
			checkHeader(keys.values(), required);
			List<Row> rows = new ArrayList<>();
			for (CSVRecord record : parser) {
				Map<String, String> values = new LinkedHashMap<>();
				keys.forEach((header, key) -> {
					String value = record.isSet(header) ? record.get(header).strip() : "";
					if (!value.isEmpty()) {
						values.put(key, value);
					}
				});
				if (!values.isEmpty()) {
					add(rows, new Row((int) record.getRecordNumber() + 1, values));
				}
			}
			return new Table(rows, List.of());
		}
		catch (IOException | IllegalArgumentException | IllegalStateException | UncheckedIOException ex) {
			throw new InvalidInput("file", "not a CSV file 不是有效的 CSV 文件: " + ex.getMessage());
		}
	}

	private static void add(List<Row> rows, Row row) {
		if (rows.size() >= MAX_ROWS) {
			throw new InvalidInput("file", "at most " + MAX_ROWS + " rows per file 每个文件最多 " + MAX_ROWS + " 行");
		}
		rows.add(row);
	}

	private static void checkHeader(java.util.Collection<String> keys, List<String> required) {
		List<String> missing = required.stream().filter(k -> !keys.contains(k)).toList();
		if (!missing.isEmpty()) {
			throw new InvalidInput("file",
					"the header row lacks " + String.join(", ", missing) + "; download the template 表头缺少必填列，请下载模板");
		}
	}

	private static byte[] bytes(InputStream in) {
		try (in) {
			byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
			if (bytes.length > MAX_BYTES) {
				throw UnreadableFile.tooLarge(MAX_BYTES);
			}
			return bytes;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String text(byte[] bytes) {
		for (byte b : bytes) {
			if (b == 0) {
				throw UnreadableFile
					.notASpreadsheet("neither an Excel workbook (.xlsx) nor a CSV text file 不是 Excel 或 CSV 文件");
			}
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw UnreadableFile
				.notASpreadsheet("neither an Excel workbook (.xlsx) nor UTF-8 CSV text 不是 Excel 或 UTF-8 CSV 文件");
		}
	}

}

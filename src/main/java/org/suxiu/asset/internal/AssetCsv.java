package org.suxiu.asset.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.suxiu.asset.AssetCsvFormat;
import org.suxiu.asset.AssetStatus;
import org.suxiu.asset.AssetType;
import org.suxiu.asset.AssetView;
import org.suxiu.asset.NewAsset;
import org.suxiu.property.ImportRejected.RowError;

/**
 * The register as CSV (UTF-8, a header line, one asset a line, columns as
 * {@link AssetCsvFormat#HEADER}); quoting as RFC 4180.
 */
final class AssetCsv {

	private AssetCsv() {
	}

	static String write(List<AssetView> assets) {
		StringBuilder out = new StringBuilder(AssetCsvFormat.HEADER).append('\n');
		for (AssetView a : assets) {
			out.append(String.join(",", quoted(a.name()), a.type().name(), quoted(a.place()), quoted(a.maker()),
					quoted(a.model()), quoted(a.serial()), day(a.installedOn()), quoted(a.registrationCode()),
					quoted(a.contractor()), day(a.contractEnds()), a.status().name()))
				.append('\n');
		}
		return out.toString();
	}

	/** A parsed row with its row number (the header is row 1). */
	record Row(int number, NewAsset asset) {
	}

	/**
	 * The rows of the file; rows that cannot be read are added to {@code errors} by
	 * number.
	 */
	static List<Row> read(String projectCode, String text, List<RowError> errors) {
		List<Row> rows = new ArrayList<>();
		String[] lines = (text == null ? "" : text.replace("\uFEFF", "")).split("\r?\n");
		if (lines.length == 0 || !lines[0].trim().equalsIgnoreCase(AssetCsvFormat.HEADER)) {
			errors.add(new RowError(1, "must be the header 表头应为 " + AssetCsvFormat.HEADER));
			return rows;
		}
		for (int n = 1; n < lines.length; n++) {
			if (lines[n].isBlank()) {
				continue;
			}
			int number = n + 1;
			List<String> cells = cells(lines[n]);
			if (cells.size() != 11) {
				errors.add(new RowError(number, "needs 11 columns 需要 11 列: " + AssetCsvFormat.HEADER));
				continue;
			}
			try {
				rows.add(new Row(number,
						new NewAsset(projectCode, cells.get(2), AssetType.valueOf(upper(cells.get(1))), cells.get(0),
								cells.get(3), cells.get(4), cells.get(5), date(cells.get(6)), cells.get(7),
								cells.get(8), date(cells.get(9)),
								cells.get(10).isBlank() ? null : AssetStatus.valueOf(upper(cells.get(10))))));
			}
			catch (IllegalArgumentException | DateTimeParseException ex) {
				errors.add(new RowError(number, "type one of 类型为 " + List.of(AssetType.values())
						+ ", status IN_SERVICE|OUT_OF_SERVICE|RETIRED, dates yyyy-MM-dd"));
			}
		}
		return rows;
	}

	private static String upper(String value) {
		return value.trim().toUpperCase(Locale.ROOT);
	}

	private static LocalDate date(String value) {
		return value.isBlank() ? null : LocalDate.parse(value.trim());
	}

	private static String day(LocalDate day) {
		return day == null ? "" : day.toString();
	}

	private static String quoted(String value) {
		if (value == null) {
			return "";
		}
		return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
	}

	private static List<String> cells(String line) {
		List<String> cells = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean inQuotes = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (inQuotes && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
				cell.append('"');
				i++;
			}
			else if (c == '"') {
				inQuotes = !inQuotes;
			}
			else if (c == ',' && !inQuotes) {
				cells.add(cell.toString());
				cell.setLength(0);
			}
			else {
				cell.append(c);
			}
		}
		cells.add(cell.toString());
		return cells;
	}

}

package org.suxiu.charge.internal;

import org.suxiu.charge.ItemKind;
import org.suxiu.charge.PriceItem;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.suxiu.shared.InvalidInput;

/**
 * The price list as CSV (UTF-8, a header line, one item a line):
 * {@code code,name,kind,unit,unitPriceFen,chargeable,effectiveFrom,effectiveTo}.
 */
public final class PriceCsv {

	public static final String HEADER = "code,name,kind,unit,unitPriceFen,chargeable,effectiveFrom,effectiveTo";

	private PriceCsv() {
	}

	public static String write(List<PriceItem> items) {
		StringBuilder out = new StringBuilder(HEADER).append('\n');
		for (PriceItem i : items) {
			out.append(String.join(",", quoted(i.code()), quoted(i.name()), i.kind().name(), quoted(i.unit()),
					String.valueOf(i.unitPriceFen()), String.valueOf(i.chargeable()), i.effectiveFrom().toString(),
					i.effectiveTo() == null ? "" : i.effectiveTo().toString()))
				.append('\n');
		}
		return out.toString();
	}

	/** Every row or none: each bad row is named as {@code row N}. */
	public static List<PriceItem> read(String text) {
		List<PriceItem> items = new ArrayList<>();
		List<InvalidInput.FieldError> errors = new ArrayList<>();
		String[] lines = (text == null ? "" : text.replace("\uFEFF", "")).split("\r?\n");
		for (int n = 1; n < lines.length; n++) {
			if (lines[n].isBlank()) {
				continue;
			}
			List<String> cells = cells(lines[n]);
			String row = "row " + (n + 1);
			if (cells.size() < 7) {
				errors.add(new InvalidInput.FieldError(row, "needs " + HEADER));
				continue;
			}
			try {
				items.add(new PriceItem(cells.get(0), cells.get(1),
						ItemKind.valueOf(cells.get(2).trim().toUpperCase(Locale.ROOT)), cells.get(3),
						Long.parseLong(cells.get(4).trim()), Boolean.parseBoolean(cells.get(5).trim()),
						LocalDate.parse(cells.get(6).trim()),
						cells.size() < 8 || cells.get(7).isBlank() ? null : LocalDate.parse(cells.get(7).trim())));
			}
			catch (IllegalArgumentException | DateTimeParseException ex) {
				errors.add(new InvalidInput.FieldError(row,
						"kind MATERIAL|LABOUR, unitPriceFen a whole number of fen, dates yyyy-MM-dd"));
			}
		}
		if (lines.length == 0 || !lines[0].trim().equalsIgnoreCase(HEADER)) {
			errors.add(0, new InvalidInput.FieldError("row 1", "must be the header " + HEADER));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		return items;
	}

	private static String quoted(String value) {
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

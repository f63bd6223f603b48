package org.suxiu.property;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.suxiu.shared.DomainException;

/**
 * An import file with rows that cannot be taken (400): every bad row is named and nothing
 * was imported.
 */
public class ImportRejected extends DomainException {

	static final int MAX_REPORTED = 100;

	private final List<RowError> errors;

	public ImportRejected(List<RowError> errors) {
		super("import-rejected", HttpStatus.BAD_REQUEST, "Import rejected",
				"nothing was imported 未导入任何数据; " + errors.stream()
					.limit(10)
					.map(e -> "row " + e.row() + " 第 " + e.row() + " 行: " + e.message())
					.reduce((a, b) -> a + "; " + b)
					.orElse("") + (errors.size() > 10 ? "; …" : ""));
		this.errors = List.copyOf(errors.subList(0, Math.min(errors.size(), MAX_REPORTED)));
	}

	public List<RowError> errors() {
		return errors;
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("errors", errors);
	}

	/**
	 * One refused row.
	 *
	 * @param row the row as the spreadsheet numbers it (the header is row 1)
	 * @param field {@code row N}, as validation errors name their field
	 * @param message what is wrong with it
	 */
	public record RowError(int row, String field, String message) {

		public RowError(int row, String message) {
			this(row, "row " + row, message);
		}

	}

}

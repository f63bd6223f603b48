package org.suxiu.shared;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * Input that fails a check only the domain can make (an unknown room, a date in the
 * future), with the offending fields.
 */
public class InvalidInput extends DomainException {

	private final List<FieldError> errors;

	public InvalidInput(String field, String message) {
		this(List.of(new FieldError(field, message)));
	}

	public InvalidInput(List<FieldError> errors) {
		super("invalid-input", HttpStatus.BAD_REQUEST, "Invalid input",
				errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse(""));
		this.errors = List.copyOf(errors);
	}

	public List<FieldError> errors() {
		return errors;
	}

	/** One rejected field and why, as in the {@code errors} member of a problem. */
	public record FieldError(String field, String message) {
	}

}

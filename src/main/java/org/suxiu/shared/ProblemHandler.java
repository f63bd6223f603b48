package org.suxiu.shared;

import java.util.ArrayList;
import java.util.List;

import java.sql.SQLException;

import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Maps every exception that reaches a controller to an RFC 9457 problem; never a stack
 * trace.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

	@ExceptionHandler(DomainException.class)
	ResponseEntity<ProblemDetail> domain(DomainException ex) {
		return ResponseEntity.status(ex.status()).body(Problems.of(ex));
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<ProblemDetail> constraint(ConstraintViolationException ex) {
		List<InvalidInput.FieldError> errors = ex.getConstraintViolations()
			.stream()
			.map(v -> new InvalidInput.FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
			.toList();
		return ResponseEntity.badRequest().body(Problems.invalid(errors, "The request has invalid fields"));
	}

	/**
	 * A multipart body with no boundary or cut short: the client's fault. (Too large is
	 * answered 413 by the base class.)
	 */
	@ExceptionHandler(MultipartException.class)
	ResponseEntity<ProblemDetail> multipart(MultipartException ex) {
		return ResponseEntity.badRequest()
			.body(Problems.of(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed request body",
					"The multipart body cannot be read"));
	}

	/**
	 * The last line of defence for input that reached PostgreSQL although no check caught
	 * it: a value out of range (SQLSTATE class 22, "data exception": a date beyond the
	 * timestamp range, a NUL character, a number too large) is the request's fault, not
	 * the server's.
	 */
	@ExceptionHandler(DataAccessException.class)
	ResponseEntity<ProblemDetail> data(DataAccessException ex) {
		String state = sqlState(ex);
		if (state != null && state.startsWith("22")) {
			log.warn("Refused input that PostgreSQL could not take ({}): {}", state,
					ex.getMostSpecificCause().getMessage());
			return ResponseEntity.badRequest()
				.body(Problems.of(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input",
						"A value is out of range or contains characters that cannot be stored"));
		}
		return unexpected(ex);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		if (DatabaseOutage.isOutage(ex)) {
			return unavailable();
		}
		log.error("Unexpected error", ex);
		return ResponseEntity.internalServerError()
			.body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "server-error", "Server error",
					"The server could not handle the request; it has been logged"));
	}

	/**
	 * The database cannot be reached: the request was not carried out and may be sent
	 * again, so 503 with {@code Retry-After}, never 500. Not logged per request; the
	 * background jobs log the outage once.
	 */
	static ResponseEntity<ProblemDetail> unavailable() {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS))
			.body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable",
					"The database cannot be reached just now; nothing was changed. Try again shortly."));
	}

	private static String sqlState(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof SQLException sql && sql.getSQLState() != null) {
				return sql.getSQLState();
			}
		}
		return null;
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<InvalidInput.FieldError> errors = new ArrayList<>();
		ex.getBindingResult()
			.getFieldErrors()
			.forEach(e -> errors.add(new InvalidInput.FieldError(e.getField(), e.getDefaultMessage())));
		ex.getBindingResult()
			.getGlobalErrors()
			.forEach(e -> errors.add(new InvalidInput.FieldError(e.getObjectName(), e.getDefaultMessage())));
		return ResponseEntity.badRequest().body(Problems.invalid(errors, "The request has invalid fields"));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		JacksonException jackson = findJackson(ex);
		if (jackson != null && !jackson.getPath().isEmpty()) {
			String field = pathOf(jackson);
			String message = jackson.getOriginalMessage();
			int cut = message.indexOf(": not one of the values accepted");
			String readable = message.contains("not one of the values accepted")
					? "unknown value; allowed: "
							+ message.substring(message.lastIndexOf('[') + 1, message.lastIndexOf(']'))
					: "cannot be read: " + expected(jackson);
			return ResponseEntity.badRequest()
				.body(Problems.invalid(List.of(new InvalidInput.FieldError(field, readable)),
						"The request body has an unreadable field"));
		}
		return ResponseEntity.badRequest()
			.body(Problems.of(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed request body",
					"The request body is missing or is not valid JSON"));
	}

	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
			WebRequest request) {
		if (body instanceof ProblemDetail problem) {
			if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
				problem.setType(java.net.URI.create(Problems.TYPE_BASE + Problems.typeFor(status)));
			}
			problem.setDetail(Problems.withoutJavaTypes(problem.getDetail()));
			Problems.withTraceId(problem);
		}
		return super.createResponseEntity(body, headers, status, request);
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (body == null && ex instanceof ErrorResponse errorResponse) {
			body = errorResponse.updateAndGetBody(getMessageSource(), java.util.Locale.getDefault());
		}
		return super.handleExceptionInternal(ex, body, headers, statusCode, request);
	}

	/**
	 * What the field should have held, in JSON's words: the exception's own message names
	 * Java types ({@code org.suxiu.workorder.Reporter}), which a client has no use for
	 * and an attacker some.
	 */
	private static String expected(JacksonException ex) {
		Class<?> target = ex instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
		if (target == null) {
			return "not valid here";
		}
		if (target == String.class || target == Character.class || target == char.class) {
			return "expected a string";
		}
		if (target == Boolean.class || target == boolean.class) {
			return "expected true or false";
		}
		if (Number.class.isAssignableFrom(target) || target.isPrimitive()) {
			return "expected a number in range";
		}
		if (java.time.temporal.Temporal.class.isAssignableFrom(target)) {
			return "expected an ISO-8601 date-time with offset, e.g. 2026-11-27T21:05:00+08:00";
		}
		if (java.time.Duration.class == target) {
			return "expected an ISO-8601 duration, e.g. PT30M";
		}
		if (java.util.Collection.class.isAssignableFrom(target) || target.isArray()) {
			return "expected an array";
		}
		if (target.isEnum()) {
			return "expected one of " + java.util.Arrays.toString(target.getEnumConstants());
		}
		return "expected an object";
	}

	private static JacksonException findJackson(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof JacksonException jackson) {
				return jackson;
			}
		}
		return null;
	}

	private static String pathOf(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference ref : ex.getPath()) {
			if (ref.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(ref.getPropertyName());
			}
			else if (ref.getIndex() >= 0) {
				path.append('[').append(ref.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static String firstLine(String message) {
		int newline = message.indexOf('\n');
		return newline > 0 ? message.substring(0, newline) : message;
	}

	private static String lastNode(String path) {
		int dot = path.lastIndexOf('.');
		return dot >= 0 ? path.substring(dot + 1) : path;
	}

}

package org.suxiu.shared;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

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
					: "cannot be read: " + (cut > 0 ? message.substring(0, cut) : firstLine(message));
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
		if (body instanceof ProblemDetail problem
				&& (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
			problem.setType(java.net.URI.create(Problems.TYPE_BASE + Problems.typeFor(status)));
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

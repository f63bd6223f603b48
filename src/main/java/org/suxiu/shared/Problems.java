package org.suxiu.shared;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds the RFC 9457 problems of the public contract, with stable type URIs.
 */
public final class Problems {

	public static final String TYPE_BASE = "https://suxiu.org/problems/";

	private Problems() {
	}

	public static ProblemDetail of(HttpStatusCode status, String type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_BASE + type));
		problem.setTitle(title);
		return withTraceId(problem);
	}

	/**
	 * Adds the request's trace id ({@code traceId}, from the log context Micrometer
	 * Tracing fills), so that a caller can quote it to support and it finds the log
	 * lines.
	 */
	public static ProblemDetail withTraceId(ProblemDetail problem) {
		String traceId = org.slf4j.MDC.get("traceId");
		if (traceId != null && !traceId.isBlank()) {
			problem.setProperty("traceId", traceId);
		}
		return problem;
	}

	public static ProblemDetail of(DomainException ex) {
		ProblemDetail problem = of(ex.status(), ex.type(), ex.title(), ex.getMessage());
		if (ex instanceof InvalidInput invalid) {
			problem.setProperty("errors", invalid.errors());
		}
		ex.properties().forEach(problem::setProperty);
		return problem;
	}

	public static ProblemDetail invalid(List<InvalidInput.FieldError> errors, String detail) {
		ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", detail);
		problem.setProperty("errors", errors);
		return problem;
	}

	/**
	 * The text with Java type names taken out ({@code org.suxiu.workorder.Reporter},
	 * {@code java.lang.Integer}), which Spring's and Jackson's messages carry.
	 */
	public static String withoutJavaTypes(String text) {
		if (text == null) {
			return null;
		}
		return JAVA_TYPE.matcher(text).replaceAll("value").replace("`", "'");
	}

	private static final java.util.regex.Pattern JAVA_TYPE = java.util.regex.Pattern
		.compile("\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:\\[\\])?");

	/**
	 * The type slug for a plain HTTP status, used where no domain exception names the
	 * problem.
	 */
	public static String typeFor(HttpStatusCode status) {
		return switch (status.value()) {
			case 400 -> "bad-request";
			case 401 -> "unauthenticated";
			case 403 -> "forbidden";
			case 404 -> "not-found";
			case 405 -> "method-not-allowed";
			case 406 -> "not-acceptable";
			case 409 -> "conflict";
			case 413 -> "payload-too-large";
			case 415 -> "unsupported-media-type";
			case 422 -> "business-rule";
			case 429 -> "rate-limited";
			default -> status.is5xxServerError() ? "server-error" : "http-" + status.value();
		};
	}

}

package org.suxiu.shared;

import org.springframework.http.HttpStatus;

/**
 * A refusal the domain names; mapped to an RFC 9457 problem with a stable {@code type}
 * URI.
 */
public abstract class DomainException extends RuntimeException {

	private final String type;

	private final HttpStatus status;

	private final String title;

	protected DomainException(String type, HttpStatus status, String title, String detail) {
		super(detail);
		this.type = type;
		this.status = status;
		this.title = title;
	}

	/**
	 * Short slug appended to {@link Problems#TYPE_BASE}, e.g. {@code illegal-transition}.
	 */
	public String type() {
		return type;
	}

	public HttpStatus status() {
		return status;
	}

	public String title() {
		return title;
	}

	/**
	 * Further members of the problem, such as the rows an import refused; none by
	 * default.
	 */
	public java.util.Map<String, Object> properties() {
		return java.util.Map.of();
	}

}

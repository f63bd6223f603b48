package org.suxiu.operations;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.connector.Connector;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The management port: a second connector that answers {@code /actuator/prometheus} and
 * nothing else, while the application port answers it with 404. A scraper never needs a
 * credential, and a proxy in front of the application port can never expose the meters.
 */
public class MetricsPort extends OncePerRequestFilter {

	static final String PATH = "/actuator/prometheus";

	private final Connector connector;

	MetricsPort(Connector connector) {
		this.connector = connector;
	}

	/** The port the meters are scraped on, once the server has started; -1 when off. */
	public int localPort() {
		return connector == null ? -1 : connector.getLocalPort();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean onMetricsPort = connector != null && request.getLocalPort() == connector.getLocalPort();
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (onMetricsPort != PATH.equals(path)) {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
			return;
		}
		chain.doFilter(request, response);
	}

}

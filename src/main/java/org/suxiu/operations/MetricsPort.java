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

	/**
	 * The connector's port once it is bound: asking the connector on every request cost
	 * about 1 % of a detail read's CPU (it asks the socket).
	 */
	private volatile int boundPort = -1;

	MetricsPort(Connector connector) {
		this.connector = connector;
	}

	/** The port the meters are scraped on, once the server has started; -1 when off. */
	public int localPort() {
		if (connector == null) {
			return -1;
		}
		int port = boundPort;
		if (port <= 0) {
			port = connector.getLocalPort();
			if (port > 0) {
				boundPort = port;
			}
		}
		return port;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean onMetricsPort = connector != null && request.getLocalPort() == localPort();
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (onMetricsPort != PATH.equals(path)) {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
			return;
		}
		chain.doFilter(request, response);
	}

}

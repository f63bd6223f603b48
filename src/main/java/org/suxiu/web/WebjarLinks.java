package org.suxiu.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.springframework.web.servlet.resource.ResourceUrlProviderExposingInterceptor;

/**
 * Turns the pages' version-free web-jar links
 * ({@code /webjars/htmx.org/dist/htmx.min.js}) into the versioned paths the web jars
 * serve, and leaves every other link alone. It stands in for Spring's own filter, which
 * asks the resource resolvers about every link a page writes: a link to
 * {@code /manager/kpis/orders?…} matched the static-files pattern {@code /**}, was looked
 * for in every jar on the class path and, not being a file, was looked for again on the
 * next link — a KPI table of two years by day spent a third of its time on that.
 */
class WebjarLinks extends ResourceUrlEncodingFilter {

	static final String PREFIX = "/webjars/";

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain filterChain)
			throws ServletException, IOException {
		if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse answer)) {
			filterChain.doFilter(request, response);
			return;
		}
		filterChain.doFilter(request, new HttpServletResponseWrapper(answer) {

			@Override
			public String encodeURL(String url) {
				return super.encodeURL(resolve(http, url));
			}

		});
	}

	/** The versioned path of a web-jar link; any other link as it is. */
	static String resolve(HttpServletRequest request, String url) {
		Object provider = request.getAttribute(ResourceUrlProviderExposingInterceptor.RESOURCE_URL_PROVIDER_ATTR);
		if (!(provider instanceof ResourceUrlProvider resources)) {
			return url;
		}
		return resolve(request, url, resources::getForRequestUrl);
	}

	/** As {@link #resolve(HttpServletRequest, String)}, asking {@code resources}. */
	static String resolve(HttpServletRequest request, String url,
			java.util.function.BiFunction<HttpServletRequest, String, String> resources) {
		String path = url.startsWith(request.getContextPath()) ? url.substring(request.getContextPath().length()) : url;
		if (!path.startsWith(PREFIX)) {
			return url;
		}
		String resolved = resources.apply(request, url);
		return resolved == null ? url : resolved;
	}

}

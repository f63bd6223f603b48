package org.suxiu.shared;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Finds a request's handler without trying every mapping. A path with a variable in it
 * ({@code /api/v1/work-orders/{number}}) has no direct entry, so Spring MVC tries each of
 * the application's ~340 mappings in turn — its methods through the whole chain of
 * request wrappers, then its path pattern: a quarter to a third of a detail read's
 * request thread (JFR, issue 19). Here the mappings are indexed by the literal start of
 * their patterns ({@code /api/v1/work-orders/}); only those whose start begins the path
 * are tried, with Spring's own conditions. When exactly one of them matches it is the
 * handler, as it would be for Spring; anything else — none (404, 405, 415 …), several
 * (Spring ranks them), a CORS pre-flight, a path with an escape ({@code %}) or a path
 * parameter ({@code ;}), which patterns match decoded — is left to Spring's lookup over
 * all mappings, unchanged.
 */
class PrefixFirstHandlerMapping extends RequestMappingHandlerMapping {

	private volatile Index index;

	@Override
	protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
		if (lookupPath.indexOf('%') >= 0 || lookupPath.indexOf(';') >= 0) {
			return super.lookupHandlerMethod(lookupPath, request);
		}
		Index mappings = index();
		RequestMappingInfo found = null;
		HandlerMethod handler = null;
		for (RequestMappingInfo candidate : mappings.candidates(lookupPath)) {
			RequestMappingInfo match = getMatchingMapping(candidate, request);
			if (match != null) {
				if (found != null) {
					return super.lookupHandlerMethod(lookupPath, request);
				}
				found = match;
				handler = mappings.handlers.get(candidate);
			}
		}
		if (found == null || handler == null || CorsUtils.isPreFlightRequest(request)) {
			return super.lookupHandlerMethod(lookupPath, request);
		}
		request.setAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE, handler);
		handleMatch(found, lookupPath, request);
		return handler;
	}

	@Override
	protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
		super.registerHandlerMethod(handler, method, mapping);
		this.index = null;
	}

	@Override
	public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
		super.registerMapping(mapping, handler, method);
		this.index = null;
	}

	@Override
	public void unregisterMapping(RequestMappingInfo mapping) {
		super.unregisterMapping(mapping);
		this.index = null;
	}

	private Index index() {
		Index current = this.index;
		if (current == null) {
			current = new Index(getHandlerMethods());
			this.index = current;
		}
		return current;
	}

	/**
	 * The literal text each of the mapping's patterns begins with, up to its first
	 * variable, wildcard or character a request path would carry escaped; empty when one
	 * of them begins with such (it may match any path).
	 */
	static List<String> literalStarts(RequestMappingInfo info) {
		PathPatternsRequestCondition condition = info.getPathPatternsCondition();
		if (condition == null) {
			return List.of();
		}
		Set<PathPattern> patterns = condition.getPatterns();
		List<String> starts = new ArrayList<>(patterns.size());
		for (PathPattern pattern : patterns) {
			String text = pattern.getPatternString();
			int end = text.length();
			for (int j = 0; j < text.length(); j++) {
				char c = text.charAt(j);
				if (c == '{' || c == '*' || c == '?' || c == '\\' || c == '%' || c == ';' || c <= 0x20 || c > 0x7e) {
					end = j;
					break;
				}
			}
			if (end == 0) {
				return List.of();
			}
			starts.add(text.substring(0, end));
		}
		return starts;
	}

	/** The mappings by the literal starts of their patterns. */
	static final class Index {

		private final Map<RequestMappingInfo, HandlerMethod> handlers;

		/** Mappings that may match any path. */
		private final List<RequestMappingInfo> anywhere = new ArrayList<>();

		private final Map<String, List<RequestMappingInfo>> byStart = new HashMap<>();

		/** The lengths of the starts, shortest first. */
		private final int[] lengths;

		Index(Map<RequestMappingInfo, HandlerMethod> handlers) {
			this.handlers = handlers;
			TreeSet<Integer> lengths = new TreeSet<>();
			for (RequestMappingInfo info : handlers.keySet()) {
				List<String> starts = literalStarts(info);
				if (starts.isEmpty()) {
					this.anywhere.add(info);
					continue;
				}
				for (String start : new TreeSet<>(starts)) {
					this.byStart.computeIfAbsent(start, s -> new ArrayList<>()).add(info);
					lengths.add(start.length());
				}
			}
			this.lengths = lengths.stream().mapToInt(Integer::intValue).toArray();
		}

		/**
		 * Every mapping that may match {@code path}: those whose start begins it and
		 * those that may match anywhere. A mapping with two such starts comes twice,
		 * which only sends the request to Spring's own lookup.
		 */
		List<RequestMappingInfo> candidates(String path) {
			List<RequestMappingInfo> candidates = new ArrayList<>(this.anywhere);
			for (int length : this.lengths) {
				if (length > path.length()) {
					break;
				}
				List<RequestMappingInfo> starting = this.byStart.get(path.substring(0, length));
				if (starting != null) {
					candidates.addAll(starting);
				}
			}
			return candidates;
		}

	}

}

package org.suxiu.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.EmbeddedValueResolver;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;
import org.suxiu.ApplicationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's handler mapping finds, for a request on every path it maps, the same
 * handler as Spring MVC's own mapping does over the same controllers — and the same
 * refusals for paths and methods nobody maps.
 */
class PrefixFirstHandlerMappingTest extends ApplicationTest {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping mapping;

	@Autowired
	private ConfigurableApplicationContext context;

	@Test
	void theApplicationLooksHandlersUpByTheirPathsLiteralStartFirst() {
		assertThat(this.mapping).isInstanceOf(PrefixFirstHandlerMapping.class);
	}

	@Test
	void everyMappedPathFindsTheHandlerSpringsOwnMappingFinds() throws Exception {
		RequestMappingHandlerMapping plain = new RequestMappingHandlerMapping();
		plain.setPatternParser(this.mapping.getPatternParser());
		plain.setContentNegotiationManager(this.mapping.getContentNegotiationManager());
		plain.setPathPrefixes(this.mapping.getPathPrefixes());
		plain.setEmbeddedValueResolver(new EmbeddedValueResolver(this.context.getBeanFactory()));
		plain.setApplicationContext(this.context);
		plain.afterPropertiesSet();
		List<String[]> requests = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : this.mapping.getHandlerMethods().entrySet()) {
			RequestMappingInfo info = entry.getKey();
			List<String> methods = info.getMethodsCondition().getMethods().isEmpty() ? List.of("GET", "POST")
					: info.getMethodsCondition().getMethods().stream().map(Enum::name).toList();
			for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
				for (String method : methods) {
					requests.add(new String[] { method, concrete(pattern.getPatternString()) });
				}
			}
		}
		assertThat(requests).hasSizeGreaterThan(200);
		// paths nobody maps, methods a path does not take, escapes and path parameters
		requests.add(new String[] { "GET", "/api/v1/no-such-thing" });
		requests.add(new String[] { "DELETE", "/api/v1/work-orders/WO-1" });
		requests.add(new String[] { "GET", "/api/v1/work%2Dorders/WO-1" });
		requests.add(new String[] { "GET", "/api/v1/work-orders;x=1/WO-1" });
		requests.add(new String[] { "GET", "/API/v1/work-orders/WO-1" });
		requests.add(new String[] { "GET", "/" });
		int compared = 0;
		for (String[] request : requests) {
			assertThat(handlerOf(this.mapping, request)).as("%s %s", request[0], request[1])
				.isEqualTo(handlerOf(plain, request));
			compared++;
		}
		assertThat(compared).isEqualTo(requests.size());
	}

	@Test
	void onlyMappingsWhoseLiteralStartBeginsThePathAreTried() {
		RequestMappingInfo order = RequestMappingInfo.paths("/api/v1/work-orders/{number}")
			.options(this.mapping.getBuilderConfiguration())
			.build();
		RequestMappingInfo orders = RequestMappingInfo.paths("/api/v1/work-orders")
			.options(this.mapping.getBuilderConfiguration())
			.build();
		RequestMappingInfo asset = RequestMappingInfo.paths("/api/v1/assets/{id}", "/a/{x}")
			.options(this.mapping.getBuilderConfiguration())
			.build();
		RequestMappingInfo everywhere = RequestMappingInfo.paths("/{page}")
			.options(this.mapping.getBuilderConfiguration())
			.build();
		assertThat(PrefixFirstHandlerMapping.literalStarts(asset)).containsExactlyInAnyOrder("/api/v1/assets/", "/a/");
		assertThat(PrefixFirstHandlerMapping.literalStarts(everywhere)).containsExactly("/");
		Map<RequestMappingInfo, HandlerMethod> handlers = new java.util.LinkedHashMap<>();
		for (RequestMappingInfo info : List.of(order, orders, asset, everywhere)) {
			handlers.put(info, null);
		}
		var index = new PrefixFirstHandlerMapping.Index(handlers);
		assertThat(index.candidates("/api/v1/work-orders/WO-1")).containsExactlyInAnyOrder(everywhere, order, orders);
		assertThat(index.candidates("/api/v1/assets/7")).containsExactlyInAnyOrder(everywhere, asset);
		assertThat(index.candidates("/a/b")).containsExactlyInAnyOrder(everywhere, asset);
		assertThat(index.candidates("/login")).containsExactly(everywhere);
	}

	/** A path the pattern matches: variables and wildcards filled with a plain word. */
	private static String concrete(String pattern) {
		return pattern.replaceAll("\\{\\*[^}]*}", "a/b")
			.replaceAll("\\{[^}]*}", "x1")
			.replace("**", "a/b")
			.replace("*", "a")
			.replace("?", "q");
	}

	/** The handler found, or the refusal's class when the lookup refuses. */
	private static Object handlerOf(RequestMappingHandlerMapping mapping, String[] request) {
		MockHttpServletRequest servlet = new MockHttpServletRequest(request[0], request[1]);
		servlet.addHeader("Accept", "*/*");
		try {
			ServletRequestPathUtils.parseAndCache(servlet);
			HandlerExecutionChain chain = mapping.getHandler((HttpServletRequest) servlet);
			return chain == null ? null : ((HandlerMethod) chain.getHandler()).getMethod();
		}
		catch (Exception ex) {
			return ex.getClass();
		}
	}

}

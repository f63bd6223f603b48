package org.suxiu.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only web-jar links are looked up as resources; every other link a page writes goes out
 * as it is, without asking the resolvers (which search every jar for a file that is not
 * there).
 */
class WebjarLinksTest {

	@Test
	void resolvesWebjarLinksAndLeavesTheRestAlone() {
		List<String> asked = new ArrayList<>();
		java.util.function.BiFunction<HttpServletRequest, String, String> provider = (request, requestUrl) -> {
			asked.add(requestUrl);
			return requestUrl.replace("/htmx.org/", "/htmx.org/2.0.8/");
		};
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/manager/kpis");

		assertThat(WebjarLinks.resolve(request, "/webjars/htmx.org/dist/htmx.min.js", provider))
			.isEqualTo("/webjars/htmx.org/2.0.8/dist/htmx.min.js");
		assertThat(WebjarLinks.resolve(request, "/manager/kpis/orders?project=DEMO&figure=kept", provider))
			.isEqualTo("/manager/kpis/orders?project=DEMO&figure=kept");
		assertThat(WebjarLinks.resolve(request, "/css/app.css", provider)).isEqualTo("/css/app.css");
		assertThat(asked).containsExactly("/webjars/htmx.org/dist/htmx.min.js");
	}

	@Test
	void aLinkStaysAsItIsWhenNoResolverIsThereOrNoneKnowsIt() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/login");
		assertThat(WebjarLinks.resolve(request, "/webjars/htmx.org/dist/htmx.min.js"))
			.isEqualTo("/webjars/htmx.org/dist/htmx.min.js");
		assertThat(WebjarLinks.resolve(request, "/webjars/nothing.js", (r, url) -> null))
			.isEqualTo("/webjars/nothing.js");
	}

}

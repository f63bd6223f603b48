package org.suxiu.operations;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.context.event.EventListener;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.modulith.events.ApplicationModuleListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order number is in the log context while a listener handles an order's event or a
 * request about an order runs, and gone afterwards.
 */
class OrderLogContextTest {

	record OrderTaken(String number, long tenantId) {
	}

	record Unrelated(String name) {
	}

	static class Listener {

		final List<String> seen = new ArrayList<>();

		@ApplicationModuleListener
		void on(OrderTaken event) {
			seen.add(MDC.get("order"));
		}

		@EventListener
		void on(Unrelated event) {
			seen.add(MDC.get("order"));
		}

	}

	@Test
	void aListenerOfAnOrdersEventLogsWithItsNumber() {
		Listener listener = new Listener();

		advised(listener).on(new OrderTaken("BX20261127000123", 1));

		assertThat(listener.seen).containsExactly("BX20261127000123");
		assertThat(MDC.get("order")).isNull();
	}

	@Test
	void aListenerOfAnotherEventLogsWithoutOne() {
		Listener listener = new Listener();

		advised(listener).on(new Unrelated("x"));

		assertThat(listener.seen).containsOnlyNulls().hasSize(1);
	}

	@Test
	void aRequestAboutAnOrderLogsWithItsNumber() throws Exception {
		List<String> seen = new ArrayList<>();
		MockFilterChain chain = new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
			@Override
			protected void service(jakarta.servlet.http.HttpServletRequest req,
					jakarta.servlet.http.HttpServletResponse resp) {
				seen.add(MDC.get("order"));
			}
		});

		new OrderLogContext.Requests().doFilter(
				new MockHttpServletRequest("POST", "/api/v1/work-orders/BX20261127000123/take"),
				new MockHttpServletResponse(), chain);

		assertThat(seen).containsExactly("BX20261127000123");
		assertThat(MDC.get("order")).isNull();
	}

	private static Listener advised(Listener target) {
		ProxyFactory factory = new ProxyFactory(target);
		factory.setProxyTargetClass(true);
		factory.addAdvisor(new DefaultPointcutAdvisor(new AnnotationMatchingPointcut(null, EventListener.class, true),
				new OrderLogContext.Listeners()));
		Listener proxy = (Listener) factory.getProxy();
		return proxy;
	}

}

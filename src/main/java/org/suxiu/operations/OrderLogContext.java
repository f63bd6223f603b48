package org.suxiu.operations;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.slf4j.MDC;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the order number into the log context ({@code MDC} key {@code order}) for every
 * line written while a request about an order (its number in the path) or a listener of
 * an order's event runs; the trace id is there by Micrometer Tracing.
 */
final class OrderLogContext {

	static final String KEY = "order";

	private OrderLogContext() {
	}

	/** Requests with an order number in their path. */
	static final class Requests extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String number = OrderNumbers.inPath(request.getRequestURI()).orElse(null);
			if (number == null) {
				chain.doFilter(request, response);
				return;
			}
			String outer = MDC.get(KEY);
			MDC.put(KEY, number);
			try {
				chain.doFilter(request, response);
			}
			finally {
				restore(outer);
			}
		}

	}

	/** Event listener methods whose event names an order. */
	static final class Listeners implements MethodInterceptor {

		@Override
		public Object invoke(MethodInvocation invocation) throws Throwable {
			String number = null;
			for (Object argument : invocation.getArguments()) {
				number = OrderNumbers.of(argument).orElse(number);
			}
			if (number == null) {
				return invocation.proceed();
			}
			String outer = MDC.get(KEY);
			MDC.put(KEY, number);
			try {
				return invocation.proceed();
			}
			finally {
				restore(outer);
			}
		}

	}

	private static void restore(String outer) {
		if (outer == null) {
			MDC.remove(KEY);
		}
		else {
			MDC.put(KEY, outer);
		}
	}

}

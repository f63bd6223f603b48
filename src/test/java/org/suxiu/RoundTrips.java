package org.suxiu;

import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.postgresql.ds.PGSimpleDataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts the SQL round trips of one HTTP request: every statement executed (a batch
 * counts once) and every commit or rollback, on the thread that serves a request marked
 * with the {@value #HEADER} header. Listeners that run after the commit on other threads
 * are not the request's and are not counted.
 */
public final class RoundTrips {

	public static final String HEADER = "X-Count-Round-Trips";

	private static final ThreadLocal<AtomicInteger> COUNTING = new ThreadLocal<>();

	private static final AtomicInteger LAST = new AtomicInteger(-1);

	private static final Set<String> EXECUTES = Set.of("execute", "executeQuery", "executeUpdate", "executeBatch",
			"executeLargeUpdate", "executeLargeBatch");

	private RoundTrips() {
	}

	/** The round trips of the last marked request. */
	public static int last() {
		return LAST.get();
	}

	private static final ThreadLocal<java.util.List<String>> TRAIL = new ThreadLocal<>();

	private static volatile java.util.List<String> lastTrail = java.util.List.of();

	/** What the last marked request sent, one line per round trip. */
	public static java.util.List<String> lastTrail() {
		return lastTrail;
	}

	private static void count(String what) {
		AtomicInteger counter = COUNTING.get();
		if (counter != null) {
			counter.incrementAndGet();
			TRAIL.get().add(what.replaceAll("\\s+", " ").strip());
		}
	}

	private static <T> T proxy(Class<T> type, Object target, InvocationHandler counting) {
		return type.cast(Proxy.newProxyInstance(RoundTrips.class.getClassLoader(), new Class<?>[] { type }, counting));
	}

	private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

	static DataSource counting(DataSource physical) {
		return proxy(DataSource.class, physical, (p, method, args) -> {
			Object result = invoke(physical, method, args);
			return result instanceof Connection connection ? counting(connection) : result;
		});
	}

	static Connection counting(Connection connection) {
		return proxy(Connection.class, connection, (p, method, args) -> {
			String name = method.getName();
			if (name.equals("commit") || name.equals("rollback")) {
				count(name.toUpperCase(java.util.Locale.ROOT));
			}
			Object result = invoke(connection, method, args);
			if (result instanceof Statement statement) {
				Class<? extends Statement> type = method.getReturnType().asSubclass(Statement.class);
				String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : "";
				return proxy(type, statement, (sp, m, a) -> {
					if (EXECUTES.contains(m.getName())) {
						String text = a != null && a.length > 0 && a[0] instanceof String given ? given : sql;
						count(m.getName() + ": " + text);
					}
					return invoke(statement, m, a);
				});
			}
			return result;
		});
	}

	/** Puts the counter under the pool and the marker filter in front of everything. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Config {

		@Bean
		static BeanPostProcessor countingConnections() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					if (bean instanceof HikariDataSource hikari && hikari.getDataSource() == null) {
						PGSimpleDataSource physical = new PGSimpleDataSource();
						physical.setURL(hikari.getJdbcUrl());
						physical.setUser(hikari.getUsername());
						physical.setPassword(hikari.getPassword());
						hikari.setDataSource(counting(physical));
					}
					return bean;
				}
			};
		}

		@Bean
		FilterRegistrationBean<OncePerRequestFilter> roundTripMarker() {
			FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
					new OncePerRequestFilter() {
						@Override
						protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
								FilterChain chain) throws ServletException, IOException {
							if (request.getHeader(HEADER) == null) {
								chain.doFilter(request, response);
								return;
							}
							AtomicInteger counter = new AtomicInteger();
							COUNTING.set(counter);
							TRAIL.set(new java.util.ArrayList<>());
							try {
								chain.doFilter(request, response);
							}
							finally {
								COUNTING.remove();
								lastTrail = TRAIL.get();
								TRAIL.remove();
								LAST.set(counter.get());
							}
						}
					});
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
			return registration;
		}

	}

}

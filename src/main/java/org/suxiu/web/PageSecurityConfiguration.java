package org.suxiu.web;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.suxiu.identity.Credentials;

/**
 * Security for the pages: form sign-in, a session kept in PostgreSQL (Spring Session
 * JDBC, so any instance serves any page), CSRF on every form, one area per role. It is
 * ordered before the API's stateless bearer chain and matches only page paths, so the API
 * is unchanged.
 */
@Configuration(proxyBeanMethods = false)
class PageSecurityConfiguration {

	static final String[] PAGE_PATHS = { "/", "/login", "/login/**", "/logout", "/live/**", "/denied", "/owner/**",
			"/tech/**", "/dispatch/**", "/agent/**", "/manager/**", "/admin/**", "/files/**", "/platform/**" };

	@Bean
	@Order(1)
	SecurityFilterChain pages(HttpSecurity http, Credentials credentials) throws Exception {
		http.securityMatcher(PAGE_PATHS)
			.authorizeHttpRequests(auth -> auth.requestMatchers("/login", "/login/**", "/denied")
				.permitAll()
				.requestMatchers("/owner/**")
				.hasRole("OWNER")
				.requestMatchers("/tech/**")
				.hasRole("TECHNICIAN")
				.requestMatchers("/dispatch/**")
				.hasAnyRole("DISPATCHER", "SUPERVISOR")
				.requestMatchers("/agent/**")
				.hasRole("AGENT")
				.requestMatchers("/manager/**")
				.hasAnyRole("MANAGER", "ADMIN")
				.requestMatchers("/admin/**")
				.hasRole("ADMIN")
				.requestMatchers("/platform/**")
				.hasRole("OPERATOR")
				.anyRequest()
				.authenticated())
			.authenticationProvider(new ActorAuthenticationProvider(credentials))
			.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).failureUrl("/login?error"))
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			.exceptionHandling(e -> e.accessDeniedPage("/denied").authenticationEntryPoint(signInFirst()));
		return http.build();
	}

	/**
	 * A browser goes to the sign-in page; an htmx refresh whose session ended tells htmx
	 * to go there instead of swapping the sign-in page into a fragment.
	 */
	private static AuthenticationEntryPoint signInFirst() {
		LoginUrlAuthenticationEntryPoint page = new LoginUrlAuthenticationEntryPoint("/login");
		return (request, response, ex) -> {
			if (request.getRequestURI().startsWith(request.getContextPath() + "/live/")) {
				// an EventSource cannot follow a sign-in page; it stops on 401
				response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
				return;
			}
			if (request.getHeader("HX-Request") != null) {
				response.setHeader("HX-Redirect", "/login");
				response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
				return;
			}
			page.commence(request, response, ex);
		};
	}

}

package org.suxiu.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.suxiu.identity.PasswordSignIn;
import org.suxiu.wechat.WechatAccounts;

/**
 * Security for the pages: form sign-in, a session kept in PostgreSQL (Spring Session
 * JDBC, so any instance serves any page), CSRF on every form, one area per role. It is
 * ordered before the API's stateless bearer chain and matches only page paths, so the API
 * is unchanged.
 */
@Configuration(proxyBeanMethods = false)
class PageSecurityConfiguration {

	/**
	 * Scripts, styles and everything else from this origin only: no inline script or
	 * style attribute runs (htmx's indicator style is switched off in the layout, select
	 * boxes submit through app.js); images may also be data/blob URLs (thumbnails
	 * previewed before upload).
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; object-src 'none'; "
			+ "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	static final String[] PAGE_PATHS = { "/", "/login", "/login/**", "/logout", "/live/**", "/denied", "/owner/**",
			"/tech/**", "/dispatch/**", "/agent/**", "/manager/**", "/admin/**", "/files/**", "/platform/**", "/search",
			"/settings/**", "/desk/**", "/consent/**", "/complaints", "/complaints/**", "/assets", "/assets/**",
			"/plans", "/plans/**", "/rounds", "/rounds/**", "/checkpoints/**", "/a/**", "/wall", "/wall/**" };

	@Bean
	@Order(1)
	SecurityFilterChain pages(HttpSecurity http, PasswordSignIn passwords, WechatAccounts wechat) throws Exception {
		http.securityMatcher(PAGE_PATHS)
			.authorizeHttpRequests(auth -> auth.requestMatchers("/login", "/login/**", "/denied", "/consent/**")
				.permitAll()
				.requestMatchers("/desk/**", "/complaints", "/complaints/**")
				.hasAnyRole("AGENT", "SUPERVISOR", "MANAGER", "ADMIN")
				.requestMatchers("/assets", "/assets/**", "/plans", "/plans/**", "/rounds", "/rounds/**",
						"/checkpoints/**")
				.hasAnyRole("AGENT", "DISPATCHER", "SUPERVISOR", "TECHNICIAN", "MANAGER", "ADMIN")
				.requestMatchers("/search")
				.hasAnyRole("AGENT", "DISPATCHER", "SUPERVISOR", "TECHNICIAN", "MANAGER", "ADMIN")
				.requestMatchers("/wall", "/wall/**")
				.hasAnyRole("DISPATCHER", "SUPERVISOR", "MANAGER", "ADMIN")
				.requestMatchers("/owner/**")
				.hasRole("OWNER")
				.requestMatchers("/tech/**")
				.hasRole("TECHNICIAN")
				.requestMatchers("/dispatch/**")
				.hasAnyRole("DISPATCHER", "SUPERVISOR")
				.requestMatchers("/agent/**")
				.hasRole("AGENT")
				.requestMatchers("/manager/what-if", "/manager/what-if/**", "/manager/scorecards",
						"/manager/scorecards/**")
				.hasAnyRole("MANAGER", "SUPERVISOR", "ADMIN")
				.requestMatchers("/manager/**")
				.hasAnyRole("MANAGER", "ADMIN")
				.requestMatchers("/settings/**")
				.hasAnyRole("DISPATCHER", "SUPERVISOR", "MANAGER", "ADMIN")
				.requestMatchers("/admin/**")
				.hasRole("ADMIN")
				.requestMatchers("/platform/**")
				.hasRole("OPERATOR")
				.anyRequest()
				.authenticated())
			.authenticationProvider(new ActorAuthenticationProvider(passwords))
			.formLogin(form -> form.loginPage("/login")
				.defaultSuccessUrl("/", false)
				.failureHandler(PageSecurityConfiguration::signInFailed))
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			.exceptionHandling(e -> e.accessDeniedPage("/denied").authenticationEntryPoint(signInFirst(wechat)))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
		return http.build();
	}

	/**
	 * Back to the sign-in page: with the wait when throttled (the page then answers 429
	 * with Retry-After), else with the usual error.
	 */
	private static void signInFailed(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException ex) throws java.io.IOException {
		String target = ex instanceof ActorAuthenticationProvider.Throttled throttled
				? "/login?throttled=" + throttled.retryAfterSeconds() : "/login?error";
		response.sendRedirect(request.getContextPath() + target);
	}

	/** A plain visit to an owner page from WeChat's own browser, with WeChat set up. */
	private static boolean insideWechat(HttpServletRequest request, WechatAccounts wechat) {
		String agent = request.getHeader("User-Agent");
		return agent != null && agent.contains("MicroMessenger") && "GET".equals(request.getMethod())
				&& request.getHeader("HX-Request") == null
				&& request.getRequestURI().startsWith(request.getContextPath() + "/owner") && wechat.enabled();
	}

	/**
	 * A browser goes to the sign-in page; an htmx refresh whose session ended tells htmx
	 * to go there instead of swapping the sign-in page into a fragment.
	 */
	private static AuthenticationEntryPoint signInFirst(WechatAccounts wechat) {
		LoginUrlAuthenticationEntryPoint page = new LoginUrlAuthenticationEntryPoint("/login");
		// "Location: /login", never built from the Host header a client sent
		page.setFavorRelativeUris(true);
		return (request, response, ex) -> {
			if (request.getRequestURI().startsWith(request.getContextPath() + "/live/")) {
				// an EventSource cannot follow a sign-in page; it stops on 401
				response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
				return;
			}
			if (insideWechat(request, wechat)) {
				// an owner page opened in WeChat's browser signs in through WeChat
				String ownerPage = request.getRequestURI().substring(request.getContextPath().length());
				response.sendRedirect(request.getContextPath() + "/login/wechat?next="
						+ java.net.URLEncoder.encode(ownerPage, java.nio.charset.StandardCharsets.UTF_8));
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

package org.suxiu.identity;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import javax.crypto.SecretKey;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.proc.SecurityContext;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.core.convert.converter.Converter;
import org.suxiu.shared.Problems;
import org.suxiu.shared.RunMode;
import org.suxiu.shared.SuxiuProperties;

/**
 * Stateless bearer-token security for the API: every {@code /api/**} call needs a token
 * except sign-in and device alarms (which the asset module checks against the device's
 * own key); failures answer as problem JSON.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

	private static final String EVENT_STREAM = "/api/v1/events";

	@Bean
	SecurityFilterChain api(HttpSecurity http, JsonMapper json) throws Exception {
		AuthenticationEntryPoint unauthenticated = (request, response, ex) -> write(response, json,
				HttpStatus.UNAUTHORIZED, "A valid bearer token is required");
		AccessDeniedHandler denied = (request, response, ex) -> write(response, json, HttpStatus.FORBIDDEN,
				"Your role may not do this");
		http.csrf(csrf -> csrf.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests(auth -> auth
				.requestMatchers(HttpMethod.POST, "/api/v1/auth/token", "/api/v1/auth/sms-code",
						"/api/v1/auth/wechat-mini")
				.permitAll()
				// devices authenticate with X-Device-Key, checked by the asset
				// module
				.requestMatchers(HttpMethod.POST, "/api/v1/devices/*/alarms")
				.permitAll()
				.requestMatchers("/api/v1/platform/**")
				.hasRole("OPERATOR")
				// the platform operator sees no company's inside
				.requestMatchers("/api/**")
				.access(AuthorizationManagers.allOf(AuthenticatedAuthorizationManager.authenticated(),
						AuthorizationManagers.not(AuthorityAuthorizationManager.hasRole("OPERATOR"))))
				.anyRequest()
				.permitAll())
			.oauth2ResourceServer(rs -> rs.bearerTokenResolver(bearerTokens())
				.jwt(jwt -> jwt.jwtAuthenticationConverter(new ActorTokenConverter()))
				.authenticationEntryPoint(unauthenticated)
				.accessDeniedHandler(denied))
			.exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied));
		return http.build();
	}

	/**
	 * A lighter filter chain: Spring Security observes each of its filters, the
	 * authentication and the authorization of every request, which cost about as much CPU
	 * as the request's own work on the API's short requests (issue 19's profile). The
	 * request itself is still observed ({@code http.server.requests}).
	 */
	@Bean
	SecurityObservationSettings noSecurityFilterObservations() {
		// not only silenced: without them the filters are not wrapped at all
		return SecurityObservationSettings.noObservations();
	}

	/** Spring Security's firewall, its header checks without regular expressions. */
	@Bean
	WebSecurityCustomizer cheapFirewall() {
		StrictHttpFirewall firewall = CheapChecks.firewall();
		return web -> web.httpFirewall(firewall);
	}

	/**
	 * Tokens come in the {@code Authorization} header; only the live-event stream also
	 * takes {@code ?access_token=}, since browsers' EventSource cannot set headers.
	 */
	static BearerTokenResolver bearerTokens() {
		BearerTokenResolver header = CheapChecks.bearerFromHeader(new DefaultBearerTokenResolver());
		DefaultBearerTokenResolver headerOrQuery = new DefaultBearerTokenResolver();
		headerOrQuery.setAllowUriQueryParameter(true);
		return request -> (EVENT_STREAM.equals(request.getRequestURI().substring(request.getContextPath().length()))
				? headerOrQuery : header)
			.resolve(request);
	}

	@Bean
	SecretKey tokenSigningKey(@Value("${suxiu.security.jwt-secret:}") String configured, RunMode runMode,
			SuxiuProperties properties) {
		return JwtSecret.resolve(configured, runMode.embedded(), properties.dataDirectory());
	}

	@Bean
	JwtEncoder jwtEncoder(SecretKey key) {
		return new NimbusJwtEncoder(new ImmutableSecret<SecurityContext>(key));
	}

	@Bean
	JwtDecoder jwtDecoder(SecretKey key, Clock clock, AccessCheck access) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
		var timestamps = new org.springframework.security.oauth2.jwt.JwtTimestampValidator(Duration.ofSeconds(30));
		timestamps.setClock(clock);
		// the signature is checked once per token; the validators on every request
		decoder.setJwtValidator(jwt -> org.springframework.security.oauth2.core.OAuth2TokenValidatorResult.success());
		return new VerifiedTokens(decoder,
				new org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator<>(timestamps,
						JwtValidators.createDefaultWithIssuer(Tokens.ISSUER), access));
	}

	@Bean
	Tokens tokens(JwtEncoder encoder, Clock clock, @Value("${suxiu.security.token-lifetime:PT8H}") Duration lifetime) {
		return new Tokens(encoder, clock, lifetime);
	}

	private static void write(jakarta.servlet.http.HttpServletResponse response, JsonMapper json, HttpStatus status,
			String detail) throws java.io.IOException {
		ProblemDetail problem = Problems.of(status, Problems.typeFor(status), status.getReasonPhrase(), detail);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		if (status == HttpStatus.UNAUTHORIZED) {
			response.setHeader("WWW-Authenticate", "Bearer");
		}
		json.writeValue(response.getOutputStream(), problem);
	}

	/**
	 * Grants {@code ROLE_X} from the token's role claim; the principal's name is the
	 * username.
	 */
	static class ActorTokenConverter implements Converter<Jwt, AbstractAuthenticationToken> {

		@Override
		public AbstractAuthenticationToken convert(Jwt jwt) {
			return new JwtAuthenticationToken(jwt,
					List.of(new SimpleGrantedAuthority("ROLE_" + jwt.getClaimAsString("role"))), jwt.getSubject());
		}

	}

}

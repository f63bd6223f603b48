package org.suxiu.web;

import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Pages speak Simplified Chinese unless the person picks English ({@code ?lang=en}); the
 * choice is kept in a cookie, not in server memory.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	static final Locale DEFAULT = Locale.SIMPLIFIED_CHINESE;

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("suxiu-lang");
		resolver.setDefaultLocale(DEFAULT);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		return resolver;
	}

	/**
	 * Resolves only the web-jar links in pages (Spring Boot's filter would try every link
	 * as a static file); registered as Boot registers its own, which then stands back.
	 */
	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
		FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(
				new WebjarLinks());
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
		return registration;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor change = new LocaleChangeInterceptor();
		change.setParamName("lang");
		change.setIgnoreInvalidLocale(true);
		registry.addInterceptor(change).addPathPatterns(PageSecurityConfiguration.PAGE_PATHS);
	}

}

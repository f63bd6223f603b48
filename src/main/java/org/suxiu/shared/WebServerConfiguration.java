package org.suxiu.shared;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Requests the container or the firewall refuses still answer as problems: Tomcat passes
 * an encoded slash ({@code %2F}) on instead of answering its own HTML page, Spring
 * Security's firewall refuses it with 400, and the error controller writes the problem.
 */
@Configuration(proxyBeanMethods = false)
class WebServerConfiguration {

	@Bean
	TomcatConnectorCustomizer encodedSlashReachesTheFirewall() {
		return connector -> connector.setEncodedSolidusHandling("passthrough");
	}

	/** Handlers looked up by the literal start of their paths first. */
	@Bean
	WebMvcRegistrations prefixFirstHandlerLookup() {
		return new WebMvcRegistrations() {
			@Override
			public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
				return new PrefixFirstHandlerMapping();
			}
		};
	}

	@Bean
	RequestRejectedHandler requestRejectedHandler() {
		return new HttpStatusRequestRejectedHandler();
	}

}

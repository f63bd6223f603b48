package org.suxiu.operations;

import org.apache.catalina.connector.Connector;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Opens the management port ({@code suxiu.metrics.port}, 8081 by default, -1 for none)
 * next to the application port. When the application port is random (tests, the
 * benchmarks) so is the management port, so that several instances fit on one machine.
 */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

	private final Connector connector;

	MetricsConfiguration(@Value("${suxiu.metrics.port:8081}") int port, @Value("${server.port:8080}") int serverPort,
			@Value("${suxiu.metrics.address:}") String address) {
		if (port < 0) {
			this.connector = null;
			return;
		}
		this.connector = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);
		this.connector.setPort(serverPort == 0 ? 0 : port);
		if (!address.isBlank()) {
			this.connector.setProperty("address", address);
		}
	}

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> managementConnector() {
		return factory -> {
			if (connector != null) {
				factory.addAdditionalConnectors(connector);
			}
		};
	}

	@Bean
	MetricsPort metricsPort() {
		return new MetricsPort(connector);
	}

	@Bean
	FilterRegistrationBean<MetricsPort> metricsPortFilter(MetricsPort filter) {
		FilterRegistrationBean<MetricsPort> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

}

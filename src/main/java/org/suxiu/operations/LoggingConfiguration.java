package org.suxiu.operations;

import org.springframework.aop.framework.autoproxy.AbstractBeanFactoryAwareAdvisingPostProcessor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;

/**
 * The order number in the log context of requests and event listeners about an order.
 */
@Configuration(proxyBeanMethods = false)
class LoggingConfiguration {

	@Bean
	FilterRegistrationBean<OrderLogContext.Requests> orderLogContextFilter() {
		FilterRegistrationBean<OrderLogContext.Requests> registration = new FilterRegistrationBean<>(
				new OrderLogContext.Requests());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}

	@Bean
	static ListenerLogContext orderLogContextForListeners() {
		return new ListenerLogContext();
	}

	/**
	 * Advises every {@code @EventListener} method (and so every
	 * {@code @ApplicationModuleListener}); the listeners stay as they are.
	 */
	static class ListenerLogContext extends AbstractBeanFactoryAwareAdvisingPostProcessor {

		ListenerLogContext() {
			setBeforeExistingAdvisors(true);
			setProxyTargetClass(true);
			this.advisor = new DefaultPointcutAdvisor(new AnnotationMatchingPointcut(null, EventListener.class, true),
					new OrderLogContext.Listeners());
		}

		@Override
		protected boolean isEligible(Class<?> targetClass) {
			return targetClass.getName().startsWith("org.suxiu.") && super.isEligible(targetClass);
		}

	}

}

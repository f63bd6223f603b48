package org.suxiu.shared;

import java.lang.reflect.Method;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.stereotype.Component;

/**
 * How a module listener that failed on the task executor is logged. Its event's
 * publication stays unfinished either way and is resubmitted later
 * ({@link FailedPublications}). When the database could not be reached — an outage, or an
 * instance shutting down with events still in hand — that is one warning line per event
 * naming the listener, not a stack trace each: the outage itself is logged by
 * {@link DatabaseOutage}. Anything else is an error with its stack trace, as before.
 */
@Component
class ListenerFailures implements AsyncConfigurer, AsyncUncaughtExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ListenerFailures.class);

	@Override
	public AsyncUncaughtExceptionHandler getAsyncUncaughtExceptionHandler() {
		return this;
	}

	@Override
	public void handleUncaughtException(Throwable ex, Method method, Object... params) {
		String listener = method.getDeclaringClass().getSimpleName() + "." + method.getName();
		String event = params.length == 1 && params[0] != null ? params[0].getClass().getSimpleName() : "event";
		if (DatabaseOutage.isOutage(ex)) {
			log.warn("{} could not reach the database for {}; it stays unfinished and is resubmitted later: {}",
					listener, event, NestedExceptionUtils.getMostSpecificCause(ex).toString());
		}
		else {
			log.error("{} failed on {}; it stays unfinished and is resubmitted later", listener, event, ex);
		}
	}

}

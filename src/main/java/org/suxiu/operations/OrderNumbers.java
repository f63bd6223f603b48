package org.suxiu.operations;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The order number an event or a request path is about: an event's {@code number()} or
 * {@code orderNumber()} accessor, or a {@code BX…} number in a path. Read by name, so
 * that the log context and the Kafka key need no change when events move between
 * packages.
 */
final class OrderNumbers {

	private static final Pattern IN_PATH = Pattern.compile("(BX\\d{8,})");

	private static final Map<Class<?>, Optional<Method>> ACCESSORS = new ConcurrentHashMap<>();

	private OrderNumbers() {
	}

	static Optional<String> of(Object event) {
		if (event == null) {
			return Optional.empty();
		}
		return ACCESSORS.computeIfAbsent(event.getClass(), OrderNumbers::accessor).map(method -> {
			try {
				Object value = method.invoke(event);
				return value instanceof String number && !number.isBlank() ? number : null;
			}
			catch (ReflectiveOperationException | RuntimeException ex) {
				return null;
			}
		});
	}

	static Optional<String> inPath(String path) {
		var matcher = IN_PATH.matcher(path == null ? "" : path);
		return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
	}

	private static Optional<Method> accessor(Class<?> type) {
		for (String name : new String[] { "number", "orderNumber" }) {
			try {
				Method method = type.getMethod(name);
				if (method.getReturnType() == String.class) {
					method.setAccessible(true);
					return Optional.of(method);
				}
			}
			catch (NoSuchMethodException | RuntimeException ex) {
				// try the next name
			}
		}
		return Optional.empty();
	}

}

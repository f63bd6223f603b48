package org.suxiu;

import java.lang.reflect.Proxy;

/**
 * Under {@code ./mvnw spring-boot:run}, when Maven alone is interrupted (an IDE's stop
 * button, {@code kill -INT} on Maven's process, a terminal that signals only it), the
 * Maven plugin waits five seconds and then stops the application with SIGTERM, and
 * reports the JVM's usual exit code for it, 143, as {@code BUILD FAILURE}. The plugin's
 * run configuration sets {@code suxiu.run.clean-exit-on-term}: SIGTERM then shuts down as
 * usual (the same shutdown hooks) but exits with 0, which the plugin takes as a clean
 * stop. A packaged jar never sets it and keeps 143.
 */
final class CleanStop {

	static final String PROPERTY = "suxiu.run.clean-exit-on-term";

	private CleanStop() {
	}

	/** Installs the handler when the run configuration asks for it. */
	static void installIfAsked() {
		if (!Boolean.getBoolean(PROPERTY)) {
			return;
		}
		try {
			// sun.misc.Signal (module jdk.unsupported) through reflection: the only way
			// to
			// choose the exit code of a signal, without a compiler warning for its use
			Class<?> signal = Class.forName("sun.misc.Signal");
			Class<?> handler = Class.forName("sun.misc.SignalHandler");
			Object term = signal.getConstructor(String.class).newInstance("TERM");
			Object exit = Proxy.newProxyInstance(CleanStop.class.getClassLoader(), new Class<?>[] { handler },
					(proxy, method, args) -> switch (method.getName()) {
						case "handle" -> {
							System.exit(0);
							yield null;
						}
						case "hashCode" -> System.identityHashCode(proxy);
						case "equals" -> proxy == args[0];
						default -> "CleanStop";
					});
			signal.getMethod("handle", signal, handler).invoke(null, term, exit);
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			// the JVM's own handling stays: a clean shutdown with exit code 143
		}
	}

}

package org.suxiu.shared;

import java.lang.reflect.Method;
import java.net.ConnectException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A listener that could not reach the database is one warning line; any other failure is
 * an error with its stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class ListenerFailuresTest {

	private final ListenerFailures failures = new ListenerFailures();

	@Test
	void aListenerThatCouldNotReachTheDatabaseIsOneWarningLine(CapturedOutput output) throws Exception {
		failures.getAsyncUncaughtExceptionHandler()
			.handleUncaughtException(
					new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
							new ConnectException("Connection refused")),
					listener(), new Object[] { new SampleEvent("BX1") });

		assertThat(output.getOut()).contains("WARN")
			.contains("Sample.on could not reach the database for SampleEvent; it stays unfinished")
			.contains("ConnectException: Connection refused")
			.doesNotContain("\tat ");
	}

	@Test
	void anyOtherFailureIsAnErrorWithItsStackTrace(CapturedOutput output) throws Exception {
		failures.handleUncaughtException(new IllegalStateException("a bug"), listener(), new SampleEvent("BX1"));

		assertThat(output.getOut()).contains("ERROR")
			.contains("Sample.on failed on SampleEvent")
			.contains("IllegalStateException: a bug")
			.contains("\tat ");
	}

	private static Method listener() throws NoSuchMethodException {
		return Sample.class.getDeclaredMethod("on", SampleEvent.class);
	}

	record SampleEvent(String number) {
	}

	static class Sample {

		void on(SampleEvent event) {
		}

	}

}

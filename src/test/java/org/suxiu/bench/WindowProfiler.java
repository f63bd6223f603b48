package org.suxiu.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * Profiles exactly the measured window of each phase when asked:
 * {@code -Dbench.jfr=/tmp/run} records Java Flight Recorder's "profile" settings to
 * {@code /tmp/run-1.jfr}, {@code -2.jfr}, …; {@code -Dbench.perf=/tmp/run} runs Linux
 * {@code perf record -a -g} (the whole machine: the embedded PostgreSQL's processes too)
 * to {@code /tmp/run-1.perf}, …. The window's wall-clock times are printed, to match
 * other samplers' logs.
 */
final class WindowProfiler {

	private static final AtomicInteger WINDOWS = new AtomicInteger();

	private final Recording recording;

	private final Process perf;

	private final int window;

	private WindowProfiler(Recording recording, Process perf, int window) {
		this.recording = recording;
		this.perf = perf;
		this.window = window;
	}

	static WindowProfiler start(long seconds) {
		int window = WINDOWS.incrementAndGet();
		System.out.printf("[bench] measured window %d from %s for %d s%n", window,
				LocalTime.now().truncatedTo(ChronoUnit.SECONDS), seconds);
		Recording recording = null;
		String jfr = System.getProperty("bench.jfr");
		if (jfr != null) {
			try {
				recording = new Recording(Configuration.getConfiguration("profile"));
				recording.setDestination(Path.of(jfr + "-" + window + ".jfr"));
				recording.start();
			}
			catch (IOException | ParseException ex) {
				throw new IllegalStateException(ex);
			}
		}
		Process perf = null;
		String perfFile = System.getProperty("bench.perf");
		if (perfFile != null) {
			try {
				perf = new ProcessBuilder("perf", "record", "-a", "-g", "-F", "199", "-o",
						perfFile + "-" + window + ".perf", "--", "sleep", String.valueOf(seconds))
					.redirectErrorStream(true)
					.redirectOutput(ProcessBuilder.Redirect.DISCARD)
					.start();
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return new WindowProfiler(recording, perf, window);
	}

	void stop() throws InterruptedException {
		if (this.recording != null) {
			this.recording.stop();
			this.recording.close();
		}
		if (this.perf != null) {
			this.perf.waitFor();
		}
		System.out.printf("[bench] measured window %d ends %s%n", this.window,
				LocalTime.now().truncatedTo(ChronoUnit.SECONDS));
	}

}

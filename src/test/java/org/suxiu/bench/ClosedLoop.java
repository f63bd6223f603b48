package org.suxiu.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Closed-loop load: each client sends its next request as soon as the previous one is
 * answered, so the rate measured is what the system sustains at that concurrency. Only
 * requests that start and end inside the measured window count.
 */
final class ClosedLoop {

	static final String THREAD_PREFIX = "bench-client-";

	private ClosedLoop() {
	}

	/**
	 * Runs {@code clients} threads for the warm-up and then the measured window.
	 * @param call one request by client {@code client}, its {@code n}th; true if it got
	 * the expected answer
	 */
	static Result run(int clients, Duration warmup, Duration measured, CpuMeter cpu,
			Supplier<ServerTimings.Snapshot> server, Call call) throws InterruptedException {
		long start = System.nanoTime();
		long measureFrom = start + warmup.toNanos();
		long measureUntil = measureFrom + measured.toNanos();
		Worker[] workers = new Worker[clients];
		CountDownLatch done = new CountDownLatch(clients);
		AtomicReference<String> firstError = new AtomicReference<>();
		for (int i = 0; i < clients; i++) {
			workers[i] = new Worker(i, measureFrom, measureUntil, call, firstError, done);
			Thread thread = new Thread(workers[i], THREAD_PREFIX + i);
			thread.setDaemon(true);
			thread.start();
		}
		sleepUntil(measureFrom);
		WindowProfiler profiler = WindowProfiler.start(measured.toSeconds());
		CpuMeter.Sample before = cpu.sample();
		ServerTimings.Snapshot serverBefore = server.get();
		sleepUntil(measureUntil);
		CpuMeter.Sample after = cpu.sample();
		ServerTimings.Snapshot serverAfter = server.get();
		profiler.stop();
		done.await();
		List<long[]> all = new ArrayList<>();
		long errors = 0;
		for (Worker worker : workers) {
			all.add(worker.latencies.toArray());
			errors += worker.errors;
		}
		return new Result(new Latencies(concat(all)), errors, measured.toNanos() / 1e9, CpuMeter.between(before, after),
				serverAfter.meanMillisSince(serverBefore), serverAfter.maxMillis(), firstError.get());
	}

	/**
	 * One client sending {@code warmups} and then {@code requests} measured requests, one
	 * after the other.
	 */
	static Result sequential(int warmups, int requests, CpuMeter cpu, Supplier<ServerTimings.Snapshot> server,
			Call call) throws InterruptedException {
		// On a client thread of its own, so that the CPU it uses counts as the load
		// generator's.
		AtomicReference<Result> result = new AtomicReference<>();
		Thread thread = new Thread(() -> result.set(sequentialHere(warmups, requests, cpu, server, call)),
				THREAD_PREFIX + "sequential");
		thread.start();
		thread.join();
		return result.get();
	}

	private static Result sequentialHere(int warmups, int requests, CpuMeter cpu,
			Supplier<ServerTimings.Snapshot> server, Call call) {
		for (int i = 0; i < warmups; i++) {
			call.send(0, i);
		}
		LongList latencies = new LongList();
		long errors = 0;
		String firstError = null;
		CpuMeter.Sample before = cpu.sample();
		ServerTimings.Snapshot serverBefore = server.get();
		for (int i = 0; i < requests; i++) {
			long sent = System.nanoTime();
			Outcome outcome = call.send(0, i);
			latencies.add(System.nanoTime() - sent);
			if (!outcome.ok()) {
				errors++;
				firstError = (firstError != null) ? firstError : outcome.detail();
			}
		}
		CpuMeter.Sample after = cpu.sample();
		ServerTimings.Snapshot serverAfter = server.get();
		return new Result(new Latencies(latencies.toArray()), errors, (after.wallNanos() - before.wallNanos()) / 1e9,
				CpuMeter.between(before, after), serverAfter.meanMillisSince(serverBefore), serverAfter.maxMillis(),
				firstError);
	}

	private static void sleepUntil(long nanoTime) throws InterruptedException {
		long left;
		while ((left = nanoTime - System.nanoTime()) > 0) {
			Thread.sleep(Math.max(1, left / 1_000_000));
		}
	}

	private static long[] concat(List<long[]> parts) {
		long[] all = new long[parts.stream().mapToInt(p -> p.length).sum()];
		int at = 0;
		for (long[] part : parts) {
			System.arraycopy(part, 0, all, at, part.length);
			at += part.length;
		}
		return all;
	}

	/** One request of one client. */
	@FunctionalInterface
	interface Call {

		Outcome send(int client, int n);

	}

	/**
	 * Whether a request got its expected answer.
	 *
	 * @param ok true if it did
	 * @param detail what came back instead, for the report
	 */
	record Outcome(boolean ok, String detail) {

		static final Outcome OK = new Outcome(true, null);

		static Outcome of(BenchClient.Reply reply, int expectedStatus) {
			return (reply.status() == expectedStatus) ? OK
					: new Outcome(false, reply.status() + " " + abbreviate(reply.body()));
		}

		private static String abbreviate(String text) {
			return (text == null || text.length() <= 200) ? text : text.substring(0, 200) + "...";
		}

	}

	/**
	 * What one measured window gave.
	 *
	 * @param latencies response times of the measured requests, errors included
	 * @param errors measured requests without the expected answer
	 * @param seconds length of the measured window
	 * @param cpu cores in use during the window
	 * @param serverMeanMillis the application's own mean for these requests
	 * ({@code http.server.requests}), which leaves out queueing before Tomcat's threads
	 * and the load generator
	 * @param serverMaxMillis the application's longest request in its recent window
	 * (Micrometer keeps about two minutes)
	 * @param firstError the first unexpected answer, if any
	 */
	record Result(Latencies latencies, long errors, double seconds, CpuMeter.Share cpu, double serverMeanMillis,
			double serverMaxMillis, String firstError) {

		double perSecond() {
			return this.latencies.count() / this.seconds;
		}

	}

	private static final class Worker implements Runnable {

		private final int client;

		private final long measureFrom;

		private final long measureUntil;

		private final Call call;

		private final AtomicReference<String> firstError;

		private final CountDownLatch done;

		private final LongList latencies = new LongList();

		private long errors;

		Worker(int client, long measureFrom, long measureUntil, Call call, AtomicReference<String> firstError,
				CountDownLatch done) {
			this.client = client;
			this.measureFrom = measureFrom;
			this.measureUntil = measureUntil;
			this.call = call;
			this.firstError = firstError;
			this.done = done;
		}

		@Override
		public void run() {
			try {
				int n = 0;
				long sent;
				while ((sent = System.nanoTime()) < this.measureUntil) {
					Outcome outcome;
					try {
						outcome = this.call.send(this.client, n++);
					}
					catch (RuntimeException ex) {
						outcome = new Outcome(false, ex.toString());
					}
					long answered = System.nanoTime();
					if (sent >= this.measureFrom && answered <= this.measureUntil) {
						this.latencies.add(answered - sent);
						if (!outcome.ok()) {
							this.errors++;
							this.firstError.compareAndSet(null, outcome.detail());
						}
					}
				}
			}
			finally {
				this.done.countDown();
			}
		}

	}

}

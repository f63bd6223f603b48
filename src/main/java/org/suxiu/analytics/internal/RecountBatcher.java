package org.suxiu.analytics.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts the orders of many events together: each event hands over its order numbers (and
 * a charge to record) and gets a future; one worker gathers what arrived while the
 * previous batch ran, or within {@code linger} of the first request, up to
 * {@code max-numbers} orders, and recounts them all in ONE transaction (one read of their
 * lives, one of their clocks, one lock statement, one upsert of every roll-up difference
 * — a hundred orders of the same project and day move its rows once). Only after that
 * transaction committed are the futures completed, and only then do the listeners return
 * and Modulith mark the events' publications completed; a batch that fails is tried again
 * request by request, and a request that still fails fails its future, so its publication
 * stays incomplete and is resubmitted later. Counting twice changes nothing
 * ({@link Ledger} counts an order as it stands), so a publication resubmitted after its
 * count committed is harmless.
 * <p>
 * Several instances each run a worker; {@link Ledger} takes the orders' locks and the
 * roll-up rows in one fixed order, so two batches never wait on each other in a circle.
 */
@Component
class RecountBatcher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(RecountBatcher.class);

	/**
	 * What one event asks for.
	 *
	 * @param numbers the orders to count again
	 * @param charges payments or approved quotes to record first (once each)
	 * @param done completed once the count committed
	 */
	record Request(Collection<String> numbers, List<Charge> charges, CompletableFuture<Void> done) {
	}

	/** A payment ({@code PAID}) or an approved quote ({@code APPROVED}) of an order. */
	record Charge(String kind, long id, String number, long fen) {
	}

	private final BlockingQueue<Request> queue = new LinkedBlockingQueue<>();

	private final Ledger ledger;

	private final TransactionTemplate transactions;

	private final Duration linger;

	private final int maxNumbers;

	private volatile Thread worker;

	private final java.util.concurrent.atomic.AtomicLong batches = new java.util.concurrent.atomic.AtomicLong();

	private volatile boolean running;

	RecountBatcher(Ledger ledger, TransactionTemplate transactions,
			@Value("${suxiu.analytics.batch.linger:PT0.02S}") Duration linger,
			@Value("${suxiu.analytics.batch.max-numbers:500}") int maxNumbers) {
		this.ledger = ledger;
		this.transactions = transactions;
		this.linger = linger;
		this.maxNumbers = Math.max(1, maxNumbers);
	}

	/**
	 * Counts these orders again (after recording the charges), together with whatever
	 * else is waiting; the future completes once the count committed, or fails.
	 */
	CompletableFuture<Void> recount(Collection<String> numbers, List<Charge> charges) {
		Request request = new Request(numbers.stream().filter(java.util.Objects::nonNull).toList(),
				List.copyOf(charges), new CompletableFuture<>());
		boolean queued;
		synchronized (queue) {
			queued = running && queue.add(request);
		}
		if (!queued) {
			// not started yet, or stopping: counted on the caller's thread, alone (if the
			// database is gone too, the event fails and comes again)
			count(List.of(request));
		}
		return request.done();
	}

	@Override
	public synchronized void start() {
		if (running) {
			return;
		}
		running = true;
		worker = new Thread(this::work, "analytics-recounts");
		worker.setDaemon(true);
		worker.start();
	}

	/**
	 * Counts what is still queued, then stops; events arriving from now on are counted
	 * one by one on their own threads.
	 */
	@Override
	public synchronized void stop() {
		synchronized (queue) {
			// nothing is queued after this (so nothing is left behind by the drain below)
			running = false;
		}
		Thread stopping = worker;
		if (stopping != null) {
			try {
				stopping.join(10_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		worker = null;
		List<Request> left = new ArrayList<>();
		queue.drainTo(left);
		if (!left.isEmpty()) {
			count(left);
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/**
	 * Stops late, after the web server: the task executor still hands events over while
	 * it shuts down, and they are counted on their own threads from then on.
	 */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 4096;
	}

	private void work() {
		while (running || !queue.isEmpty()) {
			List<Request> batch;
			try {
				batch = next();
			}
			catch (InterruptedException ex) {
				break;
			}
			if (batch.isEmpty()) {
				continue;
			}
			try {
				count(batch);
			}
			catch (RuntimeException | Error ex) {
				log.error("Analytics recount batch failed unexpectedly", ex);
				batch.forEach(r -> r.done().completeExceptionally(ex));
			}
		}
	}

	/**
	 * The next batch: the first request waited for, then whatever else comes within the
	 * linger, up to the limit of orders.
	 */
	List<Request> next() throws InterruptedException {
		Request first = queue.poll(200, TimeUnit.MILLISECONDS);
		List<Request> batch = new ArrayList<>();
		if (first == null) {
			return batch;
		}
		batch.add(first);
		int numbers = first.numbers().size();
		long deadline = System.nanoTime() + linger.toNanos();
		while (numbers < maxNumbers) {
			Request more = queue.poll();
			if (more == null) {
				long wait = deadline - System.nanoTime();
				if (wait <= 0) {
					break;
				}
				more = queue.poll(wait, TimeUnit.NANOSECONDS);
				if (more == null) {
					break;
				}
			}
			batch.add(more);
			numbers += more.numbers().size();
		}
		return batch;
	}

	/**
	 * Counts a batch in one transaction; if that fails, each request on its own, so one
	 * bad order does not hold back the others.
	 */
	void count(List<Request> batch) {
		try {
			countTogether(batch);
			batch.forEach(this::succeed);
			return;
		}
		catch (RuntimeException ex) {
			if (batch.size() == 1) {
				fail(batch.get(0), ex);
				return;
			}
			log.warn("Analytics recount of {} events failed ({}); counting them one by one", batch.size(),
					ex.toString());
		}
		for (Request request : batch) {
			try {
				countTogether(List.of(request));
				succeed(request);
			}
			catch (RuntimeException ex) {
				fail(request, ex);
			}
		}
	}

	/** How many batches this instance counted (or tried to). */
	long batches() {
		return batches.get();
	}

	private void countTogether(List<Request> batch) {
		batches.incrementAndGet();
		TreeSet<String> numbers = new TreeSet<>();
		List<Charge> charges = new ArrayList<>();
		for (Request request : batch) {
			request.numbers().stream().filter(java.util.Objects::nonNull).forEach(numbers::add);
			charges.addAll(request.charges());
		}
		// charges in one order too, so two batches recording the same two never wait in a
		// circle
		List<Charge> sorted = charges.stream()
			.distinct()
			.sorted(java.util.Comparator.comparing(Charge::kind).thenComparingLong(Charge::id))
			.toList();
		transactions.executeWithoutResult(tx -> ledger.recountBatch(numbers, sorted));
	}

	/**
	 * Releases the listener waiting for it, which then has Modulith mark its publication
	 * completed on its own thread (not holding up the next batch).
	 */
	private void succeed(Request request) {
		request.done().complete(null);
	}

	private void fail(Request request, RuntimeException ex) {
		log.warn("Analytics recount of {} failed; its event stays incomplete and comes again: {}", request.numbers(),
				ex.toString());
		request.done().completeExceptionally(ex);
	}

}

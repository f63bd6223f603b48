package org.suxiu.live;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.suxiu.shared.Actor;

/**
 * The streams open on this instance, indexed by the notification keys they listen for.
 * This is connection state, not business state: every event is in the feed table, and a
 * stream that lands on another instance reads the same rows.
 */
@Component
class LiveConnections implements SmartLifecycle {

	private final LiveEventStore store;

	private final EventRenderer renderer;

	private final LiveProperties properties;

	private final Map<String, Set<LiveConnection>> byKey = new ConcurrentHashMap<>();

	private final AtomicLong serials = new AtomicLong();

	private volatile ExecutorService sender;

	private volatile HorizonWatch horizon;

	private volatile boolean running;

	LiveConnections(LiveEventStore store, EventRenderer renderer, LiveProperties properties) {
		this.store = store;
		this.renderer = renderer;
		this.properties = properties;
	}

	/**
	 * Opens a stream that starts after {@code lastEventId} (replaying what is kept), or
	 * at the present; closes the person's oldest stream beyond the limit.
	 */
	SseEmitter open(Actor actor, Long lastEventId) throws IOException {
		Viewer viewer = new Viewer(actor);
		SseEmitter emitter = new SseEmitter(properties.streamTimeout().toMillis());
		LiveConnection connection = new LiveConnection(serials.incrementAndGet(), viewer, emitter,
				store.cursorAfter(lastEventId), this);
		emitter.onCompletion(connection::closed);
		emitter.onTimeout(connection::close);
		emitter.onError(ex -> connection.closed());
		add(connection);
		emitter.send(SseEmitter.event().reconnectTime(properties.retry().toMillis()).comment("connected"));
		connection.wake();
		return emitter;
	}

	/** A database notification for {@code key}: wakes the streams that listen for it. */
	void notified(String key) {
		wakeAll(byKey.get(key));
		int tenantEnd = key.indexOf(':', 2);
		if (key.startsWith("P:") && tenantEnd > 2) {
			wakeAll(byKey.get("T:" + key.substring(2, tenantEnd)));
		}
	}

	/** Wakes every stream, after notifications may have been lost. */
	void wakeAll() {
		connections().forEach(LiveConnection::wake);
	}

	@Scheduled(fixedDelayString = "${suxiu.live.heartbeat:PT15S}", initialDelayString = "${suxiu.live.heartbeat:PT15S}")
	void heartbeat() {
		if (!running) {
			return;
		}
		for (LiveConnection connection : connections()) {
			sender.execute(() -> {
				connection.heartbeat();
				connection.wake();
			});
		}
	}

	/**
	 * Wakes {@code connection} once the transaction {@code tx} and all older ones ended.
	 */
	void awaitHorizon(LiveConnection connection, long tx) {
		horizon.await(connection, tx);
	}

	int count() {
		return connections().size();
	}

	private synchronized void add(LiveConnection connection) {
		Set<LiveConnection> own = byKey.getOrDefault(connection.viewer.personKey(), Set.of());
		List<LiveConnection> oldestFirst = own.stream().sorted(Comparator.comparingLong(c -> c.serial)).toList();
		for (int i = 0; i <= oldestFirst.size() - properties.maxConnectionsPerUser(); i++) {
			oldestFirst.get(i).close();
		}
		for (String key : connection.viewer.keys()) {
			byKey.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(connection);
		}
	}

	synchronized void remove(LiveConnection connection) {
		horizon.forget(connection);
		for (String key : connection.viewer.keys()) {
			Set<LiveConnection> set = byKey.get(key);
			if (set != null) {
				set.remove(connection);
				if (set.isEmpty()) {
					byKey.remove(key);
				}
			}
		}
	}

	private Set<LiveConnection> connections() {
		Set<LiveConnection> all = ConcurrentHashMap.newKeySet();
		byKey.values().forEach(all::addAll);
		return all;
	}

	private static void wakeAll(Set<LiveConnection> connections) {
		if (connections != null) {
			connections.forEach(LiveConnection::wake);
		}
	}

	LiveEventStore store() {
		return store;
	}

	EventRenderer renderer() {
		return renderer;
	}

	LiveProperties properties() {
		return properties;
	}

	ExecutorService sender() {
		return sender;
	}

	/** Starts the threads; again after a stop (test contexts are paused and resumed). */
	@Override
	public synchronized void start() {
		sender = Executors.newFixedThreadPool(properties.senderThreads(), daemon("live-sender-"));
		horizon = new HorizonWatch(store, properties.recheck().toMillis());
		running = true;
	}

	/** Ends every stream before the web server drains its requests. */
	@Override
	public synchronized void stop() {
		running = false;
		connections().forEach(LiveConnection::close);
		horizon.stop();
		sender.shutdown();
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	private static CustomizableThreadFactory daemon(String prefix) {
		CustomizableThreadFactory threads = new CustomizableThreadFactory(prefix);
		threads.setDaemon(true);
		return threads;
	}

}

package org.suxiu.live;

import java.io.IOException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open stream: on each wake-up it reads its viewer's new rows after its cursor and
 * writes them. Wake-ups that arrive while it is writing fold into one more read, and only
 * one thread works on a stream at a time.
 */
final class LiveConnection {

	private static final Logger log = LoggerFactory.getLogger(LiveConnection.class);

	final long serial;

	final Viewer viewer;

	final SseEmitter emitter;

	private final LiveConnections home;

	private final AtomicInteger wanted = new AtomicInteger();

	private volatile LiveEventStore.Cursor cursor;

	private volatile boolean open = true;

	LiveConnection(long serial, Viewer viewer, SseEmitter emitter, LiveEventStore.Cursor cursor, LiveConnections home) {
		this.serial = serial;
		this.viewer = viewer;
		this.emitter = emitter;
		this.cursor = cursor;
		this.home = home;
	}

	/** Asks for a read of the feed soon; cheap to call often. */
	void wake() {
		if (open && wanted.getAndIncrement() == 0) {
			try {
				home.sender().execute(this::drain);
			}
			catch (RejectedExecutionException ex) {
				// shutting down
			}
		}
	}

	private void drain() {
		int seen;
		do {
			seen = wanted.get();
			pump();
		}
		while (wanted.addAndGet(-seen) != 0);
	}

	private void pump() {
		try {
			while (open) {
				LiveEventStore.Batch batch = home.store().read(viewer, cursor, home.properties().batchSize());
				for (LiveEventStore.StoredEvent event : batch.events()) {
					emitter.send(SseEmitter.event()
						.id(String.valueOf(event.id()))
						.data(home.renderer().render(event, viewer)));
					cursor = cursor.after(event);
				}
				if (batch.heldBack()) {
					home.awaitHorizon(this, batch.waitingFor());
					return;
				}
				if (!batch.full()) {
					return;
				}
			}
		}
		catch (IOException | IllegalStateException ex) {
			log.debug("Live stream {} of {} is gone: {}", serial, viewer.personKey(), ex.toString());
			close();
		}
		catch (RuntimeException ex) {
			// the database may be briefly away; the next heartbeat reads again
			log.warn("Could not read live events for {}: {}", viewer.personKey(), ex.toString());
		}
	}

	/** Writes a comment so that proxies see traffic; a failure closes the stream. */
	void heartbeat() {
		if (!open) {
			return;
		}
		try {
			emitter.send(SseEmitter.event().comment("keep-alive"));
		}
		catch (IOException | IllegalStateException ex) {
			close();
		}
	}

	/** Ends the stream; the client may reconnect with its last event id. */
	void close() {
		closed();
		try {
			emitter.complete();
		}
		catch (RuntimeException ex) {
			log.debug("Completing live stream {}: {}", serial, ex.toString());
		}
	}

	/** The stream ended (completed, timed out or failed): forget it. */
	void closed() {
		if (open) {
			open = false;
			home.remove(this);
		}
	}

	boolean isOpen() {
		return open;
	}

}

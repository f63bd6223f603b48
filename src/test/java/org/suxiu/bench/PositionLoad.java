package org.suxiu.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Technicians' phones in the background of a benchmark: {@code n} technicians of the demo
 * project (created over the staff API on first use), each sending its position every
 * {@code every}, spread evenly over the interval, through {@code POST
 * /api/v1/technicians/{id}/positions} as the phone page does.
 */
final class PositionLoad implements AutoCloseable {

	private static final String PASSWORD = "bench-positions-1";

	private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, r -> {
		Thread thread = new Thread(r, "bench-positions");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicLong sent = new AtomicLong();

	private final AtomicLong refused = new AtomicLong();

	private PositionLoad() {
	}

	/**
	 * Creates the technicians if need be, signs them in and starts their phones.
	 * @param admin an administrator of the demo company
	 */
	static PositionLoad start(BenchClient admin, int technicians, Duration every, double lat, double lng) {
		List<BenchClient> phones = new ArrayList<>();
		for (int i = 1; i <= technicians; i++) {
			String username = String.format(Locale.ROOT, "bench-tech-%03d", i);
			admin.post("/api/v1/admin/staff", String.format(Locale.ROOT,
					"{\"username\":\"%s\",\"name\":\"压测师傅%03d\",\"role\":\"TECHNICIAN\",\"password\":\"%s\",\"projects\":[\"DEMO\"]}",
					username, i, PASSWORD));
			phones.add(admin.signInAs(username, PASSWORD));
		}
		PositionLoad load = new PositionLoad();
		long periodMillis = every.toMillis();
		for (int i = 0; i < phones.size(); i++) {
			BenchClient phone = phones.get(i);
			String path = "/api/v1/technicians/" + String.format(Locale.ROOT, "bench-tech-%03d", i + 1) + "/positions";
			load.timer.scheduleAtFixedRate(() -> load.send(phone, path, lat, lng), periodMillis * i / phones.size(),
					periodMillis, TimeUnit.MILLISECONDS);
		}
		return load;
	}

	private void send(BenchClient phone, String path, double lat, double lng) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		String body = String.format(Locale.ROOT, "{\"positions\":[{\"lat\":%.6f,\"lng\":%.6f}]}",
				lat + random.nextDouble(-0.02, 0.02), lng + random.nextDouble(-0.02, 0.02));
		BenchClient.Reply reply = phone.post(path, body);
		sent.incrementAndGet();
		if (reply.status() != 200) {
			refused.incrementAndGet();
		}
	}

	long sent() {
		return sent.get();
	}

	long refused() {
		return refused.get();
	}

	@Override
	public void close() {
		timer.shutdownNow();
	}

}

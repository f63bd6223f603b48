package org.suxiu.onboarding;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.suxiu.Api;
import org.suxiu.ProductionRun;

/** Throwaway measurement: two instances on one PostgreSQL, creates round-robin. */
public class TwoInstancesMeasure {

	public static void main(String[] args) throws Exception {
		try (ProductionRun a = ProductionRun.start(); ProductionRun.Second b = a.second()) {
			Api apiA = a.api();
			Onboarding.company(apiA);
			Onboarding.project(apiA);
			Onboarding.homes(apiA);
			Onboarding.staff(apiA);
			Api apiB = b.api();
			apiB.signIn("cg-agent", Onboarding.STAFF_PASSWORD);
			Map<String, Object> body = Map.of("channel", "HOTLINE", "reporter",
					Map.of("name", "陈晨", "phone", "13700000001"), "location",
					Map.of("projectCode", "CG", "area", "地下车库"), "category", "ELECTRICAL", "description", "车库灯不亮");
			int threads = Integer.getInteger("threads", 16);
			long seconds = Long.getLong("seconds", 20);
			ConcurrentLinkedQueue<String[]> created = new ConcurrentLinkedQueue<>();
			AtomicInteger failed = new AtomicInteger();
			ExecutorService pool = Executors.newFixedThreadPool(threads);
			long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
			for (int t = 0; t < threads; t++) {
				int id = t;
				pool.submit(() -> {
					int i = 0;
					while (System.nanoTime() < end) {
						boolean onA = (id + i++) % 2 == 0;
						var r = (onA ? apiA : apiB).post("cg-agent", "/api/v1/work-orders", body);
						if (r.status() == 201) {
							created.add(new String[] { r.text("number"), onA ? "A" : "B" });
						}
						else {
							failed.incrementAndGet();
						}
					}
				});
			}
			pool.shutdown();
			pool.awaitTermination(seconds + 60, TimeUnit.SECONDS);
			Set<String> numbers = new HashSet<>();
			int onA = 0;
			int unreadable = 0;
			List<String[]> all = new ArrayList<>(created);
			for (String[] c : all) {
				numbers.add(c[0]);
				onA += c[1].equals("A") ? 1 : 0;
				Api other = c[1].equals("A") ? apiB : apiA;
				if (other.get("cg-agent", "/api/v1/work-orders/" + c[0]).status() != 200) {
					unreadable++;
				}
			}
			System.out.printf(
					"MEASURE threads=%d seconds=%d created=%d (A %d, B %d) failed=%d unique=%d unreadable-on-other=%d%n",
					threads, seconds, all.size(), onA, all.size() - onA, failed.get(), numbers.size(), unreadable);
		}
	}

}

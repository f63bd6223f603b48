package org.suxiu.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Splits the machine's CPU time over a window between the load generator, Tomcat's
 * threads (the application work), the rest of this JVM (GC, JIT) and the embedded
 * PostgreSQL, all of which share the same cores. Reads Linux's {@code /proc}; elsewhere
 * only the JVM parts are known.
 */
final class CpuMeter {

	/** Linux reports process and machine CPU time in clock ticks of 1/100 s (USER_HZ). */
	private static final double TICK_NANOS = 10_000_000.0;

	private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

	private final long postmasterPid;

	CpuMeter(Path postgresDataDirectory) {
		this.postmasterPid = postmasterPid(postgresDataDirectory);
	}

	Sample sample() {
		Map<Long, Long> threadCpu = new HashMap<>();
		Map<Long, String> threadNames = new HashMap<>();
		long[] ids = this.threads.getAllThreadIds();
		for (ThreadInfo info : this.threads.getThreadInfo(ids)) {
			if (info != null) {
				threadNames.put(info.getThreadId(), info.getThreadName());
				threadCpu.put(info.getThreadId(), this.threads.getThreadCpuTime(info.getThreadId()));
			}
		}
		long[] machine = machineTicks();
		return new Sample(System.nanoTime(), machine[0], machine[1], processCpuNanos(), threadCpu, threadNames,
				postgresTicks());
	}

	/** Cores used on average between two samples, per consumer. */
	static Share between(Sample start, Sample end) {
		double wall = end.wallNanos() - start.wallNanos();
		double loadGenerator = 0;
		double tomcat = 0;
		for (Map.Entry<Long, Long> entry : end.threadCpu().entrySet()) {
			long used = entry.getValue() - start.threadCpu().getOrDefault(entry.getKey(), 0L);
			if (entry.getValue() < 0 || used < 0) {
				continue;
			}
			String name = end.threadNames().get(entry.getKey());
			if (name.startsWith(ClosedLoop.THREAD_PREFIX) || name.startsWith("HttpClient-")) {
				loadGenerator += used;
			}
			else if (name.startsWith("http-nio-")) {
				tomcat += used;
			}
		}
		double jvm = end.processNanos() - start.processNanos();
		double postgres = (end.postgresTicks() - start.postgresTicks()) * TICK_NANOS;
		double machineBusy = (end.machineBusyTicks() - start.machineBusyTicks()) * TICK_NANOS;
		return new Share(machineBusy / wall, loadGenerator / wall, tomcat / wall, (jvm - loadGenerator - tomcat) / wall,
				postgres / wall, (machineBusy - jvm - postgres) / wall);
	}

	private static long processCpuNanos() {
		if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
			return os.getProcessCpuTime();
		}
		return 0;
	}

	/** Busy and total ticks of all cores, from the first line of {@code /proc/stat}. */
	private static long[] machineTicks() {
		try (Stream<String> lines = Files.lines(Path.of("/proc/stat"))) {
			String[] cells = lines.findFirst().orElse("cpu").trim().split("\\s+");
			long total = 0;
			long idle = 0;
			for (int i = 1; i < cells.length && i <= 8; i++) {
				long value = Long.parseLong(cells[i]);
				total += value;
				if (i == 4 || i == 5) {
					idle += value;
				}
			}
			return new long[] { total - idle, total };
		}
		catch (IOException | RuntimeException ex) {
			return new long[] { 0, 0 };
		}
	}

	/**
	 * The postmaster and its live backends, plus what ended backends used (the
	 * postmaster's children's time).
	 */
	private long postgresTicks() {
		if (this.postmasterPid <= 0) {
			return 0;
		}
		return ProcessHandle.of(this.postmasterPid).map(postmaster -> {
			long ticks = processTicks(postmaster.pid(), true);
			ticks += postmaster.descendants().mapToLong(p -> processTicks(p.pid(), false)).sum();
			return ticks;
		}).orElse(0L);
	}

	private static long processTicks(long pid, boolean withReapedChildren) {
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			// fields[0] is field 3 (state): utime 14, stime 15, cutime 16, cstime 17
			long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
			return withReapedChildren ? ticks + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : ticks;
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

	private static long postmasterPid(Path dataDirectory) {
		try {
			return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

	record Sample(long wallNanos, long machineBusyTicks, long machineTotalTicks, long processNanos,
			Map<Long, Long> threadCpu, Map<Long, String> threadNames, long postgresTicks) {
	}

	/**
	 * Average cores in use.
	 *
	 * @param machine all cores busy, whoever used them
	 * @param loadGenerator the benchmark's client threads and the HTTP client's own
	 * @param tomcat Tomcat's threads: request handling, JSON, JDBC calls
	 * @param jvmOther the rest of this JVM: GC, JIT compilation, pool housekeeping
	 * @param postgres the embedded PostgreSQL's processes
	 * @param elsewhere the rest of the machine: other processes, the kernel
	 */
	record Share(double machine, double loadGenerator, double tomcat, double jvmOther, double postgres,
			double elsewhere) {

	}

}

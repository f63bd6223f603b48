package org.suxiu.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The printed outcome: one line per measured workload with its target, then where the CPU
 * went during each.
 */
final class ReportTable {

	private static final String ROW = "%-36s %7s %8s %9s %8s %8s %8s %8s %6s %6s  %-24s %s%n";

	private static final String CPU_ROW = "%-36s %8s %8s %8s %8s %8s %8s %14s %12s %12s%n";

	private final List<Line> lines = new ArrayList<>();

	void add(String workload, int clients, ClosedLoop.Result result, Target target) {
		this.lines.add(new Line(workload, clients, result, target));
	}

	String render(List<String> facts) {
		StringBuilder out = new StringBuilder();
		out.append("\n=== SuXiu load benchmark ===\n");
		facts.forEach(fact -> out.append(fact).append('\n'));
		out.append('\n');
		out.append(format(ROW, "workload", "clients", "requests", "per sec", "p50 ms", "p95 ms", "p99 ms", "max ms",
				">=1 s", "errors", "target", "verdict"));
		for (Line line : this.lines) {
			Latencies l = line.result().latencies();
			out.append(format(ROW, line.workload(), line.clients(), l.count(), decimal(line.result().perSecond(), 1),
					decimal(l.percentileMillis(50), 2), decimal(l.percentileMillis(95), 2),
					decimal(l.percentileMillis(99), 2), decimal(l.maxMillis(), 2), l.countAtLeast(1000),
					line.result().errors(), line.target().text(), line.target().verdict(line.result())));
		}
		out.append("\nCPU in cores (of ")
			.append(Runtime.getRuntime().availableProcessors())
			.append(") during each measured window\n");
		out.append(format(CPU_ROW, "workload", "machine", "loadgen", "tomcat", "jit+gc", "postgres", "other",
				"server ms/req", "in-app mean", "in-app max*"));
		for (Line line : this.lines) {
			CpuMeter.Share cpu = line.result().cpu();
			out.append(format(CPU_ROW, line.workload(), decimal(cpu.machine(), 2), decimal(cpu.loadGenerator(), 2),
					decimal(cpu.tomcat(), 2), decimal(cpu.jvmOther(), 2), decimal(cpu.postgres(), 2),
					decimal(cpu.elsewhere(), 2), decimal(serverMillisPerRequest(line.result()), 2),
					decimal(line.result().serverMeanMillis(), 2), decimal(line.result().serverMaxMillis(), 2)));
		}
		out.append("jit+gc: this JVM outside Tomcat's and the load generator's threads; on two cores mostly the C2 "
				+ "JIT compiler, still busy minutes after start-up, with GC a small part\n");
		out.append("in-app: time inside Spring MVC per http.server.requests (mean over the window; *max over "
				+ "Micrometer's last ~2 min)\n");
		double busiestElsewhere = this.lines.stream()
			.mapToDouble(line -> line.result().cpu().elsewhere())
			.max()
			.orElse(0);
		if (busiestElsewhere > 0.2) {
			out.append(format(
					"WARNING: other processes used up to %.2f cores during a measured window; "
							+ "the rates and latencies above understate what this machine does for SuXiu alone%n",
					busiestElsewhere));
		}
		for (Line line : this.lines) {
			if (line.result().firstError() != null) {
				out.append("first error in ")
					.append(line.workload())
					.append(": ")
					.append(line.result().firstError())
					.append('\n');
			}
		}
		return out.toString();
	}

	/**
	 * CPU the server side (Tomcat threads, GC and JIT, PostgreSQL) spent per request:
	 * unlike the rate, barely moved by whatever else runs on the machine.
	 */
	private static double serverMillisPerRequest(ClosedLoop.Result result) {
		CpuMeter.Share cpu = result.cpu();
		double perSecond = result.perSecond();
		return (perSecond > 0) ? (cpu.tomcat() + cpu.jvmOther() + cpu.postgres()) * 1000 / perSecond : 0;
	}

	private static String format(String pattern, Object... values) {
		return String.format(Locale.ROOT, pattern, values);
	}

	private static String decimal(double value, int places) {
		return String.format(Locale.ROOT, "%." + places + "f", value);
	}

	private record Line(String workload, int clients, ClosedLoop.Result result, Target target) {
	}

	/**
	 * A goal from the brief: a minimum rate (0 for none) and a maximum p99.
	 *
	 * @param minPerSecond the lowest acceptable throughput, or 0
	 * @param maxP99Millis the highest acceptable 99th percentile
	 */
	record Target(double minPerSecond, double maxP99Millis) {

		String text() {
			String rate = (this.minPerSecond > 0) ? String.format(Locale.ROOT, ">=%.0f/s, ", this.minPerSecond) : "";
			return rate + String.format(Locale.ROOT, "p99<=%.0f ms", this.maxP99Millis);
		}

		String verdict(ClosedLoop.Result result) {
			boolean fastEnough = result.perSecond() >= this.minPerSecond;
			boolean quickEnough = result.latencies().percentileMillis(99) <= this.maxP99Millis;
			return (fastEnough && quickEnough && result.errors() == 0) ? "MET" : "MISSED";
		}

	}

}

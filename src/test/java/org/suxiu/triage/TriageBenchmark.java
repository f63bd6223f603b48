package org.suxiu.triage;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.json.JsonMapper;

import org.suxiu.triage.model.BgeSentenceEncoder;
import org.suxiu.triage.model.EmbeddingText;
import org.suxiu.triage.model.GradeModel;
import org.suxiu.triage.model.NearestExemplars;
import org.suxiu.triage.model.SentenceEncoder;
import org.suxiu.triage.model.ShippedExemplars;

/**
 * A benchmark, not a test: the time to grade one description in memory (rules, floors,
 * sentence model, regression, neighbour vote and the hybrid rule, as {@link Triage} does
 * after its two cache-stamp queries), over the held-out descriptions, each a new text
 * (cache cleared between rounds), then the same texts again (cached). Also the time to
 * load the model and fit the regression, and the heap used. Run:
 * {@code ./mvnw -B -Pbench -DskipTests verify -Dbench.main=org.suxiu.triage.TriageBenchmark}.
 */
public final class TriageBenchmark {

	private TriageBenchmark() {
	}

	public static void main(String[] args) {
		JsonMapper json = JsonMapper.builder().build();
		long started = System.nanoTime();
		SentenceEncoder[] encoder = { new BgeSentenceEncoder() };
		encoder[0].encode("电梯困人");
		long loaded = System.nanoTime();
		var exemplars = ShippedExemplars.load(json, encoder[0]);
		GradeModel model = new GradeModel(exemplars,
				new NearestExemplars(Triage.Settings.K, Triage.Settings.TEMPERATURE),
				ShippedExemplars.regression(exemplars, Triage.Settings.LAMBDA, Triage.Settings.EPOCHS));
		long fitted = System.nanoTime();
		RuleEngine rules = new RuleEngine(ShippedRules.load(json));
		HybridGrader grader = new HybridGrader(HybridGrader.Thresholds.SHIPPED);
		List<ShippedExemplars.Line> lines = ShippedExemplars.read(json, LabelledSet.HELD_OUT);
		int rounds = Integer.getInteger("bench.rounds", 5);
		List<Long> fresh = new ArrayList<>();
		for (int round = 0; round < rounds + 1; round++) {
			encoder[0] = new BgeSentenceEncoder.Uncached();
			for (ShippedExemplars.Line line : lines) {
				long t0 = System.nanoTime();
				grade(line, rules, encoder[0], model, grader);
				if (round > 0) {
					fresh.add(System.nanoTime() - t0);
				}
			}
		}
		SentenceEncoder cached = new BgeSentenceEncoder();
		List<Long> repeat = new ArrayList<>();
		for (int round = 0; round < rounds + 1; round++) {
			for (ShippedExemplars.Line line : lines) {
				long t0 = System.nanoTime();
				grade(line, rules, cached, model, grader);
				if (round > 0) {
					repeat.add(System.nanoTime() - t0);
				}
			}
		}
		System.gc();
		Runtime runtime = Runtime.getRuntime();
		System.out.printf("model load %d ms, exemplars and regression read %d ms%n", (loaded - started) / 1_000_000,
				(fitted - loaded) / 1_000_000);
		report("new descriptions", fresh);
		report("repeated descriptions (cached)", repeat);
		System.out.printf("heap used after GC: %d MB%n", (runtime.totalMemory() - runtime.freeMemory()) >> 20);
	}

	private static void grade(ShippedExemplars.Line line, RuleEngine rules, SentenceEncoder encoder, GradeModel model,
			HybridGrader grader) {
		float[] vector = encoder.encode(EmbeddingText.prepare(line.text()));
		grader.combine(rules.grade(line.category(), line.text()), rules.floor(line.category(), line.text()),
				model.vote(vector, List.of(), Set.of()));
	}

	private static void report(String name, List<Long> nanos) {
		long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
		System.out.printf("%s: n=%d p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n", name, sorted.length,
				at(sorted, 0.5), at(sorted, 0.9), at(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
	}

	private static double at(long[] sorted, double q) {
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
	}

}

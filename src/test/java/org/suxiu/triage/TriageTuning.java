package org.suxiu.triage;

import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import org.suxiu.shared.Grade;
import org.suxiu.triage.model.BgeSentenceEncoder;

/**
 * How the shipped thresholds were chosen: a grid scored by 5-fold cross-validation on the
 * TRAINING part only (never the held-out part), printed as a table; with
 * {@code --errors}, the shipped settings' mistakes. Run from the project directory after
 * {@code ./mvnw -q test-compile}:
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) org.suxiu.triage.TriageTuning}.
 */
final class TriageTuning {

	private TriageTuning() {
	}

	public static void main(String[] args) {
		JsonMapper json = JsonMapper.builder().build();
		LabelledSet set = new LabelledSet(json, new BgeSentenceEncoder());
		boolean errors = args.length > 0 && args[0].equals("--errors");
		if (errors) {
			List<LabelledSet.Signals> signals = set.crossValidated(true, Triage.Settings.K,
					Triage.Settings.TEMPERATURE);
			HybridGrader grader = new HybridGrader(HybridGrader.Thresholds.SHIPPED);
			GradingScore model = new GradingScore();
			for (LabelledSet.Signals s : signals) {
				model.add(s.line().grade(), s.vote().likeliest());
				Grade g = s.grade(grader);
				if (g != s.line().grade()) {
					System.out.printf("%s->%s rules=%s%s floor=%s model=%s p1=%.2f p2=%.2f | %s%n", s.line().grade(), g,
							s.rules().grade(), s.rules().matched(), s.floor().map(f -> f.phrase()).orElse("-"),
							s.vote().likeliest(), s.vote().probability(Grade.L1), s.vote().probability(Grade.L2),
							s.line().text());
				}
			}
			System.out.println(LabelledSet.score(signals, grader).row("hybrid"));
			System.out.println(model.row("model only"));
			System.out.println(LabelledSet.score(signals, grader).matrix());
			return;
		}
		for (int k : new int[] { 10 }) {
			for (double t : new double[] { 0.03 }) {
				List<LabelledSet.Signals> with = set.crossValidated(true, k, t);
				List<LabelledSet.Signals> text = set.crossValidated(false, k, t);
				GradingScore rules = new GradingScore();
				with.forEach(s -> rules.add(s.line().grade(), s.rulesOnly()));
				System.out.println(rules.row("rules only"));
				for (double l1 : new double[] { 0.25, 0.3, 0.35, 0.4, 0.45 }) {
					for (double l2 : new double[] { 0.5, 0.6, 0.8 }) {
						for (Grade trust : new Grade[] { Grade.L1, Grade.L2 }) {
							HybridGrader grader = new HybridGrader(new HybridGrader.Thresholds(l1, l2, 0.6, trust));
							System.out.println(LabelledSet.score(with, grader)
								.row("k=%d t=%.2f l1=%.2f l2=%.2f trust=%s cat".formatted(k, t, l1, l2, trust)) + " || "
									+ LabelledSet.score(text, grader).row("text"));
						}
					}
				}
			}
		}
	}

}

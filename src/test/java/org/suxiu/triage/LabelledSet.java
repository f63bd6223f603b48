package org.suxiu.triage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import tools.jackson.databind.json.JsonMapper;

import org.suxiu.shared.Category;
import org.suxiu.shared.Grade;
import org.suxiu.triage.model.EmbeddingText;
import org.suxiu.triage.model.GradeModel;
import org.suxiu.triage.model.LabelledVector;
import org.suxiu.triage.model.NearestExemplars;
import org.suxiu.triage.model.SentenceEncoder;
import org.suxiu.triage.model.ShippedExemplars;

/**
 * Grades labelled descriptions the way {@link Triage} does (shipped rules and floors, the
 * sentence model, the hybrid rule), without a database. The training part is graded by
 * 5-fold cross-validation (each description by a model fitted without it), so its figures
 * are not a lookup of the answer; the held-out part by the model fitted on the whole
 * training part, as shipped.
 */
final class LabelledSet {

	static final String HELD_OUT = "/triage/holdout.jsonl";

	/**
	 * Three further sets (C, D, E of README, Triage) written on 2026-12-06 by other
	 * authors to probe the grader: measured, never added to the training part, never
	 * shipped.
	 */
	static final String PROBE = "/triage/holdout-probe.jsonl";

	static final int FOLDS = 5;

	private final JsonMapper json;

	private final RuleEngine rules;

	private final SentenceEncoder encoder;

	private final List<LabelledVector> exemplars;

	LabelledSet(JsonMapper json, SentenceEncoder encoder) {
		this.json = json;
		this.rules = new RuleEngine(ShippedRules.load(json));
		this.encoder = encoder;
		this.exemplars = ShippedExemplars.load(json, encoder);
	}

	List<LabelledVector> exemplars() {
		return exemplars;
	}

	List<ShippedExemplars.Line> training() {
		return ShippedExemplars.lines(json);
	}

	List<ShippedExemplars.Line> heldOut() {
		return ShippedExemplars.read(json, HELD_OUT);
	}

	List<ShippedExemplars.Line> probe() {
		return ShippedExemplars.read(json, PROBE);
	}

	private final java.util.Map<String, GradeModel> models = new java.util.HashMap<>();

	/** The training part, each line graded by a model fitted on the other folds. */
	List<Signals> crossValidated(boolean withCategory, int k, double temperature) {
		List<ShippedExemplars.Line> lines = training();
		List<Signals> signals = new ArrayList<>(lines.size());
		for (int i = 0; i < lines.size(); i++) {
			GradeModel model = model(i % FOLDS, k, temperature);
			signals.add(signals(lines.get(i), withCategory, model, exemplars.get(i).vector()));
		}
		return signals;
	}

	/** The held-out part, graded by the model fitted on the whole training part. */
	List<Signals> heldOut(boolean withCategory, int k, double temperature) {
		return graded(heldOut(), withCategory, k, temperature);
	}

	/** Lines outside the training part, graded by the model fitted on all of it. */
	List<Signals> graded(List<ShippedExemplars.Line> lines, boolean withCategory, int k, double temperature) {
		GradeModel model = model(-1, k, temperature);
		return lines.stream()
			.map(l -> signals(l, withCategory, model, encoder.encode(EmbeddingText.prepare(l.text()))))
			.toList();
	}

	/** The model without fold {@code fold} (-1: the whole training part), fitted once. */
	private GradeModel model(int fold, int k, double temperature) {
		return models.computeIfAbsent(fold + "/" + k + "/" + temperature, key -> {
			List<LabelledVector> train = new ArrayList<>();
			for (int i = 0; i < exemplars.size(); i++) {
				if (i % FOLDS != fold) {
					train.add(exemplars.get(i));
				}
			}
			return new GradeModel(train, new NearestExemplars(k, temperature), Triage.Settings.LAMBDA,
					Triage.Settings.EPOCHS);
		});
	}

	Signals signals(ShippedExemplars.Line line, boolean withCategory, GradeModel model, float[] vector) {
		Category category = withCategory ? line.category() : Category.OTHER;
		return new Signals(line, rules.grade(category, line.text()), rules.floor(category, line.text()),
				model.vote(vector, List.of(), Set.of()));
	}

	static GradingScore score(List<Signals> signals, HybridGrader grader) {
		GradingScore score = new GradingScore();
		signals.forEach(s -> score.add(s.line().grade(), s.grade(grader)));
		return score;
	}

	/** What the rules, the floors and the model say of one line, before combining. */
	record Signals(ShippedExemplars.Line line, RuleEngine.RuleVerdict rules, Optional<RuleEngine.FloorMatch> floor,
			NearestExemplars.Vote vote) {

		Grade grade(HybridGrader grader) {
			return grader.combine(rules, floor, vote).grade();
		}

		Grade rulesOnly() {
			return new HybridGrader(HybridGrader.Thresholds.SHIPPED).combine(rules, floor, null).grade();
		}

	}

}

package org.suxiu.triage;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.json.JsonMapper;

import org.suxiu.shared.Grade;
import org.suxiu.triage.model.BgeSentenceEncoder;
import org.suxiu.triage.model.LabelledVector;
import org.suxiu.triage.model.NearestExemplars;
import org.suxiu.triage.model.SoftmaxRegression;

/**
 * Nearest neighbours against logistic regression on the sentence vectors, by 5-fold
 * cross-validation on the TRAINING part only (tuning aid; the README reports the result).
 */
final class ClassifierComparison {

	private ClassifierComparison() {
	}

	public static void main(String[] args) {
		JsonMapper json = JsonMapper.builder().build();
		LabelledSet set = new LabelledSet(json, new BgeSentenceEncoder());
		List<LabelledVector> all = set.exemplars();
		int folds = 5;
		double[] lambdas = { 1e-4, 1e-3, 3e-3 };
		int[] epochs = { 150, 300 };
		NearestExemplars nearest = new NearestExemplars(10, 0.05);
		for (double lambda : lambdas) {
			for (int ep : epochs) {
				GradingScore knn = new GradingScore();
				GradingScore lr = new GradingScore();
				GradingScore mix = new GradingScore();
				for (int f = 0; f < folds; f++) {
					List<LabelledVector> train = new ArrayList<>();
					List<LabelledVector> test = new ArrayList<>();
					for (int i = 0; i < all.size(); i++) {
						(i % folds == f ? test : train).add(all.get(i));
					}
					SoftmaxRegression model = SoftmaxRegression.fit(train, lambda, ep);
					for (LabelledVector t : test) {
						Map<Grade, Double> p = model.probabilities(t.vector());
						NearestExemplars.Vote v = nearest.vote(t.vector(), Set.of(), train);
						lr.add(t.grade(), argmax(p));
						knn.add(t.grade(), v.likeliest());
						Map<Grade, Double> m = new EnumMap<>(Grade.class);
						for (Grade g : Grade.values()) {
							m.put(g, (p.get(g) + v.probability(g)) / 2);
						}
						mix.add(t.grade(), argmax(m));
					}
				}
				System.out.println("lambda=" + lambda + " epochs=" + ep);
				System.out.println(knn.row("knn"));
				System.out.println(lr.row("logistic"));
				System.out.println(mix.row("mean of both"));
			}
		}
	}

	static Grade argmax(Map<Grade, Double> p) {
		Grade best = Grade.L1;
		for (Grade g : Grade.values()) {
			if (p.get(g) > p.get(best)) {
				best = g;
			}
		}
		return best;
	}

}

package org.suxiu.triage.model;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.suxiu.shared.Grade;

/**
 * The model's opinion of a description: the mean of a logistic regression fitted on the
 * shipped exemplars and a similarity-weighted vote of the nearest exemplars (shipped and
 * the tenant's own). The two err differently, and their mean beat either alone in
 * cross-validation on the training part (README, Triage). A tenant's own exemplar that is
 * nearly the same text decides: staff regraded exactly this kind of report.
 */
public final class GradeModel {

	/** From this similarity a tenant's own exemplar decides the vote. */
	public static final double OWN_DECIDES = 0.93;

	private final ExemplarMatrix shipped;

	private final SoftmaxRegression regression;

	private final NearestExemplars nearest;

	public GradeModel(List<LabelledVector> shipped, NearestExemplars nearest, double lambda, int epochs) {
		this(shipped, nearest, shipped.isEmpty() ? null : SoftmaxRegression.fit(shipped, lambda, epochs));
	}

	public GradeModel(List<LabelledVector> shipped, NearestExemplars nearest, SoftmaxRegression regression) {
		this.shipped = new ExemplarMatrix(shipped);
		this.nearest = nearest;
		this.regression = regression;
	}

	public NearestExemplars.Vote vote(float[] vector, List<LabelledVector> own, Set<String> skip) {
		NearestExemplars.Vote neighbours = nearest.vote(vector, skip, shipped, own);
		Map<Grade, Double> mean = new EnumMap<>(Grade.class);
		Map<Grade, Double> fitted = regression == null ? neighbours.probabilities() : regression.probabilities(vector);
		for (Grade grade : Grade.values()) {
			mean.put(grade, (fitted.get(grade) + neighbours.probability(grade)) / 2);
		}
		LabelledVector closestOwn = null;
		double closest = OWN_DECIDES;
		for (LabelledVector candidate : own) {
			double sim = NearestExemplars.dot(vector, candidate.vector());
			if (sim >= closest) {
				closest = sim;
				closestOwn = candidate;
			}
		}
		if (closestOwn != null) {
			for (Grade grade : Grade.values()) {
				mean.put(grade, grade == closestOwn.grade() ? 0.9 + mean.get(grade) / 10 : mean.get(grade) / 10);
			}
		}
		return new NearestExemplars.Vote(mean, neighbours.neighbours());
	}

}

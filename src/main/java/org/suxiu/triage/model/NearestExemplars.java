package org.suxiu.triage.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.suxiu.shared.Grade;

/**
 * A similarity-weighted vote of the nearest labelled exemplars. Each of the {@code k}
 * nearest votes for its grade with weight {@code exp(similarity / temperature)}, so a
 * near-duplicate outweighs a loose match; the weights, normalised, are the grade
 * probabilities.
 */
public final class NearestExemplars {

	private final int k;

	private final double temperature;

	public NearestExemplars(int k, double temperature) {
		this.k = k;
		this.temperature = temperature;
	}

	/**
	 * The vote over one or more exemplar sets (shipped and the tenant's own).
	 * @param query the description's vector
	 * @param skip exemplars not to count (hidden by the tenant, or the one left out in an
	 * evaluation)
	 * @param sets where to look
	 */
	@SafeVarargs
	public final Vote vote(float[] query, java.util.Set<String> skip, List<LabelledVector>... sets) {
		int size = Math.max(k, 3);
		LabelledVector[] best = new LabelledVector[size];
		double[] bestSim = new double[size];
		Arrays.fill(bestSim, Double.NEGATIVE_INFINITY);
		for (List<LabelledVector> set : sets) {
			for (LabelledVector candidate : set) {
				if (!skip.isEmpty() && skip.contains(candidate.key())) {
					continue;
				}
				double sim = dot(query, candidate.vector());
				if (sim <= bestSim[size - 1]) {
					continue;
				}
				int at = size - 1;
				while (at > 0 && bestSim[at - 1] < sim) {
					bestSim[at] = bestSim[at - 1];
					best[at] = best[at - 1];
					at--;
				}
				bestSim[at] = sim;
				best[at] = candidate;
			}
		}
		Map<Grade, Double> weights = new EnumMap<>(Grade.class);
		for (Grade grade : Grade.values()) {
			weights.put(grade, 0.0);
		}
		double total = 0;
		double top = bestSim[0];
		for (int i = 0; i < k && best[i] != null; i++) {
			double weight = Math.exp((bestSim[i] - top) / temperature);
			weights.merge(best[i].grade(), weight, Double::sum);
			total += weight;
		}
		Map<Grade, Double> probabilities = new EnumMap<>(Grade.class);
		for (Grade grade : Grade.values()) {
			probabilities.put(grade, total == 0 ? 0.0 : weights.get(grade) / total);
		}
		List<Neighbour> neighbours = new ArrayList<>(3);
		for (int i = 0; i < 3 && best[i] != null; i++) {
			neighbours.add(new Neighbour(best[i].key(), best[i].text(), best[i].grade(), bestSim[i]));
		}
		return new Vote(probabilities, List.copyOf(neighbours));
	}

	/**
	 * The same vote with the shipped exemplars as a matrix: their similarities summed
	 * roughly in one vectorised pass pick the few that can be among the nearest (every
	 * exemplar whose rough similarity lies within twice the error bound of the
	 * {@code max(k, 3)}-th best), and the vote is taken over those exactly as
	 * {@link #vote(float[], java.util.Set, List[])} takes it over all: the same exact
	 * similarities, the same order, so the same neighbours and probabilities. An exemplar
	 * left out is exactly less similar than the last of the nearest, so it could not have
	 * been among them. Grading a new description scanned every shipped exemplar exactly,
	 * most of a create's CPU outside the framework (issue 19).
	 */
	public Vote vote(float[] query, java.util.Set<String> skip, ExemplarMatrix shipped, List<LabelledVector> own) {
		int size = Math.max(k, 3);
		if (!shipped.fits(query)) {
			return vote(query, skip, shipped.vectors(), own);
		}
		float[] rough = shipped.similarities(query);
		List<LabelledVector> vectors = shipped.vectors();
		double[] top = new double[size];
		Arrays.fill(top, Double.NEGATIVE_INFINITY);
		for (int j = 0; j < rough.length; j++) {
			if (skip.isEmpty() || !skip.contains(vectors.get(j).key())) {
				keep(top, rough[j]);
			}
		}
		for (LabelledVector candidate : own) {
			if (skip.isEmpty() || !skip.contains(candidate.key())) {
				keep(top, dot(query, candidate.vector()));
			}
		}
		double threshold = top[size - 1] - 2 * shipped.error(query);
		List<LabelledVector> near = new ArrayList<>();
		for (int j = 0; j < rough.length; j++) {
			if (rough[j] >= threshold) {
				near.add(vectors.get(j));
			}
		}
		return vote(query, skip, near, own);
	}

	/** Keeps the largest values, largest first. */
	private static void keep(double[] top, double value) {
		int at = top.length - 1;
		if (!(value > top[at])) {
			return;
		}
		while (at > 0 && top[at - 1] < value) {
			top[at] = top[at - 1];
			at--;
		}
		top[at] = value;
	}

	public static double dot(float[] a, float[] b) {
		double sum = 0;
		for (int i = 0; i < a.length; i++) {
			sum += a[i] * b[i];
		}
		return sum;
	}

	/**
	 * What the exemplars say.
	 *
	 * @param probabilities per grade, summing to 1 (all 0 when there are no exemplars)
	 * @param neighbours the three nearest, most similar first
	 */
	public record Vote(Map<Grade, Double> probabilities, List<Neighbour> neighbours) {

		public double probability(Grade grade) {
			return probabilities.getOrDefault(grade, 0.0);
		}

		/** The most probable grade; the more urgent one on a tie. */
		public Grade likeliest() {
			Grade best = Grade.L3;
			double p = -1;
			for (Grade grade : Grade.values()) {
				if (probability(grade) > p) {
					p = probability(grade);
					best = grade;
				}
			}
			return best;
		}

	}

	/**
	 * One of the nearest exemplars.
	 *
	 * @param key its id
	 * @param text its description
	 * @param grade its grade
	 * @param similarity cosine similarity to the description graded
	 */
	public record Neighbour(String key, String text, Grade grade, double similarity) {
	}

}

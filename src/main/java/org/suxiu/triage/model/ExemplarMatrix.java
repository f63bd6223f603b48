package org.suxiu.triage.model;

import java.util.List;

/**
 * The shipped exemplars' vectors stored dimension by dimension, so that a description's
 * similarity to all of them is one pass of multiply-adds that the JIT runs as vector
 * instructions, summed in {@code float}. Those sums only choose which exemplars to look
 * at exactly: {@link #error} bounds how far each may be from the exact sum.
 */
public final class ExemplarMatrix {

	private final List<LabelledVector> vectors;

	/** {@code byDimension[d][j]}: exemplar j's d-th component. */
	private final float[][] byDimension;

	private final double largestNorm;

	public ExemplarMatrix(List<LabelledVector> vectors) {
		this.vectors = List.copyOf(vectors);
		int dimensions = vectors.isEmpty() ? 0 : vectors.get(0).vector().length;
		boolean uniform = vectors.stream().allMatch(v -> v.vector().length == dimensions);
		this.byDimension = uniform ? new float[dimensions][vectors.size()] : null;
		double largest = 0;
		for (int j = 0; j < vectors.size(); j++) {
			float[] vector = vectors.get(j).vector();
			if (uniform) {
				for (int d = 0; d < dimensions; d++) {
					byDimension[d][j] = vector[d];
				}
			}
			largest = Math.max(largest, norm(vector));
		}
		this.largestNorm = largest;
	}

	/** The exemplars, in their order. */
	public List<LabelledVector> vectors() {
		return vectors;
	}

	/** Whether {@link #similarities} can answer for a query of this length. */
	boolean fits(float[] query) {
		return byDimension != null && byDimension.length == query.length && !vectors.isEmpty();
	}

	/**
	 * The query's similarity to each exemplar, each product a {@code float} as in
	 * {@link NearestExemplars#dot}, summed in {@code float}.
	 */
	float[] similarities(float[] query) {
		float[] sums = new float[vectors.size()];
		for (int d = 0; d < query.length; d++) {
			float q = query[d];
			float[] column = byDimension[d];
			for (int j = 0; j < sums.length; j++) {
				sums[j] += q * column[j];
			}
		}
		return sums;
	}

	/**
	 * At least how far a {@link #similarities} sum may lie from
	 * {@link NearestExemplars#dot} for this query: {@code n} float additions err by at
	 * most {@code (n-1)·2⁻²⁴} of the sum of the products' magnitudes, which is at most
	 * the product of the norms; taken twice over, plus the double sum's own rounding.
	 */
	double error(float[] query) {
		return query.length * Math.scalb(1.0, -23) * norm(query) * largestNorm * 1.001 + 1e-12;
	}

	private static double norm(float[] vector) {
		double sum = 0;
		for (float x : vector) {
			sum += (double) x * x;
		}
		return Math.sqrt(sum);
	}

}

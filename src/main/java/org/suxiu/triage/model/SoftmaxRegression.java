package org.suxiu.triage.model;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.suxiu.shared.Grade;

/**
 * A multinomial logistic regression over sentence vectors: one weight vector and bias per
 * grade, fitted by full-batch gradient descent (Adam) with an L2 penalty. Fitting on the
 * shipped exemplars takes about a second at start-up; the result is deterministic.
 */
public final class SoftmaxRegression {

	private static final int GRADES = Grade.values().length;

	private final float[][] weights;

	private final float[] bias;

	private SoftmaxRegression(float[][] weights, float[] bias) {
		this.weights = weights;
		this.bias = bias;
	}

	/**
	 * @param examples labelled vectors
	 * @param lambda the L2 penalty
	 * @param epochs passes over the examples
	 */
	public static SoftmaxRegression fit(List<LabelledVector> examples, double lambda, int epochs) {
		int dims = examples.get(0).vector().length;
		int n = examples.size();
		double[][] w = new double[GRADES][dims];
		double[] b = new double[GRADES];
		double[][] mw = new double[GRADES][dims];
		double[][] vw = new double[GRADES][dims];
		double[] mb = new double[GRADES];
		double[] vb = new double[GRADES];
		double rate = 0.05;
		double beta1 = 0.9;
		double beta2 = 0.999;
		double[] p = new double[GRADES];
		for (int epoch = 1; epoch <= epochs; epoch++) {
			double[][] gw = new double[GRADES][dims];
			double[] gb = new double[GRADES];
			for (LabelledVector example : examples) {
				float[] x = example.vector();
				probabilities(w, b, x, p);
				int label = example.grade().ordinal();
				for (int g = 0; g < GRADES; g++) {
					double error = p[g] - (g == label ? 1 : 0);
					gb[g] += error;
					double[] row = gw[g];
					for (int d = 0; d < dims; d++) {
						row[d] += error * x[d];
					}
				}
			}
			double c1 = 1 - Math.pow(beta1, epoch);
			double c2 = 1 - Math.pow(beta2, epoch);
			for (int g = 0; g < GRADES; g++) {
				for (int d = 0; d < dims; d++) {
					double grad = gw[g][d] / n + lambda * w[g][d];
					mw[g][d] = beta1 * mw[g][d] + (1 - beta1) * grad;
					vw[g][d] = beta2 * vw[g][d] + (1 - beta2) * grad * grad;
					w[g][d] -= rate * (mw[g][d] / c1) / (Math.sqrt(vw[g][d] / c2) + 1e-8);
				}
				double grad = gb[g] / n;
				mb[g] = beta1 * mb[g] + (1 - beta1) * grad;
				vb[g] = beta2 * vb[g] + (1 - beta2) * grad * grad;
				b[g] -= rate * (mb[g] / c1) / (Math.sqrt(vb[g] / c2) + 1e-8);
			}
		}
		float[][] fw = new float[GRADES][dims];
		float[] fb = new float[GRADES];
		for (int g = 0; g < GRADES; g++) {
			for (int d = 0; d < dims; d++) {
				fw[g][d] = (float) w[g][d];
			}
			fb[g] = (float) b[g];
		}
		return new SoftmaxRegression(fw, fb);
	}

	/**
	 * A stamp of what a fit depends on: the exemplars (their text hashes and grades, in
	 * order) and the settings. Precomputed weights are used only when it matches.
	 */
	public static String stamp(List<String> keys, List<Grade> grades, double lambda, int epochs) {
		StringBuilder all = new StringBuilder(keys.size() * 20).append(lambda).append('/').append(epochs);
		for (int i = 0; i < keys.size(); i++) {
			all.append('|').append(keys.get(i)).append(grades.get(i).ordinal());
		}
		return VectorFile.hash(all.toString());
	}

	/** Writes the weights after their stamp. */
	public void write(String stamp, java.io.OutputStream out) throws java.io.IOException {
		java.io.DataOutputStream data = new java.io.DataOutputStream(out);
		data.writeUTF(stamp);
		data.writeInt(weights[0].length);
		for (int g = 0; g < GRADES; g++) {
			data.writeFloat(bias[g]);
			for (float w : weights[g]) {
				data.writeFloat(w);
			}
		}
		data.flush();
	}

	/** The weights stored with this stamp, or null when the file was made for others. */
	public static SoftmaxRegression read(String stamp, java.io.InputStream in) throws java.io.IOException {
		java.io.DataInputStream data = new java.io.DataInputStream(in);
		if (!data.readUTF().equals(stamp)) {
			return null;
		}
		int dims = data.readInt();
		float[][] w = new float[GRADES][dims];
		float[] b = new float[GRADES];
		for (int g = 0; g < GRADES; g++) {
			b[g] = data.readFloat();
			for (int d = 0; d < dims; d++) {
				w[g][d] = data.readFloat();
			}
		}
		return new SoftmaxRegression(w, b);
	}

	public Map<Grade, Double> probabilities(float[] x) {
		double[] z = new double[GRADES];
		double max = Double.NEGATIVE_INFINITY;
		for (int g = 0; g < GRADES; g++) {
			double s = bias[g];
			for (int d = 0; d < x.length; d++) {
				s += weights[g][d] * x[d];
			}
			z[g] = s;
			max = Math.max(max, s);
		}
		double sum = 0;
		for (int g = 0; g < GRADES; g++) {
			z[g] = Math.exp(z[g] - max);
			sum += z[g];
		}
		Map<Grade, Double> result = new EnumMap<>(Grade.class);
		for (Grade grade : Grade.values()) {
			result.put(grade, z[grade.ordinal()] / sum);
		}
		return result;
	}

	private static void probabilities(double[][] w, double[] b, float[] x, double[] p) {
		double max = Double.NEGATIVE_INFINITY;
		for (int g = 0; g < GRADES; g++) {
			double s = b[g];
			double[] row = w[g];
			for (int d = 0; d < x.length; d++) {
				s += row[d] * x[d];
			}
			p[g] = s;
			max = Math.max(max, s);
		}
		double sum = 0;
		for (int g = 0; g < GRADES; g++) {
			p[g] = Math.exp(p[g] - max);
			sum += p[g];
		}
		for (int g = 0; g < GRADES; g++) {
			p[g] /= sum;
		}
	}

}

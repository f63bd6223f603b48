package org.suxiu.triage.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.suxiu.shared.Grade;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The vote over the shipped exemplars as a matrix looks exactly only at the few that can
 * be nearest: it must give the very vote of the exact scan over all of them.
 */
class NearestExemplarsTest {

	private static final int DIMENSIONS = 512;

	private final Random random = new Random(19);

	private final NearestExemplars nearest = new NearestExemplars(10, 0.03);

	@Test
	void votesAsTheExactScanDoesOverManyDescriptions() {
		List<LabelledVector> shipped = exemplars("S", 3000);
		ExemplarMatrix matrix = new ExemplarMatrix(shipped);
		List<LabelledVector> own = exemplars("", 20);

		for (int i = 0; i < 300; i++) {
			// near an exemplar (as a real description mostly is), or anywhere
			float[] query = i % 3 == 0 ? unit(randomVector()) : near(shipped.get(random.nextInt(shipped.size())), 0.3);

			assertThat(nearest.vote(query, Set.of(), matrix, own))
				.isEqualTo(nearest.vote(query, Set.of(), shipped, own));
		}
	}

	@Test
	void keepsTheOrderOfEquallySimilarExemplarsAndLeavesOutSkippedOnes() {
		List<LabelledVector> shipped = new ArrayList<>(exemplars("S", 500));
		LabelledVector twin = shipped.get(7);
		// exact twins under other keys and grades: equal similarities, decided by order
		for (int i = 0; i < 12; i++) {
			shipped.add(new LabelledVector("T" + i, "twin", Grade.values()[i % 4], twin.vector().clone()));
		}
		ExemplarMatrix matrix = new ExemplarMatrix(shipped);
		Set<String> skip = Set.of("S7", "T3", "T4");

		NearestExemplars.Vote vote = nearest.vote(twin.vector(), skip, matrix, List.of());

		assertThat(vote).isEqualTo(nearest.vote(twin.vector(), skip, shipped, List.of()));
		assertThat(vote.neighbours()).extracting(NearestExemplars.Neighbour::key).containsExactly("T0", "T1", "T2");
	}

	@Test
	void countsATenantsOwnExemplarsAmongTheNearest() {
		List<LabelledVector> shipped = exemplars("S", 1000);
		float[] query = unit(randomVector());
		List<LabelledVector> own = List.of(new LabelledVector("42", "own", Grade.L1, query.clone()));

		NearestExemplars.Vote vote = nearest.vote(query, Set.of(), new ExemplarMatrix(shipped), own);

		assertThat(vote).isEqualTo(nearest.vote(query, Set.of(), shipped, own));
		assertThat(vote.neighbours().get(0).key()).isEqualTo("42");
	}

	private List<LabelledVector> exemplars(String prefix, int count) {
		List<LabelledVector> vectors = new ArrayList<>();
		// clustered, as sentence vectors are: many exemplars close to one another
		List<float[]> centres = new ArrayList<>();
		for (int c = 0; c < 30; c++) {
			centres.add(unit(randomVector()));
		}
		for (int i = 0; i < count; i++) {
			float[] centre = centres.get(random.nextInt(centres.size()));
			vectors
				.add(new LabelledVector(prefix + i, "text " + i, Grade.values()[random.nextInt(4)], near(centre, 0.5)));
		}
		return vectors;
	}

	private float[] near(LabelledVector exemplar, double spread) {
		return near(exemplar.vector(), spread);
	}

	private float[] near(float[] centre, double spread) {
		float[] noise = randomVector();
		float[] vector = new float[DIMENSIONS];
		for (int d = 0; d < DIMENSIONS; d++) {
			vector[d] = (float) (centre[d] + spread * noise[d] / Math.sqrt(DIMENSIONS));
		}
		return unit(vector);
	}

	private float[] randomVector() {
		float[] vector = new float[DIMENSIONS];
		for (int d = 0; d < DIMENSIONS; d++) {
			vector[d] = (float) random.nextGaussian();
		}
		return vector;
	}

	private static float[] unit(float[] vector) {
		double sum = 0;
		for (float x : vector) {
			sum += (double) x * x;
		}
		double norm = Math.sqrt(sum);
		for (int d = 0; d < vector.length; d++) {
			vector[d] = (float) (vector[d] / norm);
		}
		return vector;
	}

}

package org.suxiu.triage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.Test;
import org.suxiu.triage.model.BgeSentenceEncoder;
import org.suxiu.triage.model.EmbeddingText;
import org.suxiu.triage.model.LabelledVector;
import org.suxiu.triage.model.SentenceEncoder;
import org.suxiu.triage.model.SoftmaxRegression;
import org.suxiu.triage.model.ShippedExemplars;
import org.suxiu.triage.model.VectorFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The precomputed vectors of the shipped exemplars match the exemplar file and the model.
 * After editing {@code triage/exemplars.jsonl}, regenerate them with
 * {@code ./mvnw -B -q test -Dtest=ShippedExemplarVectorsTest -Dtriage.regenerate=true};
 * the logistic regression fitted on them is precomputed the same way.
 */
class ShippedExemplarVectorsTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final SentenceEncoder MODEL = new BgeSentenceEncoder();

	@Test
	void everyShippedExemplarHasAPrecomputedVector() throws IOException {
		List<ShippedExemplars.Line> lines = ShippedExemplars.lines(JSON);
		if (Boolean.getBoolean("triage.regenerate")) {
			regenerate(lines);
		}

		Map<String, float[]> vectors = ShippedExemplars.precomputed();

		List<String> missing = lines.stream()
			.map(l -> EmbeddingText.prepare(l.text()))
			.filter(t -> !vectors.containsKey(VectorFile.hash(t)))
			.toList();
		assertThat(missing).as("exemplars without a vector: regenerate (see this test's Javadoc)").isEmpty();
	}

	@Test
	void thePrecomputedRegressionMatchesTheExemplarsAndSettings() throws IOException {
		List<LabelledVector> exemplars = ShippedExemplars.load(JSON, MODEL);
		String stamp = ShippedExemplars.regressionStamp(exemplars, Triage.Settings.LAMBDA, Triage.Settings.EPOCHS);
		if (Boolean.getBoolean("triage.regenerate")) {
			SoftmaxRegression fitted = SoftmaxRegression.fit(exemplars, Triage.Settings.LAMBDA, Triage.Settings.EPOCHS);
			write(ShippedExemplars.REGRESSION, out -> fitted.write(stamp, out));
		}

		try (InputStream in = ShippedExemplars.class.getResourceAsStream(ShippedExemplars.REGRESSION)) {
			assertThat(in).as("the regression file: regenerate (see this test's Javadoc)").isNotNull();
			assertThat(SoftmaxRegression.read(stamp, in)).as("a stale regression: regenerate").isNotNull();
		}
	}

	@Test
	void precomputedVectorsAreTheModelsVectors() {
		Map<String, float[]> vectors = ShippedExemplars.precomputed();
		List<ShippedExemplars.Line> lines = ShippedExemplars.lines(JSON);

		for (int i = 0; i < lines.size(); i += lines.size() / 20) {
			String text = EmbeddingText.prepare(lines.get(i).text());
			float[] live = MODEL.encode(text);
			float[] stored = vectors.get(VectorFile.hash(text));
			double cosine = 0;
			for (int d = 0; d < live.length; d++) {
				cosine += live[d] * stored[d];
			}
			assertThat(cosine).as(text).isGreaterThan(0.995);
		}
	}

	private static void regenerate(List<ShippedExemplars.Line> lines) throws IOException {
		Map<String, float[]> vectors = new LinkedHashMap<>();
		for (ShippedExemplars.Line line : lines) {
			String text = EmbeddingText.prepare(line.text());
			vectors.computeIfAbsent(VectorFile.hash(text), h -> MODEL.encode(text));
		}
		write(ShippedExemplars.VECTORS, out -> VectorFile.write(vectors, MODEL.dimensions(), out));
	}

	interface Writer {

		void write(OutputStream out) throws IOException;

	}

	/**
	 * Writes a resource in the sources and refreshes the classpath copy the tests read.
	 */
	private static void write(String resource, Writer writer) throws IOException {
		Path target = Path.of("src/main/resources" + resource);
		try (OutputStream out = Files.newOutputStream(target)) {
			writer.write(out);
		}
		Path copy = Path.of("target/classes" + resource);
		if (Files.isDirectory(copy.getParent())) {
			Files.copy(target, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		}
	}

}

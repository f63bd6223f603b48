package org.suxiu.triage;

import java.io.IOException;
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
import org.suxiu.triage.model.SentenceEncoder;
import org.suxiu.triage.model.ShippedExemplars;
import org.suxiu.triage.model.VectorFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The precomputed vectors of the shipped exemplars match the exemplar file and the model.
 * After editing {@code triage/exemplars.jsonl}, regenerate them with
 * {@code ./mvnw -B -q test -Dtest=ShippedExemplarVectorsTest -Dtriage.regenerate=true}.
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
		Path target = Path.of("src/main/resources" + ShippedExemplars.VECTORS);
		try (OutputStream out = Files.newOutputStream(target)) {
			VectorFile.write(vectors, MODEL.dimensions(), out);
		}
		// the test reads the classpath copy: refresh it too
		Path copy = Path.of("target/classes" + ShippedExemplars.VECTORS);
		if (Files.isDirectory(copy.getParent())) {
			Files.copy(target, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		}
	}

}

package org.suxiu.triage.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.suxiu.shared.Category;
import org.suxiu.shared.Grade;

/**
 * The labelled descriptions SuXiu ships ({@code triage/exemplars.jsonl}, the training
 * part of the labelled set) with their precomputed vectors
 * ({@code triage/exemplars.vec}).
 */
public final class ShippedExemplars {

	public static final String TEXTS = "/triage/exemplars.jsonl";

	public static final String VECTORS = "/triage/exemplars.vec";

	public static final String REGRESSION = "/triage/exemplars.regression";

	private static final Logger log = LoggerFactory.getLogger(ShippedExemplars.class);

	private ShippedExemplars() {
	}

	/**
	 * One shipped exemplar.
	 *
	 * @param key {@code S} and its line number
	 * @param text the description
	 * @param grade its grade
	 * @param category the category an agent would choose
	 */
	public record Line(String key, String text, Grade grade, Category category) {
	}

	public static List<Line> lines(JsonMapper json) {
		return read(json, TEXTS);
	}

	/**
	 * Labelled lines from any JSONL resource with {@code text}, {@code grade},
	 * {@code category}.
	 */
	public static List<Line> read(JsonMapper json, String resource) {
		try (InputStream in = ShippedExemplars.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException(resource + " is missing from the classpath");
			}
			List<Line> lines = new ArrayList<>();
			int number = 0;
			for (String raw : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				number++;
				if (raw.isBlank()) {
					continue;
				}
				Map<?, ?> row = json.readValue(raw, Map.class);
				String category = (String) row.get("category");
				lines.add(new Line("S%04d".formatted(number), (String) row.get("text"),
						Grade.valueOf((String) row.get("grade")),
						category == null ? Category.OTHER : Category.valueOf(category)));
			}
			return lines;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static Map<String, float[]> precomputed() {
		try (InputStream in = ShippedExemplars.class.getResourceAsStream(VECTORS)) {
			return in == null ? Map.of() : VectorFile.read(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The stamp of a regression fitted on these exemplars with these settings. */
	public static String regressionStamp(List<LabelledVector> exemplars, double lambda, int epochs) {
		return SoftmaxRegression.stamp(
				exemplars.stream().map(e -> VectorFile.hash(EmbeddingText.prepare(e.text()))).toList(),
				exemplars.stream().map(LabelledVector::grade).toList(), lambda, epochs);
	}

	/**
	 * The regression fitted on the shipped exemplars: precomputed at build time when it
	 * matches them and the settings, fitted now otherwise.
	 */
	public static SoftmaxRegression regression(List<LabelledVector> exemplars, double lambda, int epochs) {
		String stamp = regressionStamp(exemplars, lambda, epochs);
		try (InputStream in = ShippedExemplars.class.getResourceAsStream(REGRESSION)) {
			SoftmaxRegression stored = in == null ? null : SoftmaxRegression.read(stamp, in);
			if (stored != null) {
				return stored;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		log.warn("The precomputed triage regression does not match the shipped exemplars; fitting it at start-up. "
				+ "Regenerate {} (see README, Triage)", REGRESSION);
		return SoftmaxRegression.fit(exemplars, lambda, epochs);
	}

	/** The shipped exemplars as vectors, embedding any the vector file lacks. */
	public static List<LabelledVector> load(JsonMapper json, SentenceEncoder encoder) {
		Map<String, float[]> precomputed = precomputed();
		List<LabelledVector> vectors = new ArrayList<>();
		int embedded = 0;
		for (Line line : lines(json)) {
			String prepared = EmbeddingText.prepare(line.text());
			float[] vector = precomputed.get(VectorFile.hash(prepared));
			if (vector == null) {
				vector = encoder.encode(prepared);
				embedded++;
			}
			vectors.add(new LabelledVector(line.key(), line.text(), line.grade(), vector));
		}
		if (embedded > 0) {
			log.warn("{} of {} shipped triage exemplars had no precomputed vector and were embedded at start-up; "
					+ "regenerate {} (see README, Triage)", embedded, vectors.size(), VECTORS);
		}
		return List.copyOf(vectors);
	}

}

package org.suxiu.triage.model;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;

/**
 * BGE small zh v1.5 (quantized ONNX, shipped inside its Maven artifact, run in-process):
 * no network, no download. Identical texts are answered from a small cache, since the
 * agent's console grades the same text while it is typed and again on submit.
 */
public final class BgeSentenceEncoder implements SentenceEncoder {

	private static final int CACHE_SIZE = 4096;

	private final dev.langchain4j.model.embedding.EmbeddingModel model;

	private final Map<String, float[]> cache = new LinkedHashMap<>(256, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
			return size() > CACHE_SIZE;
		}

	};

	public BgeSentenceEncoder() {
		this.model = new SingleThreadBge();
	}

	@Override
	public float[] encode(String text) {
		synchronized (cache) {
			float[] cached = cache.get(text);
			if (cached != null) {
				return cached;
			}
		}
		float[] vector = text.isEmpty() ? new float[dimensions()] : model.embed(text).content().vector();
		synchronized (cache) {
			cache.put(text, vector);
		}
		return vector;
	}

	/** The same model without the cache, for benchmarks of new descriptions. */
	public static final class Uncached implements SentenceEncoder {

		private static final dev.langchain4j.model.embedding.EmbeddingModel MODEL = Boolean
			.getBoolean("bench.onnxDefault") ? new BgeSmallZhV15QuantizedEmbeddingModel() : new SingleThreadBge();

		@Override
		public float[] encode(String text) {
			return text.isEmpty() ? new float[dimensions()] : MODEL.embed(text).content().vector();
		}

		@Override
		public int dimensions() {
			return 512;
		}

		@Override
		public String name() {
			return "bge-small-zh-v1.5-q (uncached)";
		}

	}

	@Override
	public int dimensions() {
		return 512;
	}

	@Override
	public String name() {
		return "bge-small-zh-v1.5-q";
	}

}

package org.suxiu.triage.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;

/**
 * The same BGE small zh model and tokenizer as
 * {@link BgeSmallZhV15QuantizedEmbeddingModel} (read from its jar), in an ONNX session
 * that runs each description on one thread and never spins: on two cores shared with the
 * web server and PostgreSQL, ONNX Runtime's default (a spinning thread per core for every
 * request) made grading slower under load, and requests are the parallelism that matters
 * here.
 */
final class SingleThreadBge extends AbstractInProcessEmbeddingModel {

	private final OnnxBertBiEncoder encoder;

	SingleThreadBge() {
		super(Runnable::run);
		try {
			OrtEnvironment environment = OrtEnvironment.getEnvironment();
			OrtSession.SessionOptions options = new OrtSession.SessionOptions();
			options.setIntraOpNumThreads(1);
			options.setInterOpNumThreads(1);
			options.addConfigEntry("session.intra_op.allow_spinning", "0");
			options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
			OrtSession session = environment.createSession(resource("bge-small-zh-v1.5-q.onnx"), options);
			try (InputStream tokenizer = BgeSmallZhV15QuantizedEmbeddingModel.class
				.getResourceAsStream("/bge-small-zh-v1.5-q-tokenizer.json")) {
				this.encoder = new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.CLS);
			}
		}
		catch (OrtException ex) {
			throw new IllegalStateException(ex.getMessage(), ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] resource(String name) throws IOException {
		try (InputStream in = BgeSmallZhV15QuantizedEmbeddingModel.class.getResourceAsStream("/" + name)) {
			if (in == null) {
				throw new IOException(name + " is missing from the classpath");
			}
			return in.readAllBytes();
		}
	}

	@Override
	protected OnnxBertBiEncoder model() {
		return encoder;
	}

	@Override
	protected Integer knownDimension() {
		return 512;
	}

}

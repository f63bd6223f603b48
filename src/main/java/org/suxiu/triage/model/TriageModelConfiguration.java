package org.suxiu.triage.model;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Loads the sentence model unless {@code suxiu.triage.model=off}. A model that fails to
 * load stops start-up with a clear message: SuXiu never falls back to rules alone
 * silently.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "suxiu.triage.model", havingValue = "bge", matchIfMissing = true)
public class TriageModelConfiguration {

	private static final Logger log = LoggerFactory.getLogger(TriageModelConfiguration.class);

	@Bean
	SentenceEncoder sentenceEncoder() {
		return load(BgeSentenceEncoder::new);
	}

	/** Loads and tries the model, or fails with what to do about it. */
	static SentenceEncoder load(java.util.function.Supplier<SentenceEncoder> model) {
		long started = System.nanoTime();
		try {
			// DJL (the tokenizer's runtime) reports nothing anywhere
			System.setProperty("OPT_OUT_TRACKING", "true");
			SentenceEncoder encoder = model.get();
			encoder.encode("电梯困人");
			log.info("Triage sentence model {} loaded in {} ms", encoder.name(),
					(System.nanoTime() - started) / 1_000_000);
			return encoder;
		}
		catch (RuntimeException | LinkageError ex) {
			throw new IllegalStateException("The triage sentence model (bge-small-zh-v1.5-q) could not be loaded: "
					+ ex.getMessage() + ". Grading would be rules only; SuXiu does not start that way silently. "
					+ "Fix the cause, or start with suxiu.triage.model=off (SUXIU_TRIAGE_MODEL=off) to grade "
					+ "by rules alone on purpose.", ex);
		}
	}

}

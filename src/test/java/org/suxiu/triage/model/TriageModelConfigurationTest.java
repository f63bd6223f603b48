package org.suxiu.triage.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A model that fails to load stops start-up with a message that says what to do. */
class TriageModelConfigurationTest {

	@Test
	void aModelThatFailsToLoadStopsStartUpAndNamesTheWayOut() {
		assertThatThrownBy(() -> TriageModelConfiguration.load(() -> {
			throw new UnsatisfiedLinkError("libonnxruntime.so: cannot open shared object file");
		})).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("could not be loaded")
			.hasMessageContaining("libonnxruntime.so")
			.hasMessageContaining("suxiu.triage.model=off");
	}

}

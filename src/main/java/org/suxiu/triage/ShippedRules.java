package org.suxiu.triage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import tools.jackson.databind.json.JsonMapper;

/**
 * The rule set SuXiu ships ({@code triage/default-rules.json}), used by every tenant that
 * has not edited its own.
 */
final class ShippedRules {

	static final String RESOURCE = "/triage/default-rules.json";

	private ShippedRules() {
	}

	static TriageRules load(JsonMapper json) {
		try (InputStream in = ShippedRules.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(RESOURCE + " is missing from the classpath");
			}
			return json.readValue(in, TriageRules.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

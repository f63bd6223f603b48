package org.suxiu;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Holds the module graph (no cycles, only API types used across modules) and writes its
 * docs to {@code target/spring-modulith-docs}.
 */
class ModularityTests {

	private static final ApplicationModules MODULES = ApplicationModules.of(SuxiuApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		MODULES.verify();
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(MODULES).writeDocumentation();
	}

}

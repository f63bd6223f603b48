package org.suxiu.workorder;

import java.time.Duration;
import java.util.Optional;

import org.suxiu.shared.Category;

/**
 * What a project decided about the time after completion, answered by the module that
 * keeps the project's aftercare rules: how long the owner has to accept before the system
 * does, and how long a repair is under warranty (a new order at the same place and of the
 * same kind within it is probably rework). Empty answers fall back to the installation's
 * settings.
 */
public interface AftercarePolicy {

	/** The project's auto-accept delay after completion, if it set one. */
	Optional<Duration> autoAcceptAfter(long projectId);

	/** The project's warranty window for repairs of this category, if it set one. */
	Optional<Duration> warrantyWindow(long projectId, Category category);

}

package org.suxiu.analytics.internal;

import java.time.LocalDate;

/**
 * One row of {@code analytics_rollup}: a project's day, split by one dimension's value
 * ({@code ALL}/{@code *} for the whole day).
 *
 * @param tenantId property company
 * @param projectId project
 * @param day day in the project's zone
 * @param dimension ALL, GRADE, CATEGORY, CHANNEL or TECHNICIAN
 * @param value the dimension's value (a technician's id)
 */
record RollupKey(long tenantId, long projectId, LocalDate day, String dimension, String value) {

	static final String ALL = "ALL";

}

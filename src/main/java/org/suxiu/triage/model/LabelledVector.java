package org.suxiu.triage.model;

import org.suxiu.shared.Grade;

/**
 * One exemplar as the classifier sees it: its vector, its grade and how to name it in an
 * explanation.
 *
 * @param key the exemplar's id ({@code S…} shipped, a number for a tenant's own)
 * @param text the description, for the explanation
 * @param grade the grade it was given
 * @param vector its unit-length sentence vector
 */
public record LabelledVector(String key, String text, Grade grade, float[] vector) {
}

package org.suxiu.workorder;

/**
 * Whether the grade came from the triage rules or from a person.
 */
public enum GradeSource {

	AUTO, MANUAL

}

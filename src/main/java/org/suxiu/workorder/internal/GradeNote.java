package org.suxiu.workorder.internal;

/**
 * What triage said of an automatic grade, kept with the order.
 *
 * @param line one line for the history
 * @param uncertain whether a person should confirm the grade
 * @param explanation the whole explanation as JSON, for staff
 */
record GradeNote(String line, boolean uncertain, String explanation) {

	static final GradeNote NONE = new GradeNote("", false, null);

}

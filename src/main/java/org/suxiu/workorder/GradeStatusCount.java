package org.suxiu.workorder;

import org.suxiu.shared.Grade;

/**
 * How many orders of one grade are in one status.
 *
 * @param grade the grade
 * @param status the status
 * @param orders how many
 */
public record GradeStatusCount(Grade grade, Status status, long orders) {
}

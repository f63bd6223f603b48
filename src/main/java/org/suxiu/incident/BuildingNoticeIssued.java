package org.suxiu.incident;

import java.time.Instant;

/**
 * A notice goes to every owner of a building (停水通知, 停电通知).
 *
 * @param noticeId notice id
 * @param tenantId property company
 * @param projectId project
 * @param building building code
 * @param text what the owners read
 * @param at when it was issued
 */
public record BuildingNoticeIssued(long noticeId, long tenantId, long projectId, String building, String text,
		Instant at) {
}

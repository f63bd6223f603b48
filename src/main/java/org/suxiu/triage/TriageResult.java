package org.suxiu.triage;

import java.util.List;

import org.suxiu.shared.Grade;

/**
 * The grade the rules give a description, and the phrases that decided it.
 *
 * @param grade the grade
 * @param matched the phrases that matched for that grade; empty when a default decided
 */
public record TriageResult(Grade grade, List<String> matched) {

	/** One line for the order's history: {@code 规则: 困人, 电梯} or {@code 类别默认}. */
	public String explanation() {
		return matched.isEmpty() ? "默认等级 default grade" : "关键词 keywords: " + String.join(", ", matched);
	}

}

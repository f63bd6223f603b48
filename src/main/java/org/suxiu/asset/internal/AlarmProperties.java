package org.suxiu.asset.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.suxiu.asset.AssetType;
import org.suxiu.shared.Category;
import org.suxiu.shared.Grade;

/**
 * How device alarms become orders ({@code suxiu.alarms}).
 *
 * @param rules by alarm type: the grade, the repair type and the words of the order; a
 * type without a rule is filed under the equipment's repair type and graded by the triage
 * rules from its words
 * @param flapWindow an alarm raised again this soon after it cleared reopens the same
 * alarm and order instead of a new one (damping a flapping device)
 * @param noteEvery repeats of an open alarm are counted on it; the order's history notes
 * the count at most this often
 */
@ConfigurationProperties("suxiu.alarms")
record AlarmProperties(Map<String, Rule> rules, Duration flapWindow, Duration noteEvery) {

	AlarmProperties {
		rules = rules == null ? Map.of() : Map.copyOf(rules);
		flapWindow = flapWindow == null ? Duration.ofMinutes(10) : flapWindow;
		noteEvery = noteEvery == null ? Duration.ofMinutes(1) : noteEvery;
	}

	/**
	 * One alarm type's handling.
	 *
	 * @param grade the grade, or {@code null} to let the triage rules grade it
	 * @param category the repair type, or {@code null} for the equipment's
	 * @param text what the order says, e.g. 电梯困人报警
	 * @param assetTypes the grade applies only to these kinds of equipment (empty: all);
	 * elsewhere the triage rules grade it
	 */
	record Rule(Grade grade, Category category, String text, List<AssetType> assetTypes) {

		Rule {
			assetTypes = assetTypes == null ? List.of() : List.copyOf(assetTypes);
		}

		Grade gradeFor(AssetType type) {
			return assetTypes.isEmpty() || assetTypes.contains(type) ? grade : null;
		}

	}

}

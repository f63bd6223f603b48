package org.suxiu.dispatch;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many emergencies of one project wait for a technician against how many qualified
 * technicians are free to go (紧急高峰): in a surge the recommender wakes on-call technicians
 * and may interrupt urgent (L2) work for an emergency, and the supervisor is told the
 * shortfall.
 *
 * @param projectId the project
 * @param openEmergencies L1 orders of the project nobody has reached yet, the one being
 * placed included
 * @param freeQualified technicians serving the project, on a regular shift, skilled in
 * the emergency's trade and holding no L1 or L2 job
 */
public record Surge(long projectId, int openEmergencies, int freeQualified) {

	/** Emergencies outnumber the free qualified technicians. */
	public boolean active() {
		return openEmergencies > freeQualified;
	}

	/** How many more technicians the emergencies need. */
	public int shortfall() {
		return Math.max(0, openEmergencies - freeQualified);
	}

	/** The breakdown's {@code surge} entry. */
	Map<String, Object> reason() {
		Map<String, Object> reason = new LinkedHashMap<>();
		reason.put("openEmergencies", openEmergencies);
		reason.put("freeQualified", freeQualified);
		reason.put("shortfall", shortfall());
		reason.put("summary",
				"紧急高峰：" + openEmergencies + "单紧急待到场，仅" + freeQualified + "名技师空闲，缺" + shortfall() + "人 surge: "
						+ openEmergencies + " emergencies waiting, " + freeQualified + " free, short by "
						+ shortfall());
		return reason;
	}

}

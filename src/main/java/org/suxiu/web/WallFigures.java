package org.suxiu.web;

import java.util.Map;

import org.suxiu.sla.SlaSummaries;

/**
 * Today's figures on the wall screen.
 *
 * @param reported orders reported today
 * @param done of those, completed, accepted or closed
 * @param open orders open now, whenever reported
 * @param emergencies open emergencies (L1)
 * @param late open orders past a deadline
 * @param respondPercent response promises kept today, in whole percent, or {@code null}
 * when none was due yet
 * @param arrivePercent arrival promises kept today, likewise
 * @param working technicians on shift or on site
 * @param technicians technicians serving the project
 */
record WallFigures(long reported, long done, long open, long emergencies, long late, Long respondPercent,
		Long arrivePercent, long working, long technicians) {

	/** The share of one clock's promises kept over every grade, in whole percent. */
	static Long percent(SlaSummaries.Summary summary, String clock) {
		long met = 0;
		long missed = 0;
		for (Map<String, SlaSummaries.ClockFigures> clocks : summary.grades().values()) {
			SlaSummaries.ClockFigures figures = clocks.get(clock);
			if (figures != null) {
				met += figures.met();
				missed += figures.missed();
			}
		}
		return met + missed == 0 ? null : Math.round(met * 100.0 / (met + missed));
	}

}

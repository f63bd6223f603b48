package org.suxiu.web;

import java.time.LocalDate;
import java.util.List;

/**
 * The wall screen's last days as bars drawn on the server (no chart script on a screen
 * that refreshes all day): orders reported and, of those, completed.
 *
 * @param days the days, oldest first
 * @param bars each day's two bars, scaled to {@link #HEIGHT}
 */
record WallTrend(List<Day> days, List<Bar> bars) {

	static final int WIDTH = 700;

	static final int HEIGHT = 150;

	private static final int SLOT = WIDTH / 7;

	/**
	 * One day's counts.
	 *
	 * @param day the day in the project's zone
	 * @param reported orders reported that day
	 * @param done of those, completed since
	 */
	record Day(LocalDate day, long reported, long done) {
	}

	/**
	 * One day's bars: x of the first, heights of both, and where the label goes.
	 *
	 * @param day the day
	 * @param x left edge of the reported bar
	 * @param reportedHeight its height
	 * @param doneHeight the completed bar's height
	 * @param label the day as people write it: {@code 12-05}
	 */
	record Bar(Day day, int x, int reportedHeight, int doneHeight, String label) {
	}

	static WallTrend of(List<Day> days) {
		long max = Math.max(1, days.stream().mapToLong(Day::reported).max().orElse(1));
		List<Bar> bars = new java.util.ArrayList<>();
		for (int i = 0; i < days.size(); i++) {
			Day d = days.get(i);
			bars.add(new Bar(d, i * SLOT + 14, scale(d.reported(), max), scale(d.done(), max),
					String.format("%02d-%02d", d.day().getMonthValue(), d.day().getDayOfMonth())));
		}
		return new WallTrend(days, bars);
	}

	private static int scale(long count, long max) {
		return (int) Math.round(count * (double) HEIGHT / max);
	}

}

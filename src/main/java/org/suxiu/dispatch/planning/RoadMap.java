package org.suxiu.dispatch.planning;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import org.suxiu.shared.GeoPoint;

/**
 * Travel seconds between every pair of places of one planning problem, computed once so
 * that the solver's millions of look-ups are array reads. A place whose position is not
 * known is {@code unknown} away from everything.
 */
public final class RoadMap {

	private final List<GeoPoint> places = new ArrayList<>();

	private final BiFunction<GeoPoint, GeoPoint, Duration> travel;

	private final long unknownSeconds;

	private long[][] seconds;

	/**
	 * @param travel travel time between two known positions
	 * @param unknown assumed travel time to or from a place whose position is not known
	 */
	public RoadMap(BiFunction<GeoPoint, GeoPoint, Duration> travel, Duration unknown) {
		this.travel = travel;
		this.unknownSeconds = unknown.toSeconds();
	}

	/** Adds a place (null when unknown) and returns its index. */
	int add(GeoPoint point) {
		if (seconds != null) {
			throw new IllegalStateException("the road map is complete");
		}
		places.add(point);
		return places.size() - 1;
	}

	/** Computes the matrix; call once, after every place was added. */
	void complete() {
		int n = places.size();
		seconds = new long[n][n];
		for (int from = 0; from < n; from++) {
			for (int to = 0; to < n; to++) {
				GeoPoint a = places.get(from);
				GeoPoint b = places.get(to);
				seconds[from][to] = from == to ? 0
						: a == null || b == null ? unknownSeconds : travel.apply(a, b).toSeconds();
			}
		}
	}

	long seconds(int from, int to) {
		return seconds[from][to];
	}

	GeoPoint place(int index) {
		return places.get(index);
	}

}

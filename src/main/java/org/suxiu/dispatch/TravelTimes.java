package org.suxiu.dispatch;

import java.time.Duration;

import org.suxiu.shared.GeoPoint;

/**
 * How long a technician takes from one place to another; a road-network or map-service
 * provider can replace the straight-line default.
 */
public interface TravelTimes {

	Duration between(GeoPoint from, GeoPoint to);

	/**
	 * Straight-line distance × detour factor ÷ speed, and never less than {@code minimum}
	 * (walking to the building, waiting for the lift).
	 *
	 * @param speedKmh average speed
	 * @param detour road distance ÷ straight-line distance
	 * @param minimum the shortest trip
	 */
	record StraightLine(double speedKmh, double detour, Duration minimum) implements TravelTimes {

		@Override
		public Duration between(GeoPoint from, GeoPoint to) {
			double hours = from.kilometresTo(to) * detour / speedKmh;
			Duration travel = Duration.ofSeconds(Math.round(hours * 3600));
			return travel.compareTo(minimum) < 0 ? minimum : travel;
		}

	}

}

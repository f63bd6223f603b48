package org.suxiu.shared;

/**
 * A WGS-84 position, as phones report it.
 *
 * @param lat latitude in degrees
 * @param lng longitude in degrees
 */
public record GeoPoint(double lat, double lng) {

	private static final double EARTH_RADIUS_KM = 6371.0088;

	public GeoPoint {
		if (lat < -90 || lat > 90 || lng < -180 || lng > 180 || Double.isNaN(lat) || Double.isNaN(lng)) {
			throw new IllegalArgumentException("not a position on earth: " + lat + ", " + lng);
		}
	}

	/** Great-circle distance in kilometres (haversine). */
	public double kilometresTo(GeoPoint other) {
		double dLat = Math.toRadians(other.lat - lat);
		double dLng = Math.toRadians(other.lng - lng);
		double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat))
				* Math.cos(Math.toRadians(other.lat)) * Math.sin(dLng / 2) * Math.sin(dLng / 2);
		return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
	}

}

package org.suxiu.web;

import java.util.ArrayList;
import java.util.List;

import org.suxiu.dispatch.TechnicianBoard.BoardEntry;
import org.suxiu.property.PlacePoint;
import org.suxiu.workorder.WorkOrderView;

/**
 * The project's buildings and the technicians' last positions projected onto an SVG
 * drawing from their coordinates (no map tiles): north up, the same scale both ways.
 *
 * @param width drawing width
 * @param height drawing height
 * @param buildings the buildings, with the number of open orders in each
 * @param technicians the technicians whose position is known
 */
record SitePlan(int width, int height, List<Mark> buildings, List<Mark> technicians) {

	static final int WIDTH = 480;

	private static final int MARGIN = 48;

	/**
	 * One thing on the plan.
	 *
	 * @param x across
	 * @param y down
	 * @param label what to write
	 * @param count open orders in a building; a technician's jobs in hand
	 * @param busy a technician on site
	 */
	record Mark(double x, double y, String label, int count, boolean busy) {
	}

	static SitePlan empty() {
		return new SitePlan(WIDTH, 120, List.of(), List.of());
	}

	static SitePlan of(List<PlacePoint> buildings, List<BoardEntry> technicians, List<WorkOrderView> open) {
		List<double[]> points = new ArrayList<>();
		buildings.stream().filter(b -> b.lat() != null).forEach(b -> points.add(new double[] { b.lat(), b.lng() }));
		if (points.isEmpty()) {
			return empty();
		}
		double minLat = points.stream().mapToDouble(p -> p[0]).min().orElseThrow();
		double maxLat = points.stream().mapToDouble(p -> p[0]).max().orElseThrow();
		double minLng = points.stream().mapToDouble(p -> p[1]).min().orElseThrow();
		double maxLng = points.stream().mapToDouble(p -> p[1]).max().orElseThrow();
		// a degree of longitude is shorter than one of latitude away from the equator
		double lngScale = Math.cos(Math.toRadians((minLat + maxLat) / 2));
		double spanX = Math.max((maxLng - minLng) * lngScale, 1e-4);
		double spanY = Math.max(maxLat - minLat, 1e-4);
		double scale = (WIDTH - 2.0 * MARGIN) / Math.max(spanX, spanY);
		int height = (int) Math.round(spanY * scale + 2 * MARGIN);
		List<Mark> buildingMarks = buildings.stream()
			.filter(b -> b.lat() != null)
			.map(b -> new Mark(MARGIN + (b.lng() - minLng) * lngScale * scale, MARGIN + (maxLat - b.lat()) * scale,
					b.name(), (int) open.stream().filter(o -> b.code().equals(o.location().building())).count(), false))
			.toList();
		List<Mark> technicianMarks = technicians.stream()
			.filter(t -> t.position() != null)
			.map(t -> new Mark(clamp(MARGIN + (t.position().lng() - minLng) * lngScale * scale, WIDTH),
					clamp(MARGIN + (maxLat - t.position().lat()) * scale, height), t.name(), t.jobs().size(),
					t.status().name().equals("BUSY")))
			.toList();
		return new SitePlan(WIDTH, height, buildingMarks, technicianMarks);
	}

	/** A technician far off the site is drawn at its edge. */
	private static double clamp(double value, int size) {
		return Math.max(6, Math.min(size - 6, value));
	}

}

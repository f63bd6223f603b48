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
		List<Mark> placed = new ArrayList<>();
		technicians.stream()
			.filter(t -> t.position() != null)
			.map(t -> new Mark(clamp(MARGIN + (t.position().lng() - minLng) * lngScale * scale, WIDTH),
					clamp(MARGIN + (maxLat - t.position().lat()) * scale, height), t.name(), t.jobs().size(),
					t.status().name().equals("BUSY")))
			.forEach(t -> placed.add(clear(t, buildingMarks, placed)));
		double bottom = placed.stream().mapToDouble(t -> t.y() + 6).max().orElse(0);
		return new SitePlan(WIDTH, (int) Math.max(height, Math.ceil(bottom + 6)), buildingMarks, List.copyOf(placed));
	}

	/** Half a building's label box, as the pages draw it, and a technician's dot. */
	private static final double CHIP_HALF_WIDTH = 22;

	private static final double CHIP_HALF_HEIGHT = 11;

	private static final double DOT = 6;

	/** Height of a technician's line (dot and name) and the width of the name. */
	private static final double LINE = 14;

	private static final double NAME_WIDTH = 56;

	/**
	 * Where a technician is drawn so that neither a building's label nor another
	 * technician's name hides them: one at a building (on site there, usually) goes just
	 * under its label, and each further one a line lower.
	 */
	private static Mark clear(Mark technician, List<Mark> buildings, List<Mark> placed) {
		double x = technician.x();
		double y = technician.y();
		for (Mark building : buildings) {
			if (Math.abs(x - building.x()) <= CHIP_HALF_WIDTH + DOT
					&& Math.abs(y - building.y()) <= CHIP_HALF_HEIGHT + DOT) {
				x = building.x() - CHIP_HALF_WIDTH + DOT;
				y = building.y() + CHIP_HALF_HEIGHT + DOT + 2;
				break;
			}
		}
		boolean moved = true;
		while (moved) {
			moved = false;
			for (Mark other : placed) {
				if (Math.abs(y - other.y()) < LINE && x < other.x() + NAME_WIDTH && other.x() < x + NAME_WIDTH) {
					y = other.y() + LINE;
					moved = true;
				}
			}
		}
		return new Mark(x, y, technician.label(), technician.count(), technician.busy());
	}

	/** A technician far off the site is drawn at its edge. */
	private static double clamp(double value, int size) {
		return Math.max(6, Math.min(size - 6, value));
	}

}

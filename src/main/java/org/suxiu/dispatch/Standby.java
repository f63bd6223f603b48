package org.suxiu.dispatch;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.suxiu.shared.Category;
import org.suxiu.shared.GeoPoint;

/**
 * Look-ahead reservation for emergencies (待命): where a technician with nothing to do
 * should wait so that the likely next emergencies have someone qualified within reach.
 * Coverage of a place for a trade is whether some free technician with that trade can be
 * there within {@code reach}; a technician's worth at a place is the likely emergencies
 * (each place's weight × each trade's weight, both learned from the calls so far) that
 * they alone cover. The technician is sent to the place where that worth is highest, when
 * it beats staying put by at least {@code minimumGain} of all likely emergencies. Pure:
 * everything it needs is passed in.
 */
public final class Standby {

	private final TravelTimes travel;

	private final Duration reach;

	private final double minimumGain;

	/**
	 * @param travel the travel model
	 * @param reach the longest trip that still counts as covering a place (the L1 limit
	 * less the dispatch overhead and a margin)
	 * @param minimumGain the share of likely emergencies a move must newly cover
	 */
	public Standby(TravelTimes travel, Duration reach, double minimumGain) {
		this.travel = travel;
		this.reach = reach;
		this.minimumGain = minimumGain;
	}

	/**
	 * A place emergencies may come from.
	 *
	 * @param id site or estate
	 * @param place where
	 * @param weight how likely an emergency there is, relative to the other places (calls
	 * so far)
	 */
	public record Place(String id, GeoPoint place, double weight) {
	}

	/**
	 * A technician who could take an emergency now (free, or on work an emergency may
	 * interrupt).
	 *
	 * @param id technician
	 * @param position where they are, or where they are heading to wait
	 * @param trades their skills
	 */
	public record Cover(long id, GeoPoint position, Set<Category> trades) {
	}

	/**
	 * The advice: wait at {@code place}.
	 *
	 * @param technicianId who
	 * @param place where to wait
	 * @param coveredAlone share of likely emergencies they alone would cover there
	 * @param coveredAloneNow the same where they are
	 * @param reason the sentence shown to the dispatcher
	 */
	public record Move(long technicianId, Place place, double coveredAlone, double coveredAloneNow, String reason) {
	}

	/**
	 * Where {@code technician} should wait, if somewhere other than where they are.
	 * @param technician the free technician
	 * @param destinations places they may be sent to
	 * @param places where emergencies may come from, with their weights
	 * @param others everyone else who could take an emergency now
	 * @param tradeWeights how likely the next emergency is of each trade
	 */
	public Optional<Move> advise(Cover technician, List<Place> destinations, List<Place> places, List<Cover> others,
			Map<Category, Double> tradeWeights) {
		double total = 0;
		for (Place place : places) {
			total += place.weight();
		}
		double trades = 0;
		for (double weight : tradeWeights.values()) {
			trades += weight;
		}
		if (total <= 0 || trades <= 0) {
			return Optional.empty();
		}
		// for each trade of the technician and each place: is it covered by someone else?
		Category[] mine = technician.trades().toArray(Category[]::new);
		boolean[][] coveredByOthers = new boolean[mine.length][places.size()];
		for (int t = 0; t < mine.length; t++) {
			for (int p = 0; p < places.size(); p++) {
				for (Cover other : others) {
					if (other.id() != technician.id() && other.trades().contains(mine[t])
							&& within(other.position(), places.get(p).place())) {
						coveredByOthers[t][p] = true;
						break;
					}
				}
			}
		}
		double norm = total * trades;
		double now = alone(technician.position(), mine, coveredByOthers, places, tradeWeights) / norm;
		Place best = null;
		double bestWorth = now;
		for (Place destination : destinations) {
			double worth = alone(destination.place(), mine, coveredByOthers, places, tradeWeights) / norm;
			if (worth > bestWorth + 1e-12) {
				bestWorth = worth;
				best = destination;
			}
		}
		if (best == null || bestWorth - now < minimumGain) {
			return Optional.empty();
		}
		String reason = String.format(
				"到%s待命：独自覆盖%.0f%%的可能紧急单（原地%.0f%%） standby at %s: alone covers %.0f%% of likely emergencies (%.0f%% where they are)",
				best.id(), 100 * bestWorth, 100 * now, best.id(), 100 * bestWorth, 100 * now);
		return Optional.of(new Move(technician.id(), best, bestWorth, now, reason));
	}

	private double alone(GeoPoint from, Category[] mine, boolean[][] coveredByOthers, List<Place> places,
			Map<Category, Double> tradeWeights) {
		double worth = 0;
		for (int p = 0; p < places.size(); p++) {
			if (!within(from, places.get(p).place())) {
				continue;
			}
			for (int t = 0; t < mine.length; t++) {
				if (!coveredByOthers[t][p]) {
					worth += places.get(p).weight() * tradeWeights.getOrDefault(mine[t], 0.0);
				}
			}
		}
		return worth;
	}

	private boolean within(GeoPoint from, GeoPoint to) {
		return from != null && to != null && travel.between(from, to).compareTo(reach) <= 0;
	}

}

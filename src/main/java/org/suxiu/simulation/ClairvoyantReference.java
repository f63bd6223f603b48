package org.suxiu.simulation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.suxiu.shared.GeoPoint;
import org.suxiu.shared.Grade;
import org.suxiu.simulation.SimulatedRequests.Request;
import org.suxiu.simulation.Simulation.Tech;

/**
 * How many emergencies (L1) could have been reached within their limit by someone who
 * knew every request of the period in advance: an exact branch and bound over which
 * technician takes which emergency, in the simulator's own physics (travel model,
 * dispatch overhead, shifts, drop-outs). Each technician starts at base; an emergency's
 * technician sets off no earlier than the call plus the overhead (nobody waits on a
 * doorstep for a call not yet made), from base or the site of their previous emergency,
 * once that one is finished; work short of an emergency yields to it at no cost (the
 * reference ignores it). An emergency that cannot be reached in time is left out, so it
 * costs nothing. Unlike the geometric bound it knows that two emergencies cannot both
 * have the nearest technician.
 */
final class ClairvoyantReference {

	/** Search nodes before giving up on proving the best found optimal. */
	static final long NODE_LIMIT = 500_000;

	/**
	 * @param within emergencies reached within the limit
	 * @param n emergencies
	 * @param optimal whether the search finished (else {@code within} is the best found)
	 * @param nodes search nodes used
	 */
	record Result(int within, int n, boolean optimal, long nodes) {
	}

	private final Simulation sim;

	private final List<Request> emergencies;

	private final double limit;

	private final List<List<Tech>> candidates = new ArrayList<>();

	/** Whether any qualified technician could reach it from anywhere it might be. */
	private final int[] reachableAfter;

	private final double[] freeAt;

	private final GeoPoint[] position;

	private int best;

	private long nodes;

	private final long nodeLimit;

	private final boolean anySite;

	/**
	 * Per emergency and technician: the times requests of the technician's trades came
	 * in, and the shortest travel from any of their sites so far.
	 */
	private final java.util.Map<String, List<double[][]>> prefix = new java.util.HashMap<>();

	/** Per technician and minute, the first minute from it on shift. */
	private final int[][] nextOn;

	ClairvoyantReference(Simulation sim) {
		this(sim, true, NODE_LIMIT);
	}

	/**
	 * @param anySite whether a technician may set off from the site of any request of
	 * their trades already called in (the simulator puts a technician at a job's site as
	 * they set off, and an emergency may interrupt that job at once), rather than only
	 * from base or their previous emergency
	 */
	ClairvoyantReference(Simulation sim, boolean anySite, long nodeLimit) {
		this.sim = sim;
		this.anySite = anySite;
		this.nodeLimit = nodeLimit;
		this.emergencies = sim.requests.stream()
			.filter(r -> r.grade() == Grade.L1)
			.sorted(Comparator.comparingDouble(Request::at))
			.toList();
		this.limit = sim.limits.get(Grade.L1);
		int horizon = (int) Math.ceil(sim.scenario.hours() * 60) + 2 * 24 * 60;
		this.nextOn = new int[sim.techs.size()][horizon];
		for (Tech tech : sim.techs) {
			boolean[] woken = woken(tech, horizon);
			int[] next = nextOn[(int) tech.id - 1];
			int following = Integer.MAX_VALUE;
			for (int m = horizon - 1; m >= 0; m--) {
				if (woken[m] || sim.isOnShift(tech, m)) {
					following = m;
				}
				next[m] = following;
			}
		}
		this.freeAt = new double[sim.techs.size()];
		this.position = new GeoPoint[sim.techs.size()];
		for (Tech tech : sim.techs) {
			position[index(tech)] = tech.base;
		}
		if (anySite) {
			for (Request emergency : emergencies) {
				List<double[][]> perTech = new ArrayList<>();
				for (Tech tech : sim.techs) {
					List<Request> trades = sim.requests.stream()
						.filter(r -> tech.skills.contains(r.category()))
						.sorted(Comparator.comparingDouble(Request::at))
						.toList();
					double[][] table = new double[2][trades.size()];
					double nearest = Double.MAX_VALUE;
					for (int i = 0; i < trades.size(); i++) {
						nearest = Math.min(nearest, sim.travelMinutes(trades.get(i).site(), emergency.site()));
						table[0][i] = trades.get(i).at();
						table[1][i] = nearest;
					}
					perTech.add(table);
				}
				prefix.put(emergency.id(), perTech);
			}
		}
		boolean[] reachable = new boolean[emergencies.size()];
		for (int j = 0; j < emergencies.size(); j++) {
			Request request = emergencies.get(j);
			List<Tech> qualified = sim.techs.stream().filter(t -> t.skills.contains(request.category())).toList();
			candidates.add(qualified);
			for (Tech tech : qualified) {
				// optimistic: from base or any earlier emergency's site, free
				double nearest = sim.travelMinutes(tech.base, request.site());
				for (int i = 0; i < j; i++) {
					nearest = Math.min(nearest, sim.travelMinutes(emergencies.get(i).site(), request.site()));
				}
				double departs = nextOnShift(tech, request.at() + sim.overhead);
				if (anySite) {
					nearest = Math.min(nearest, nearestEarlierSite(tech, request, Double.MAX_VALUE));
				}
				reachable[j] |= departs + nearest - request.at() <= limit + 1e-9;
			}
		}
		this.reachableAfter = new int[emergencies.size() + 1];
		for (int j = emergencies.size() - 1; j >= 0; j--) {
			reachableAfter[j] = reachableAfter[j + 1] + (reachable[j] ? 1 : 0);
		}
	}

	/**
	 * The minutes an on-call technician could be up: a policy wakes one only for an
	 * emergency of their trades while they are on call, and they can set off the wake-up
	 * later, until that on-call shift ends. Relaxed: from the first such emergency of
	 * each on-call shift (rounded down to the minute), whoever takes it.
	 */
	private boolean[] woken(Tech tech, int horizon) {
		boolean[] up = new boolean[horizon];
		if (tech.shifts.stream().noneMatch(org.suxiu.dispatch.Shift::onCall)) {
			return up;
		}
		for (Request emergency : emergencies) {
			if (!tech.skills.contains(emergency.category())) {
				continue;
			}
			double ends = sim.onCallEnds(tech, emergency.at());
			if (ends < 0) {
				continue;
			}
			int from = (int) Math.floor(emergency.at() + sim.wakeUpMinutes);
			for (int m = Math.max(0, from); m < Math.min(horizon, Math.ceil(ends)); m++) {
				if (up[m]) {
					break;
				}
				up[m] = true;
			}
		}
		return up;
	}

	Result solve() {
		best = greedy();
		nodes = 0;
		search(0, 0);
		return new Result(best, emergencies.size(), nodes < nodeLimit, nodes);
	}

	/** Nearest free arrival first: the incumbent the search starts from. */
	private int greedy() {
		double[] free = freeAt.clone();
		GeoPoint[] at = position.clone();
		int count = 0;
		for (int j = 0; j < emergencies.size(); j++) {
			Request request = emergencies.get(j);
			Tech chosen = null;
			double earliest = Double.MAX_VALUE;
			for (Tech tech : candidates.get(j)) {
				double arrives = arrival(tech, request, free[index(tech)], at[index(tech)]);
				if (arrives < earliest) {
					earliest = arrives;
					chosen = tech;
				}
			}
			if (chosen != null && earliest - request.at() <= limit + 1e-9) {
				count++;
				free[index(chosen)] = earliest + request.serviceMinutes();
				at[index(chosen)] = request.site();
			}
		}
		return count;
	}

	private void search(int j, int count) {
		if (count > best) {
			best = count;
		}
		if (j == emergencies.size() || nodes >= nodeLimit || count + reachableAfter[j] <= best) {
			return;
		}
		nodes++;
		Request request = emergencies.get(j);
		List<double[]> options = new ArrayList<>();
		for (Tech tech : candidates.get(j)) {
			double arrives = arrival(tech, request, freeAt[index(tech)], position[index(tech)]);
			if (arrives - request.at() <= limit + 1e-9) {
				options.add(new double[] { arrives, index(tech) });
			}
		}
		options.sort(Comparator.comparingDouble(o -> o[0]));
		for (double[] option : options) {
			int t = (int) option[1];
			double savedFree = freeAt[t];
			GeoPoint savedAt = position[t];
			freeAt[t] = option[0] + request.serviceMinutes();
			position[t] = request.site();
			search(j + 1, count + 1);
			freeAt[t] = savedFree;
			position[t] = savedAt;
		}
		search(j + 1, count);
	}

	private double arrival(Tech tech, Request request, double free, GeoPoint from) {
		double departs = nextOnShift(tech, Math.max(request.at() + sim.overhead, free));
		double travel = sim.travelMinutes(from, request.site());
		if (anySite) {
			travel = Math.min(travel, nearestEarlierSite(tech, request, departs));
		}
		return Math.max(departs + travel, request.notBefore());
	}

	/**
	 * The shortest travel to the request from the site of any request of the technician's
	 * trades that came in by {@code departs}.
	 */
	private double nearestEarlierSite(Tech tech, Request request, double departs) {
		double[][] table = prefix.get(request.id()).get(index(tech));
		double[] times = table[0];
		int lo = 0;
		int hi = times.length;
		while (lo < hi) {
			int mid = (lo + hi) >>> 1;
			if (times[mid] <= departs) {
				lo = mid + 1;
			}
			else {
				hi = mid;
			}
		}
		return lo == 0 ? Double.MAX_VALUE : table[1][lo - 1];
	}

	/**
	 * As {@link Simulation#nextOnShift}, from a table by the minute (shift and drop-out
	 * boundaries fall on whole minutes).
	 */
	private double nextOnShift(Tech tech, double now) {
		int[] next = nextOn[index(tech)];
		int minute = (int) Math.floor(now);
		if (minute < 0 || minute >= next.length) {
			return sim.nextOnShift(tech, now);
		}
		if (next[minute] == minute) {
			return now;
		}
		return next[minute] == Integer.MAX_VALUE ? Double.MAX_VALUE : next[minute];
	}

	private int index(Tech tech) {
		return (int) tech.id - 1;
	}

}

package org.suxiu.web;

import java.net.URI;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.suxiu.shared.Actor;
import org.suxiu.shared.Role;

/**
 * Where each role's pages start.
 */
final class Pages {

	private Pages() {
	}

	static String homeOf(Actor actor) {
		return switch (actor.role()) {
			case OWNER -> "/owner";
			case TECHNICIAN -> "/tech";
			case DISPATCHER, SUPERVISOR -> "/dispatch";
			case AGENT -> "/agent";
			case MANAGER -> "/manager";
			case ADMIN -> "/admin";
			case OPERATOR -> "/platform";
		};
	}

	/**
	 * One entry of the header menu.
	 *
	 * @param key message key of its label
	 * @param path where it leads
	 */
	record MenuItem(String key, String path) {
	}

	/** The header menu of each role: its own pages, the most used first. */
	static List<MenuItem> menuOf(Actor actor) {
		return switch (actor.role()) {
			case OWNER -> List.of(new MenuItem("menu.owner.orders", "/owner"),
					new MenuItem("menu.owner.report", "/owner/report"));
			case TECHNICIAN -> List.of(new MenuItem("menu.tech.jobs", "/tech"), new MenuItem("menu.rounds", "/rounds"));
			case DISPATCHER ->
				List.of(new MenuItem("menu.dispatch", "/dispatch"), new MenuItem("menu.dayplan", "/dispatch/day-plan"),
						new MenuItem("menu.grabpool", "/settings/grab-pool"), new MenuItem("menu.wall", "/wall"));
			case SUPERVISOR ->
				List.of(new MenuItem("menu.dispatch", "/dispatch"), new MenuItem("menu.dayplan", "/dispatch/day-plan"),
						new MenuItem("menu.grabpool", "/settings/grab-pool"),
						new MenuItem("menu.whatif", "/manager/what-if"),
						new MenuItem("menu.scorecards", "/manager/scorecards"), new MenuItem("menu.desk", "/desk"),
						new MenuItem("menu.complaints", "/complaints"),
						new MenuItem("menu.incidents", "/dispatch/incidents"), new MenuItem("menu.assets", "/assets"),
						new MenuItem("menu.plans", "/plans"), new MenuItem("menu.rounds", "/rounds"),
						new MenuItem("menu.wall", "/wall"));
			case AGENT -> List.of(new MenuItem("menu.agent", "/agent"), new MenuItem("menu.desk", "/desk"),
					new MenuItem("menu.complaints", "/complaints"));
			case MANAGER ->
				List.of(new MenuItem("menu.manager", "/manager"), new MenuItem("menu.kpis", "/manager/kpis"),
						new MenuItem("menu.wall", "/wall"), new MenuItem("menu.scorecards", "/manager/scorecards"),
						new MenuItem("menu.whatif", "/manager/what-if"),
						new MenuItem("menu.grabpool", "/settings/grab-pool"), new MenuItem("menu.desk", "/desk"),
						new MenuItem("menu.complaints", "/complaints"), new MenuItem("menu.assets", "/assets"),
						new MenuItem("menu.plans", "/plans"), new MenuItem("menu.rounds", "/rounds"));
			case ADMIN -> List.of(new MenuItem("menu.admin", "/admin"), new MenuItem("menu.manager", "/manager"),
					new MenuItem("menu.kpis", "/manager/kpis"), new MenuItem("menu.wall", "/wall"),
					new MenuItem("menu.scorecards", "/manager/scorecards"),
					new MenuItem("menu.whatif", "/manager/what-if"),
					new MenuItem("menu.grabpool", "/settings/grab-pool"), new MenuItem("menu.desk", "/desk"),
					new MenuItem("menu.prices", "/admin/prices"), new MenuItem("menu.complaints", "/complaints"),
					new MenuItem("menu.assets", "/assets"), new MenuItem("menu.plans", "/plans"),
					new MenuItem("menu.rounds", "/rounds"));
			case OPERATOR -> List.of(new MenuItem("menu.platform", "/platform"));
		};
	}

	/** Staff find orders from the header; owners and the platform operator do not. */
	static boolean searches(Actor actor) {
		return actor.role() != Role.OWNER && actor.role() != Role.OPERATOR;
	}

	/** Where this role reads an order, or {@code null} if it has no order page. */
	static String orderPageOf(Actor actor, String number) {
		return switch (actor.role()) {
			case AGENT -> "/agent/orders/" + number;
			case DISPATCHER, SUPERVISOR -> "/dispatch/orders/" + number;
			case TECHNICIAN -> "/tech/jobs/" + number;
			default -> null;
		};
	}

	/** Only redirect back to this site, never to where a forged Referer points. */
	static boolean isLocal(String url, HttpServletRequest request) {
		try {
			URI uri = URI.create(url);
			return uri.getHost() == null || uri.getHost().equals(request.getServerName());
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}

package org.suxiu.incident;

import java.util.List;

import org.suxiu.shared.Actor;

/**
 * The incident module's one way in for the API and the pages. Dispatchers and supervisors
 * link orders; the project's staff read; another company's incident answers as unknown
 * (404).
 */
public interface Incidents {

	/**
	 * Links orders to a lead order: each linked order is closed into the lead (cancelled
	 * with the lead named) and its reporter follows the lead from then on.
	 */
	IncidentView create(Actor actor, NewIncident incident);

	/** Links one more order. */
	IncidentView link(Actor actor, long incidentId, String number);

	List<IncidentView> list(Actor actor, String projectCode);

	IncidentView read(Actor actor, long incidentId);

	/** Groups of open orders that look like one cause, for the dispatcher to confirm. */
	List<ProposedIncident> proposals(Actor actor, String projectCode);

	/**
	 * Sends a notice to every owner of a building (DISPATCHER, SUPERVISOR, MANAGER,
	 * AGENT); answers its id.
	 */
	long notice(Actor actor, String projectCode, String building, String text);

}

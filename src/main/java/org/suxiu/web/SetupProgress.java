package org.suxiu.web;

/**
 * How far a company has come on its first-run path, for the administrator's home page.
 *
 * @param company the company's name
 * @param project whether it has a project
 * @param sites whether a project has buildings or common areas
 * @param staff whether anyone but administrators has an account
 * @param testOrder whether an order was ever taken
 * @param firstProject code of its first project, or {@code null}
 */
public record SetupProgress(String company, boolean project, boolean sites, boolean staff, boolean testOrder,
		String firstProject) {

	public boolean done() {
		return project && sites && staff && testOrder;
	}

}

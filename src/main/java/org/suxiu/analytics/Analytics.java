package org.suxiu.analytics;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Consumer;

import org.suxiu.shared.Actor;

/**
 * The analytics module's one way in, for its API and the pages: KPI tables from the
 * roll-ups, the orders behind any figure, and a recount of every order. Managers and
 * administrators see their company's projects, supervisors the projects they serve;
 * another company's project is unknown (404).
 */
public interface Analytics {

	/**
	 * A project's KPI table from {@code from} to {@code to} (days in the project's zone,
	 * both inclusive; at most five years).
	 */
	KpiReport kpis(Actor actor, String projectCode, LocalDate from, LocalDate to, GroupBy groupBy);

	/**
	 * The technicians' scorecards (考核) of a project's month, with their supervisor's
	 * remarks.
	 */
	Scorecards scorecards(Actor actor, String projectCode, YearMonth month);

	/**
	 * Writes the supervisor's remark on a technician's month (SUPERVISOR or MANAGER of
	 * the project); a later remark replaces it.
	 */
	Scorecards.Card remark(Actor actor, String projectCode, YearMonth month, long technicianId, String text);

	/**
	 * The project's monthly report (月报) as a PDF: the stored one, or generated now and
	 * stored when there is none or {@code regenerate} asks for a fresh one.
	 */
	byte[] monthlyReport(Actor actor, String projectCode, YearMonth month, boolean regenerate);

	/** One page of the orders behind a figure, newest first. */
	OrderPage orders(Actor actor, DrillDown drill, int page, int size);

	/**
	 * Every order behind a figure, newest first, read from the database a batch at a time
	 * (for exports of any size).
	 */
	void forEachOrder(Actor actor, DrillDown drill, Consumer<OrderLine> each);

	/**
	 * Counts every order again from scratch (administrators).
	 * @return how many orders were counted, or -1 when a recount is already running
	 */
	long recount(Actor actor);

	/**
	 * A page of orders behind a figure.
	 *
	 * @param items the orders
	 * @param total how many in all
	 * @param page the page, from 0
	 * @param size its size
	 */
	record OrderPage(List<OrderLine> items, long total, int page, int size) {
	}

}

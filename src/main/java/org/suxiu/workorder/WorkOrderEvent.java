package org.suxiu.workorder;

import java.time.Instant;

/**
 * Something that happened to a work order, published in the transaction that made it
 * happen.
 */
public interface WorkOrderEvent {

	String number();

	long tenantId();

	Instant at();

}

package org.suxiu.workorder;

import org.suxiu.shared.NotFound;

/**
 * No such order, or one the caller may not see.
 */
public class WorkOrderNotFound extends NotFound {

	public WorkOrderNotFound(String number) {
		super("Work order", number);
	}

}

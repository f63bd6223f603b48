package org.suxiu.asset;

/** Whether equipment is working, stopped for a fault or repair, or retired. */
public enum AssetStatus {

	IN_SERVICE, OUT_OF_SERVICE, RETIRED

}

package org.suxiu.inspection;

/** A check item is either passed or failed, or a reading that must lie within limits. */
public enum ItemKind {

	PASS_FAIL, READING

}

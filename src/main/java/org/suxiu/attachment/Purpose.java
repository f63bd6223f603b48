package org.suxiu.attachment;

/**
 * Why a file was attached: the fault as reported, or the technician's photos before and
 * after the repair, or the owner's signature on completion.
 */
public enum Purpose {

	REPORT, BEFORE, AFTER, SIGNATURE

}

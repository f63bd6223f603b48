package org.suxiu.complaint;

/**
 * Where a complaint came from: the owner's app or page, WeChat, the hotline, the front
 * desk, or an unsatisfied follow-up call (opened by the system).
 */
public enum ComplaintChannel {

	APP, WECHAT, HOTLINE, FRONT_DESK, FOLLOW_UP

}

package org.suxiu.complaint;

/**
 * A complaint step as a line of the order's history, in Chinese and English like the
 * order's own lines.
 */
final class ComplaintLines {

	private ComplaintLines() {
	}

	static String of(Complaint c, Complaint.Step step) {
		String id = "#" + c.id;
		String note = step.note() == null ? "" : ": " + step.note();
		return switch (step.action()) {
			case "open" -> "投诉" + id + "已受理 complaint " + id + " opened" + note;
			case "assign" -> "投诉" + id + "转交主管 complaint " + id + " assigned " + step.note();
			case "respond" -> "投诉" + id + "已回复 complaint " + id + " answered" + note;
			case "resolve" -> "投诉" + id + "已处理 complaint " + id + " resolved" + note;
			case "reject" -> "业主不认可投诉" + id + "的处理 the owner does not accept the resolution of complaint " + id + note;
			case "escalate" -> "投诉" + id + "超时升级 complaint " + id + " escalated" + note;
			case "close" -> "投诉" + id + "已关闭 complaint " + id + " closed" + note;
			default -> "投诉" + id + " complaint " + id + note;
		};
	}

}

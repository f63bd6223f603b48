package org.suxiu.live;

/**
 * Who a live event is for: one owner, one staff member, or the staff who watch a project
 * (dispatchers, supervisors, agents and managers serving it).
 *
 * @param kind which of the three
 * @param id the owner id, the staff id or the project id
 * @param tenantId the property company; {@code null} only for an owner, whose homes may
 * lie with several companies
 */
public record Recipient(Kind kind, long id, Long tenantId) {

	public Recipient {
		if (kind == null) {
			throw new IllegalArgumentException("kind is required");
		}
		if (kind != Kind.OWNER && tenantId == null) {
			throw new IllegalArgumentException("tenantId is required for " + kind);
		}
	}

	public static Recipient owner(long ownerId) {
		return new Recipient(Kind.OWNER, ownerId, null);
	}

	public static Recipient staff(long tenantId, long staffId) {
		return new Recipient(Kind.STAFF, staffId, tenantId);
	}

	public static Recipient project(long tenantId, long projectId) {
		return new Recipient(Kind.PROJECT, projectId, tenantId);
	}

	/** The key a database notification carries, and a live connection listens for. */
	String key() {
		return kind == Kind.PROJECT ? "P:" + tenantId + ":" + id : kind.code + ":" + id;
	}

	/** The three kinds of audience. */
	public enum Kind {

		OWNER("O"), STAFF("S"), PROJECT("P");

		final String code;

		Kind(String code) {
			this.code = code;
		}

	}

}

package org.suxiu.charge;

/**
 * Money as people read it: integer fen shown as yuan with two decimals ({@code ¥12.50}).
 */
public final class Fen {

	/** The largest unit price a price list accepts: ¥100,000.00. */
	public static final long MAX_UNIT_PRICE = 10_000_000L;

	private Fen() {
	}

	public static String yuan(long fen) {
		String sign = fen < 0 ? "-" : "";
		long abs = Math.abs(fen);
		return sign + "¥" + (abs / 100) + "." + String.format("%02d", abs % 100);
	}

}

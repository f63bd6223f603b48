package org.suxiu.asset;

/** The columns of the register's CSV, for the API description and the page's hint. */
public final class AssetCsvFormat {

	/** The header line, also the column order. */
	public static final String HEADER = "name,type,place,maker,model,serial,installedOn,registrationCode,contractor,"
			+ "contractEnds,status";

	private AssetCsvFormat() {
	}

}

package org.suxiu.charge;

/**
 * One material in a project's store.
 *
 * @param itemCode the price-list item
 * @param name its name, or the code if the list no longer has it
 * @param unit its unit
 * @param onHand units in the store
 * @param lowAt at or below this the supervisor is told
 */
public record StockLevel(String itemCode, String name, String unit, int onHand, int lowAt) {

	@com.fasterxml.jackson.annotation.JsonProperty
	public boolean low() {
		return onHand <= lowAt;
	}

}

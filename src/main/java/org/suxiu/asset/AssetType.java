package org.suxiu.asset;

import org.suxiu.shared.Category;

/**
 * Kinds of equipment a property company keeps, each with the repair type its faults are
 * filed under.
 */
public enum AssetType {

	LIFT(Category.ELEVATOR), WATER_PUMP(Category.PLUMBING), FIRE_PUMP(Category.FIRE), SPRINKLER(Category.FIRE),
	FIRE_ALARM(Category.FIRE), GENERATOR(Category.ELECTRICAL), TRANSFORMER(Category.ELECTRICAL),
	GATE(Category.PUBLIC_FACILITY), CCTV(Category.PUBLIC_FACILITY), LIGHTING(Category.ELECTRICAL),
	OTHER(Category.PUBLIC_FACILITY);

	private final Category category;

	AssetType(Category category) {
		this.category = category;
	}

	/** The repair type of this equipment's faults. */
	public Category category() {
		return category;
	}

}

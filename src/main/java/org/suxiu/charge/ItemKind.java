package org.suxiu.charge;

/** What a price-list item is: a material (材料) taken from the store, or labour (人工). */
public enum ItemKind {

	MATERIAL, LABOUR

}

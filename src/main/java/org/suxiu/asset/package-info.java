/**
 * Equipment (设备台账) and the devices watching it: the register per project and place with
 * CSV import and export, device keys, and device alarms turned into orders, repeats
 * counted on one order. Its face is the {@link org.suxiu.asset.Assets} facade, its read
 * records and events; storage, the alarm intake and the REST controllers live in
 * {@code internal}. Orders are raised through the {@code WorkOrders} facade, and it
 * answers the order's {@link org.suxiu.workorder.OrderAssets} question.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Assets",
		allowedDependencies = { "property", "shared", "workorder" })
package org.suxiu.asset;

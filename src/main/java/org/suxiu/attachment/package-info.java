/**
 * Photos and videos of work orders (报修照片、完工照片): checked by their content, images
 * re-encoded without their metadata (GPS) and given thumbnails, stored through a
 * {@link org.suxiu.attachment.FileStore}, and shown only to people who may see the order.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Attachments",
		allowedDependencies = { "shared", "workorder" })
package org.suxiu.attachment;

/**
 * The technician's phone as a field tool (外勤): the checklist of a job by its repair type,
 * completion with the owner's signature, and actions the phone took while offline
 * replayed in order with their idempotency keys, each answered as done, done already or
 * refused with the reason (the job was given to someone else meanwhile). It works the
 * order only through the {@code WorkOrders} facade and stores signatures through
 * {@code Attachments}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Field work",
		allowedDependencies = { "attachment", "maintenance", "shared", "workorder" })
package org.suxiu.field;

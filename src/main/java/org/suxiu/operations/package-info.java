/**
 * Operations (运维): what an IT team needs to run SuXiu next to its other systems — the
 * Prometheus endpoint on its own port (each module binds its own {@code suxiu_*} meters
 * from its own tables), the order number in the log context, the public events on Kafka,
 * and backup and restore (also nightly, from its own {@code backup_schedule} row).
 * Nothing depends on it; it reads no other module's tables (a backup copies them all
 * through PostgreSQL's catalog, as {@code pg_dump} would).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Operations")
package org.suxiu.operations;

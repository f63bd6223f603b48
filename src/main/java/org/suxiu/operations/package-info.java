/**
 * Operations (运维): what an IT team needs to run SuXiu next to its other systems — the
 * Prometheus endpoint on its own port and the business meters ({@code suxiu_*}) read from
 * cheap, cached queries. Nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Operations")
package org.suxiu.operations;

package org.suxiu.shared;

/**
 * Whether this instance runs on its own embedded database: only then are demo accounts
 * seeded and development secrets generated.
 *
 * @param embedded {@code true} for the embedded demo run
 */
public record RunMode(boolean embedded) {
}

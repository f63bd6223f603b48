package org.suxiu.property;

import java.time.Instant;

/**
 * A project (小区) as its administrator sets it up: the one read record of master data
 * about a project.
 *
 * @param code public code, unique across the installation
 * @param name display name
 * @param address street address
 * @param city city
 * @param lat latitude of the gate, or {@code null}
 * @param lng longitude of the gate, or {@code null}
 * @param hotline service hotline owners call
 * @param smsSignature the signature in front of the project's SMS, e.g. 【示范物业】
 * @param archived whether it is archived: its orders stay, new ones are refused
 * @param buildings how many buildings it has
 * @param areas how many common areas it has
 * @param homes how many homes it has
 * @param createdAt when it was set up, or {@code null} for projects older than that
 */
public record ProjectDetails(String code, String name, String address, String city, Double lat, Double lng,
		String hotline, String smsSignature, boolean archived, int buildings, int areas, int homes, Instant createdAt) {
}

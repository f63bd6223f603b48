package org.suxiu.maintenance;

import java.util.List;

/**
 * The checklist of a planned order, for the technician's phone.
 *
 * @param planId the plan
 * @param planName its name
 * @param assetId the equipment
 * @param items the check lines
 */
public record Checklist(long planId, String planName, long assetId, List<String> items) {
}

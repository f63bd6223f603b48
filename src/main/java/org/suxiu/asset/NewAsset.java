package org.suxiu.asset;

import java.time.LocalDate;

/**
 * Equipment to register, as sent to {@code POST /api/v1/assets} or read from a CSV row.
 *
 * @param projectCode the project (小区)
 * @param place the common area it stands in, e.g. {@code 1号楼1号电梯} or {@code 水泵房}
 * @param type kind of equipment
 * @param name its name, unique in the project, e.g. {@code 1号楼1号电梯}
 * @param maker manufacturer
 * @param model model
 * @param serial serial number (出厂编号)
 * @param installedOn install date
 * @param registrationCode official registration code (e.g. a lift's 电梯注册代码)
 * @param contractor maintenance contractor (维保单位)
 * @param contractEnds when the maintenance contract ends
 * @param status IN_SERVICE when left out
 */
public record NewAsset(String projectCode, String place, AssetType type, String name, String maker, String model,
		String serial, LocalDate installedOn, String registrationCode, String contractor, LocalDate contractEnds,
		AssetStatus status) {
}

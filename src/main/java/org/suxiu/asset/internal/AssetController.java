package org.suxiu.asset.internal;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.suxiu.asset.AssetCsvFormat;
import org.suxiu.asset.AssetDetails;
import org.suxiu.asset.AssetStatus;
import org.suxiu.asset.AssetType;
import org.suxiu.asset.AssetView;
import org.suxiu.asset.Assets;
import org.suxiu.asset.IssuedDevice;
import org.suxiu.asset.NewAsset;
import org.suxiu.shared.Actor;
import org.suxiu.shared.SuxiuProperties;

/** The equipment register, devices and device alarms over the API. */
@RestController
@Tag(name = "Assets 设备台账")
class AssetController {

	private final Assets assets;

	private final AlarmIntake alarms;

	private final String labelBase;

	AssetController(Assets assets, AlarmIntake alarms, SuxiuProperties suxiu) {
		this.assets = assets;
		this.alarms = alarms;
		this.labelBase = suxiu.siteUrl();
	}

	@GetMapping(path = "/api/v1/assets/{id}/label.png", produces = MediaType.IMAGE_PNG_VALUE)
	@Operation(summary = "The asset's QR label 设备二维码标签 (PNG; the link names the asset, no secret)")
	ResponseEntity<byte[]> label(Actor actor, @PathVariable long id) {
		AssetView asset = assets.visible(actor, id);
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_PNG)
			.body(org.suxiu.shared.QrLabels.png(labelBase + "/a/" + asset.id(), asset.name(), "SuXiu #" + asset.id()));
	}

	@PostMapping(path = "/api/v1/assets", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Register equipment 登记设备 (ADMIN, MANAGER, SUPERVISOR)",
			description = "place is a common area of the project; the name is unique in the project (409 if taken)")
	ResponseEntity<AssetView> register(Actor actor, @RequestBody NewAsset asset) {
		AssetView registered = assets.register(actor, asset);
		return ResponseEntity.created(URI.create("/api/v1/assets/" + registered.id())).body(registered);
	}

	@GetMapping("/api/v1/assets")
	@Operation(summary = "A project's register 设备台账 (its staff)")
	Items<AssetView> list(Actor actor, @RequestParam String projectCode,
			@RequestParam(required = false) AssetType type) {
		return new Items<>(assets.list(actor, projectCode, type));
	}

	@GetMapping("/api/v1/assets/{id}")
	@Operation(summary = "One asset with its orders, downtime, devices and alarms 设备详情")
	AssetDetails details(Actor actor, @PathVariable long id) {
		return assets.details(actor, id);
	}

	@PatchMapping(path = "/api/v1/assets/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Change the status 停用/启用 (ADMIN, MANAGER, SUPERVISOR; a stale version answers 409)")
	AssetView change(Actor actor, @PathVariable long id, @RequestBody StatusChange change) {
		return assets.changeStatus(actor, id, change.status(), change.version());
	}

	@GetMapping(path = "/api/v1/projects/{code}/assets.csv", produces = "text/csv;charset=UTF-8")
	@Operation(summary = "The register as CSV 导出设备台账 (header " + AssetCsvFormat.HEADER + ")")
	ResponseEntity<String> exportCsv(Actor actor, @PathVariable String code) {
		return ResponseEntity.ok()
			.header("Content-Disposition", "attachment; filename=\"assets-" + code + ".csv\"")
			.body(assets.csv(actor, code));
	}

	@PutMapping(path = "/api/v1/projects/{code}/assets", consumes = "text/csv")
	@Operation(summary = "Import the register from CSV 导入设备台账 (added or updated by name; all rows or none)",
			description = "Any bad row refuses the file: 400 import-rejected with errors [{row, field, message}]")
	Assets.ImportResult importCsv(Actor actor, @PathVariable String code, @RequestBody String csv) {
		return assets.importCsv(actor, code, csv);
	}

	@PostMapping(path = "/api/v1/devices", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Register a device on an asset 登记传感器 (ADMIN, MANAGER); the key is shown this once")
	ResponseEntity<IssuedDevice> registerDevice(Actor actor, @RequestBody NewDevice device) {
		IssuedDevice issued = assets.registerDevice(actor, device.assetId() == null ? 0 : device.assetId(),
				device.name());
		return ResponseEntity.status(HttpStatus.CREATED).body(issued);
	}

	@PostMapping(path = "/api/v1/devices/{deviceId}/alarms", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "A device's alarm 设备报警 (X-Device-Key; no bearer token)",
			description = "Body {type, severity, value, at, state: RAISED|CLEARED}. A gateway that signs adds "
					+ "X-Device-Timestamp (epoch seconds) and X-Device-Signature (hex HMAC-SHA256 under the key of "
					+ "timestamp + '.' + body); a timestamp over 5 minutes off or a signature seen before is "
					+ "refused. Unknown device, wrong key or bad signature: 401. A repeat of an open alarm is "
					+ "counted on its order, never a new one.")
	ResponseEntity<AlarmReceipt> alarm(@PathVariable String deviceId,
			@RequestHeader(name = "X-Device-Key", required = false) String key,
			@RequestHeader(name = "X-Device-Timestamp", required = false) String timestamp,
			@RequestHeader(name = "X-Device-Signature", required = false) String signature, @RequestBody byte[] body) {
		return ResponseEntity.accepted().body(alarms.receive(deviceId, key, timestamp, signature, body));
	}

	/** A list answer. */
	record Items<T>(List<T> items) {
	}

	/** A status change with the version read. */
	record StatusChange(AssetStatus status, Integer version) {
	}

	/** A device to register. */
	record NewDevice(Long assetId, String name) {
	}

}

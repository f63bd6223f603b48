package org.suxiu.dispatch;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.suxiu.shared.Actor;
import org.suxiu.shared.Forbidden;
import org.suxiu.shared.InvalidInput;
import org.suxiu.shared.Role;

/**
 * Staff and technicians (with skills and shifts) from one Excel or CSV file, for a
 * company's administrator.
 */
@RestController
@Tag(name = "Master data 基础数据")
class StaffImportController {

	private final StaffImport staffImport;

	StaffImportController(StaffImport staffImport) {
		this.staffImport = staffImport;
	}

	@PostMapping(path = "/api/v1/staff/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Import staff and technicians with skills and shifts (ADMIN)",
			description = "Multipart part 'file' (.xlsx or UTF-8 CSV, at most 5 MB), the columns of "
					+ "/api/v1/staff/template.xlsx. Any bad row refuses the whole file: 400 import-rejected with "
					+ "errors [{row, field, message}]. → {staff, technicians, errors: []}")
	StaffImport.Result importStaff(Actor actor, @RequestPart("file") MultipartFile file) {
		if (file.isEmpty()) {
			throw new InvalidInput("file", "the file is empty 文件为空");
		}
		try {
			return staffImport.importFile(actor, file.getOriginalFilename(), file.getInputStream());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@GetMapping("/api/v1/staff/template.xlsx")
	@Operation(summary = "The Excel template for the staff import (ADMIN)")
	ResponseEntity<byte[]> template(Actor actor) {
		if (!actor.is(Role.ADMIN)) {
			throw new Forbidden("Only administrators import staff");
		}
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("staff.xlsx").build().toString())
			.body(staffImport.template());
	}

}

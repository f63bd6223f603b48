package org.suxiu.workorder;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Who reported the fault (报修人).
 *
 * @param name how they want to be addressed
 * @param phone a mainland mobile or landline number
 */
public record Reporter(@NotBlank @Size(max = 50) String name,
		@NotBlank @Pattern(regexp = "1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}(-\\d{1,6})?",
				message = "must be a mainland mobile (11 digits) or landline number") String phone) {
}

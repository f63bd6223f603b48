package org.suxiu.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.OffsetDateTime;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A date-time between the years 1900 and 2199: anything outside is a typing slip or a
 * probe, and years such as +999999999 overflow PostgreSQL's timestamps and Java's
 * arithmetic on them.
 */
@Documented
@Constraint(validatedBy = PlausibleTime.Check.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface PlausibleTime {

	int FIRST_YEAR = 1900;

	int LAST_YEAR = 2199;

	String message() default "must lie between the years 1900 and 2199";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** The check itself; {@code null} passes (use {@code @NotNull} for that). */
	class Check implements ConstraintValidator<PlausibleTime, OffsetDateTime> {

		@Override
		public boolean isValid(OffsetDateTime value, ConstraintValidatorContext context) {
			return value == null || isPlausible(value);
		}

		public static boolean isPlausible(OffsetDateTime value) {
			int year = value.getYear();
			return year >= FIRST_YEAR && year <= LAST_YEAR;
		}

	}

}

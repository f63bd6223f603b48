package org.suxiu.inspection;

/**
 * A photo sent with a check-in, as it came from the phone.
 *
 * @param originalName the file's name, for people only
 * @param bytes its content; checked by content, not by name
 */
public record CheckinPhoto(String originalName, byte[] bytes) {
}

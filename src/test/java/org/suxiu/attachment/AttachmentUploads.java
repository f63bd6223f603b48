package org.suxiu.attachment;

import tools.jackson.databind.json.JsonMapper;

/**
 * Attaches a photo through the API, for tests in other packages.
 */
public final class AttachmentUploads {

	private final Multipart multipart;

	private final JsonMapper json;

	public AttachmentUploads(int port, JsonMapper json) {
		this.multipart = new Multipart(port);
		this.json = json;
	}

	/** The id of the photo attached to {@code number}'s report. */
	public String photo(String token, String number, byte[] jpeg) {
		var answer = multipart.upload(token, "/api/v1/work-orders/" + number + "/attachments",
				new Multipart.Part("photo.jpg", "image/jpeg", jpeg));
		if (answer.statusCode() != 201) {
			throw new IllegalStateException("upload: " + answer.statusCode() + " " + answer.body());
		}
		return json.readTree(answer.body()).get(0).get("id").asString();
	}

}

package org.suxiu.triage.model;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * The shipped exemplars' vectors, computed once at build time so that start-up does not
 * run the model over every exemplar: per exemplar the first 8 bytes of the SHA-256 of its
 * prepared text, a scale and one signed byte per component. A text whose hash is missing
 * is embedded at start-up instead, so an edited exemplar file still works.
 */
public final class VectorFile {

	private static final int MAGIC = 0x53585631; // "SXV1"

	private VectorFile() {
	}

	public static String hash(String preparedText) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(preparedText.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static Map<String, float[]> read(InputStream in) throws IOException {
		DataInputStream data = new DataInputStream(in);
		if (data.readInt() != MAGIC) {
			throw new IOException("not a SuXiu vector file");
		}
		int count = data.readInt();
		int dimensions = data.readInt();
		Map<String, float[]> vectors = new HashMap<>(count * 2);
		byte[] key = new byte[8];
		byte[] quantised = new byte[dimensions];
		for (int i = 0; i < count; i++) {
			data.readFully(key);
			float scale = data.readFloat();
			data.readFully(quantised);
			float[] vector = new float[dimensions];
			double norm = 0;
			for (int d = 0; d < dimensions; d++) {
				vector[d] = quantised[d] * scale;
				norm += vector[d] * vector[d];
			}
			float unit = (float) (1 / Math.sqrt(norm == 0 ? 1 : norm));
			for (int d = 0; d < dimensions; d++) {
				vector[d] *= unit;
			}
			vectors.put(HexFormat.of().formatHex(key), vector);
		}
		return vectors;
	}

	public static void write(Map<String, float[]> vectors, int dimensions, OutputStream out) throws IOException {
		DataOutputStream data = new DataOutputStream(out);
		data.writeInt(MAGIC);
		data.writeInt(vectors.size());
		data.writeInt(dimensions);
		for (Map.Entry<String, float[]> entry : new java.util.TreeMap<>(vectors).entrySet()) {
			data.write(HexFormat.of().parseHex(entry.getKey()));
			float max = 0;
			for (float v : entry.getValue()) {
				max = Math.max(max, Math.abs(v));
			}
			float scale = max == 0 ? 1 : max / 127f;
			data.writeFloat(scale);
			for (float v : entry.getValue()) {
				data.writeByte(Math.round(v / scale));
			}
		}
		data.flush();
	}

}

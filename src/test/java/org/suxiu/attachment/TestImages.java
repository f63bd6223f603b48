package org.suxiu.attachment;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

/**
 * Photos for tests, made here: a phone photo carries EXIF with its GPS position and its
 * orientation, which is what the upload must strip.
 */
public final class TestImages {

	private TestImages() {
	}

	/** A plain JPEG, {@code width} × {@code height}, left half red, right half blue. */
	public static byte[] jpeg(int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(Color.RED);
		g.fillRect(0, 0, width / 2, height);
		g.setColor(Color.BLUE);
		g.fillRect(width / 2, 0, width - width / 2, height);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "jpeg", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/**
	 * A JPEG with an EXIF block holding {@code orientation} and a GPS latitude of
	 * 31°14'N, as a phone camera writes it.
	 */
	public static byte[] phonePhoto(int width, int height, int orientation) {
		byte[] plain = jpeg(width, height);
		byte[] tiff = exif(orientation);
		byte[] header = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
		int length = 2 + header.length + tiff.length;
		ByteBuffer out = ByteBuffer.allocate(plain.length + 2 + length).order(ByteOrder.BIG_ENDIAN);
		out.put((byte) 0xFF).put((byte) 0xD8);
		out.put((byte) 0xFF).put((byte) 0xE1).putShort((short) length).put(header).put(tiff);
		out.put(plain, 2, plain.length - 2);
		return out.array();
	}

	/** A little-endian TIFF: IFD0 (Orientation, GPS pointer), then the GPS IFD. */
	private static byte[] exif(int orientation) {
		ByteBuffer b = ByteBuffer.allocate(128).order(ByteOrder.LITTLE_ENDIAN);
		b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
		// IFD0 at 8: two entries
		b.putShort((short) 2);
		b.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
		int gpsIfd = 8 + 2 + 2 * 12 + 4;
		b.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(gpsIfd);
		b.putInt(0);
		// GPS IFD: latitude ref "N", latitude 31/1 14/1 0/1
		b.putShort((short) 2);
		b.putShort((short) 0x0001).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0).putShort((short) 0);
		int rationals = gpsIfd + 2 + 2 * 12 + 4;
		b.putShort((short) 0x0002).putShort((short) 5).putInt(3).putInt(rationals);
		b.putInt(0);
		b.putInt(31).putInt(1).putInt(14).putInt(1).putInt(0).putInt(1);
		byte[] tiff = new byte[b.position()];
		b.flip();
		b.get(tiff);
		return tiff;
	}

	/** The start of a Linux executable, as a renamed program would begin. */
	public static byte[] executable() {
		byte[] elf = new byte[4096];
		elf[0] = 0x7F;
		elf[1] = 'E';
		elf[2] = 'L';
		elf[3] = 'F';
		return elf;
	}

}

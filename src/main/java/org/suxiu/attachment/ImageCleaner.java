package org.suxiu.attachment;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.exif.ExifIFD0Directory;

/**
 * Decodes a photo and writes it anew: what comes out holds only pixels, so EXIF (the GPS
 * position, the phone's serial) stays behind. The EXIF orientation is applied first, so a
 * phone photo stays upright without it.
 */
final class ImageCleaner {

	/** Guards against decompression bombs: a small file that decodes to gigabytes. */
	static final long MAX_PIXELS = 48_000_000L;

	static final int THUMBNAIL_SIZE = 320;

	private ImageCleaner() {
	}

	record Cleaned(byte[] content, byte[] thumbnail, int width, int height) {
	}

	static Cleaned clean(byte[] bytes, String mediaType) {
		BufferedImage image = upright(decode(bytes), orientation(bytes));
		boolean png = mediaType.equals("image/png");
		byte[] content = png ? png(image) : jpeg(opaque(image), 0.88f);
		byte[] thumbnail = jpeg(opaque(scaled(image, THUMBNAIL_SIZE)), 0.8f);
		return new Cleaned(content, thumbnail, image.getWidth(), image.getHeight());
	}

	private static BufferedImage decode(byte[] bytes) {
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
			if (!readers.hasNext()) {
				throw new UnsupportedMedia("The photo cannot be read");
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				if ((long) reader.getWidth(0) * reader.getHeight(0) > MAX_PIXELS) {
					throw new FileTooLarge("The photo has more than 48 megapixels");
				}
				return reader.read(0);
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof FileTooLarge || ex instanceof UnsupportedMedia) {
				throw (RuntimeException) ex;
			}
			throw new UnsupportedMedia("The photo cannot be read: it is damaged or in a format we do not take");
		}
	}

	private static int orientation(byte[] bytes) {
		try {
			ExifIFD0Directory exif = ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes))
				.getFirstDirectoryOfType(ExifIFD0Directory.class);
			return exif != null && exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)
					? exif.getInt(ExifIFD0Directory.TAG_ORIENTATION) : 1;
		}
		catch (Exception ex) {
			// unreadable metadata: the pixels are still a photo, shown as stored
			return 1;
		}
	}

	/** Applies EXIF orientation 1..8 (rotations and mirrorings). */
	static BufferedImage upright(BufferedImage image, int orientation) {
		if (orientation < 2 || orientation > 8) {
			return image;
		}
		int w = image.getWidth();
		int h = image.getHeight();
		boolean swap = orientation >= 5;
		AffineTransform t = new AffineTransform();
		switch (orientation) {
			case 2 -> t.setTransform(-1, 0, 0, 1, w, 0);
			case 3 -> t.setTransform(-1, 0, 0, -1, w, h);
			case 4 -> t.setTransform(1, 0, 0, -1, 0, h);
			case 5 -> t.setTransform(0, 1, 1, 0, 0, 0);
			case 6 -> t.setTransform(0, 1, -1, 0, h, 0);
			case 7 -> t.setTransform(0, -1, -1, 0, h, w);
			default -> t.setTransform(0, -1, 1, 0, 0, w);
		}
		BufferedImage turned = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_ARGB);
		Graphics2D g = turned.createGraphics();
		g.drawImage(image, t, null);
		g.dispose();
		return turned;
	}

	private static BufferedImage scaled(BufferedImage image, int longest) {
		double factor = Math.min(1.0, (double) longest / Math.max(image.getWidth(), image.getHeight()));
		int w = Math.max(1, (int) Math.round(image.getWidth() * factor));
		int h = Math.max(1, (int) Math.round(image.getHeight() * factor));
		BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
		Graphics2D g = small.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
		g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
		g.drawImage(image, 0, 0, w, h, null);
		g.dispose();
		return small;
	}

	/** JPEG has no transparency: transparent parts become white. */
	private static BufferedImage opaque(BufferedImage image) {
		BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
		Graphics2D g = rgb.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, image.getWidth(), image.getHeight());
		g.drawImage(image, 0, 0, null);
		g.dispose();
		return rgb;
	}

	private static byte[] jpeg(BufferedImage image, float quality) {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
			writer.setOutput(stream);
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(quality);
			writer.write(null, new IIOImage(image, null, null), param);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot encode JPEG", ex);
		}
		finally {
			writer.dispose();
		}
		return out.toByteArray();
	}

	private static byte[] png(BufferedImage image) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot encode PNG", ex);
		}
		return out.toByteArray();
	}

}

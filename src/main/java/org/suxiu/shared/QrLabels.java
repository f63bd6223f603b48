package org.suxiu.shared;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * A printable label: a QR code of a link with a caption under it, as PNG. The link names
 * a thing by its id and carries no secret; whoever scans it signs in as usual.
 */
public final class QrLabels {

	private static final int QR = 280;

	private static final int WIDTH = 320;

	private static final int HEIGHT = 350;

	private QrLabels() {
	}

	/**
	 * The label as PNG; the caption falls back to {@code fallback} where no font has its
	 * letters.
	 */
	public static byte[] png(String link, String caption, String fallback) {
		BitMatrix matrix;
		try {
			matrix = new QRCodeWriter().encode(link, BarcodeFormat.QR_CODE, QR, QR, Map.of(EncodeHintType.MARGIN, 1,
					EncodeHintType.CHARACTER_SET, "UTF-8", EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
		}
		catch (WriterException ex) {
			throw new IllegalArgumentException("cannot encode " + link, ex);
		}
		BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, WIDTH, HEIGHT);
			g.setColor(Color.BLACK);
			int left = (WIDTH - QR) / 2;
			for (int y = 0; y < matrix.getHeight(); y++) {
				for (int x = 0; x < matrix.getWidth(); x++) {
					if (matrix.get(x, y)) {
						g.fillRect(left + x, 10 + y, 1, 1);
					}
				}
			}
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			Font font = new Font(Font.SANS_SERIF, Font.BOLD, 20);
			String text = caption != null && font.canDisplayUpTo(caption) == -1 ? caption : fallback;
			g.setFont(font);
			FontMetrics metrics = g.getFontMetrics();
			while (metrics.stringWidth(text) > WIDTH - 10 && text.length() > 4) {
				text = text.substring(0, text.length() - 2) + "…";
			}
			g.drawString(text, (WIDTH - metrics.stringWidth(text)) / 2, HEIGHT - 18);
		}
		finally {
			g.dispose();
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}

package org.suxiu.analytics.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Makes text copied out of a report read as it was written. Noto Sans SC draws an
 * ideograph and its Kangxi radical look-alike (月 U+6708, ⽉ U+2F49) with one glyph; when
 * PDFBox embeds the subset it writes the glyph's {@code ToUnicode} entry with the lower
 * code point, the radical, so a copied "月报" pastes as "⽉报" and a search for 月 fails. This
 * rewrites each embedded font's {@code ToUnicode} map so that a radical (CJK Radicals
 * Supplement and Kangxi Radicals, U+2E80–U+2FDF, which a report never writes) maps to its
 * ideograph (NFKC), and leaves the drawing alone.
 */
final class PlainToUnicode {

	/** A bfchar line {@code <src> <dst>} or a bfrange line {@code <lo> <hi> <dst>}. */
	private static final Pattern ENTRY = Pattern
		.compile("(?m)^(\\s*<[0-9A-Fa-f]+>\\s*)(<[0-9A-Fa-f]+>\\s*)?<([0-9A-Fa-f]+)>(\\s*)$");

	private PlainToUnicode() {
	}

	/**
	 * The report with its fonts' {@code ToUnicode} maps folded; unchanged if none needed
	 * it.
	 */
	static byte[] apply(byte[] pdf) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			boolean changed = false;
			Set<COSBase> seen = new HashSet<>();
			for (PDPage page : document.getPages()) {
				PDResources resources = page.getResources();
				for (COSName name : resources.getFontNames()) {
					PDFont font = resources.getFont(name);
					if (font == null || !seen.add(font.getCOSObject())) {
						continue;
					}
					if (font.getCOSObject().getDictionaryObject(COSName.TO_UNICODE) instanceof COSStream map) {
						changed |= rewrite(map);
					}
				}
			}
			if (!changed) {
				return pdf;
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 1024);
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean rewrite(COSStream map) throws IOException {
		String cmap;
		try (InputStream in = map.createInputStream()) {
			cmap = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
		}
		String folded = fold(cmap);
		if (folded.equals(cmap)) {
			return false;
		}
		try (OutputStream out = map.createOutputStream(COSName.FLATE_DECODE)) {
			out.write(folded.getBytes(StandardCharsets.ISO_8859_1));
		}
		return true;
	}

	/**
	 * A {@code ToUnicode} CMap with every radical destination folded to its ideograph; a
	 * range whose destinations cross a radical is written out code by code (an array).
	 */
	static String fold(String cmap) {
		Matcher m = ENTRY.matcher(cmap);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			String destination = m.group(3);
			String replacement;
			if (m.group(2) == null) {
				replacement = m.group(1) + "<" + foldUnits(destination) + ">" + m.group(4);
			}
			else {
				replacement = range(m.group(1), m.group(2), destination) + m.group(4);
			}
			m.appendReplacement(out, Matcher.quoteReplacement(replacement));
		}
		m.appendTail(out);
		return out.toString();
	}

	private static String range(String low, String high, String destination) {
		int from = Integer.parseInt(low.trim().replaceAll("[<>]", ""), 16);
		int to = Integer.parseInt(high.trim().replaceAll("[<>]", ""), 16);
		if (destination.length() != 4 || to < from) {
			return low + high + "<" + foldUnits(destination) + ">";
		}
		int first = Integer.parseInt(destination, 16);
		boolean crosses = false;
		for (int unit = first; unit <= first + (to - from); unit++) {
			crosses |= isRadical(unit);
		}
		if (!crosses) {
			return low + high + "<" + destination + ">";
		}
		List<String> each = new ArrayList<>();
		for (int unit = first; unit <= first + (to - from); unit++) {
			each.add("<" + hex(fold(unit)) + ">");
		}
		return low + high + "[" + String.join(" ", each) + "]";
	}

	/** Folds each UTF-16 unit of a destination (4 hex digits each) that is a radical. */
	private static String foldUnits(String destination) {
		if (destination.length() % 4 != 0) {
			return destination;
		}
		StringBuilder folded = new StringBuilder();
		for (int i = 0; i < destination.length(); i += 4) {
			folded.append(hex(fold(Integer.parseInt(destination.substring(i, i + 4), 16))));
		}
		return folded.toString();
	}

	private static int fold(int unit) {
		if (!isRadical(unit)) {
			return unit;
		}
		String ideograph = Normalizer.normalize(String.valueOf((char) unit), Normalizer.Form.NFKC);
		// a radical with no ideograph of its own (a few in the supplement) stays
		return ideograph.length() == 1 ? ideograph.charAt(0) : unit;
	}

	private static boolean isRadical(int unit) {
		return unit >= 0x2E80 && unit <= 0x2FDF;
	}

	private static String hex(int unit) {
		return String.format("%04X", unit);
	}

}

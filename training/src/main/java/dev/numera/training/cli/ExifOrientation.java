package dev.numera.training.cli;

import org.w3c.dom.Node;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.plugins.tiff.BaselineTIFFTagSet;
import javax.imageio.plugins.tiff.TIFFDirectory;
import javax.imageio.plugins.tiff.TIFFField;
import javax.imageio.plugins.tiff.TIFFTag;
import javax.imageio.stream.ImageInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A photo's EXIF Orientation, applied as a browser applies it. A phone held upright stores its
 * picture sideways and says so in the tag (6: turn it 90° clockwise to show it); browsers show it
 * turned ({@code image-orientation: from-image} is the default), ImageIO gives the stored pixels.
 * Without this, the digit a user sees upright was read lying on its side.
 *
 * <p>The tag is TIFF's (274, in IFD0; EXIF took it from TIFF 6.0): in a JPEG's first APP1 segment
 * ("Exif\0\0", then a TIFF block), found by walking the file's segments as a browser does (the JDK's
 * metadata refuses a JPEG whose Exif comes before its JFIF segment, which phones and browsers take);
 * from the JDK's own metadata, a PNG's eXIf chunk (the TIFF block alone), which Chromium honours too,
 * or a TIFF file's own IFD0, where a scanner or camera saving TIFF puts it. Only IFD0 is looked at, as browsers do; anything malformed or cut short, or a metadata ImageIO
 * cannot parse, is orientation 1 (as stored), never an error: the pixels were decoded, and they are
 * still read.
 */
final class ExifOrientation {
    private ExifOrientation() {
    }

    private static final int ORIENTATION = 0x0112;
    private static final int SHORT = 3;

    /**
     * The Orientation (1..8) of a JPEG, PNG or TIFF file, 1 without one. A second reader, metadata not
     * ignored, as a PNG's unknown chunks (eXIf among them) are only kept then; predict's decode keeps
     * ignoring it, since a PNG's metadata is then parsed to IEND and a malformed text chunk or a
     * missing IEND, which browsers and the decode let pass, would fail the whole image.
     */
    static int read(Path p) {
        try (java.io.DataInputStream d = new java.io.DataInputStream(new java.io.BufferedInputStream(java.nio.file.Files.newInputStream(p)))) {
            if (d.readUnsignedShort() == SOI) {
                return jpeg(d);
            }
        } catch (IOException | RuntimeException e) {
            return 1;   // cut short in its segments (EOF), unreadable: as stored
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(p.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return 1;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, false);
                IIOMetadata metadata = reader.getImageMetadata(0);
                return metadata == null ? 1 : of(metadata);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return 1;
        }
    }

    private static final int SOI = 0xFFD8, SOS = 0xDA, EOI = 0xD9, APP1_MARKER = 0xE1;

    /**
     * The Orientation in a JPEG's first Exif APP1 segment, read after SOI: each segment is FF, its
     * marker, a 2-byte length counting itself, its bytes; standalone markers (TEM, RST0-7) have no
     * length, and FF bytes before a marker are fill. The walk ends at the image data (SOS), at EOI, at
     * anything that is not a marker, or after 256 segments: 1 then.
     */
    static int jpeg(java.io.DataInputStream d) throws IOException {
        for (int segment = 0; segment < 256; segment++) {
            if (d.readUnsignedByte() != 0xFF) {
                return 1;
            }
            int marker = d.readUnsignedByte();
            while (marker == 0xFF) {
                marker = d.readUnsignedByte();
            }
            if (marker == SOS || marker == EOI) {
                return 1;
            }
            if (marker == 0x01 || marker >= 0xD0 && marker <= 0xD7) {
                continue;
            }
            int length = d.readUnsignedShort() - 2;
            if (length < 0) {
                return 1;
            }
            byte[] body = d.readNBytes(length);
            if (body.length < length) {
                return 1;
            }
            if (marker == APP1_MARKER && startsWithExif(body)) {
                return orientation(body, 6);
            }
        }
        return 1;
    }

    /**
     * From a PNG's native metadata tree (its eXIf chunk), or a TIFF's first image directory (the one
     * predict decodes). (A JPEG's segments are walked by {@link #jpeg}.)
     */
    static int of(IIOMetadata metadata) throws IIOInvalidTreeException {
        String format = metadata.getNativeMetadataFormatName();
        if ("javax_imageio_png_1.0".equals(format)) {
            for (Node n : children(metadata.getAsTree(format), "UnknownChunks", "UnknownChunk")) {
                byte[] exif = bytes(n);
                if (exif != null && attr(n, "type").equals("eXIf")) {
                    return orientation(exif, 0);
                }
            }
        } else if ("javax_imageio_tiff_image_1.0".equals(format)) {
            // the JDK's plugin has parsed IFD0 already: its public TIFFDirectory gives the field typed and
            // counted, where the native tree would be walked and its value attributes parsed as strings.
            // The plugin drops an Orientation of another type than SHORT and refuses (IIOException, so 1)
            // an IFD whose Orientation has other than one value; checked again here all the same
            TIFFField f = TIFFDirectory.createFromMetadata(metadata).getTIFFField(BaselineTIFFTagSet.TAG_ORIENTATION);
            int value = f != null && f.getType() == TIFFTag.TIFF_SHORT && f.getCount() == 1 ? f.getAsInt(0) : 1;
            return value >= 1 && value <= 8 ? value : 1;
        }
        return 1;
    }

    private static boolean startsWithExif(byte[] b) {
        return b.length >= 6 && b[0] == 'E' && b[1] == 'x' && b[2] == 'i' && b[3] == 'f' && b[4] == 0 && b[5] == 0;
    }

    /**
     * The Orientation tag of the TIFF block at {@code tiff} in {@code b}, 1 when absent or malformed.
     * The block: "II" (little-endian) or "MM", 42, the offset of IFD0 from the block's start; IFD0 a
     * count, then that many 12-byte entries (tag, type, count, value: a SHORT sits in the first two
     * bytes of the value). Every offset is checked against the bytes there are; nothing is followed
     * but the one offset, so no input can loop.
     */
    static int orientation(byte[] b, int tiff) {
        int len = b.length - tiff;
        if (tiff < 0 || len < 8) {
            return 1;
        }
        boolean little;
        if (b[tiff] == 'I' && b[tiff + 1] == 'I') {
            little = true;
        } else if (b[tiff] == 'M' && b[tiff + 1] == 'M') {
            little = false;
        } else {
            return 1;
        }
        if (u16(b, tiff + 2, little) != 42) {
            return 1;
        }
        long ifd = u32(b, tiff + 4, little);
        if (ifd < 8 || ifd > len - 2) {
            return 1;
        }
        int at = tiff + (int) ifd;
        int count = u16(b, at, little);
        for (int i = 0, e = at + 2; i < count && e + 12 <= b.length; i++, e += 12) {
            if (u16(b, e, little) == ORIENTATION) {
                int value = u16(b, e + 8, little);
                return u16(b, e + 2, little) == SHORT && u32(b, e + 4, little) == 1 && value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    /**
     * The picture as shown under orientation {@code o} (1 or anything else outside 2..8: as stored).
     * 5..8 swap width and height. Shown pixel (x, y) is stored pixel (sx, sy): transposed first for
     * 5..8 (sx = y, sy = x), then mirrored left-right for 2, 3, 7, 8 and top-bottom for 3, 4, 6, 7.
     */
    static PredictCommand.Picture apply(PredictCommand.Picture pic, int o) {
        if (o < 2 || o > 8) {
            return pic;
        }
        int w = pic.width(), h = pic.height();
        boolean transpose = o >= 5;
        boolean mirrorX = o == 2 || o == 3 || o == 7 || o == 8;
        boolean mirrorY = o == 3 || o == 4 || o == 6 || o == 7;
        int dw = transpose ? h : w, dh = transpose ? w : h;
        byte[] src = pic.rgba();
        byte[] out = new byte[src.length];
        for (int y = 0, o4 = 0; y < dh; y++) {
            for (int x = 0; x < dw; x++, o4 += 4) {
                int sx = transpose ? y : x, sy = transpose ? x : y;
                int s = 4 * ((mirrorY ? h - 1 - sy : sy) * w + (mirrorX ? w - 1 - sx : sx));
                out[o4] = src[s];
                out[o4 + 1] = src[s + 1];
                out[o4 + 2] = src[s + 2];
                out[o4 + 3] = src[s + 3];
            }
        }
        return new PredictCommand.Picture(out, dw, dh);
    }

    private static List<Node> children(Node root, String parent, String child) {
        List<Node> out = new ArrayList<>();
        for (Node p = root.getFirstChild(); p != null; p = p.getNextSibling()) {
            if (p.getNodeName().equals(parent)) {
                for (Node c = p.getFirstChild(); c != null; c = c.getNextSibling()) {
                    if (c.getNodeName().equals(child)) {
                        out.add(c);
                    }
                }
            }
        }
        return out;
    }

    private static byte[] bytes(Node n) {
        return n instanceof IIOMetadataNode m && m.getUserObject() instanceof byte[] b ? b : null;
    }

    private static String attr(Node n, String name) {
        Node a = n.getAttributes() == null ? null : n.getAttributes().getNamedItem(name);
        return a == null || a.getNodeValue() == null ? "" : a.getNodeValue();
    }

    private static int u16(byte[] b, int i, boolean little) {
        return little ? (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 : (b[i] & 0xFF) << 8 | (b[i + 1] & 0xFF);
    }

    private static long u32(byte[] b, int i, boolean little) {
        return little ? (u16(b, i, true) | (long) u16(b, i + 2, true) << 16) : ((long) u16(b, i, false) << 16 | u16(b, i + 2, false));
    }
}

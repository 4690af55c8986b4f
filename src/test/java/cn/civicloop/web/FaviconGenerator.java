package cn.civicloop.web;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Arc2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

/**
 * Writes {@code src/main/resources/static/favicon.ico} (16, 32 and 48 px, PNG-compressed entries) from the same
 * drawing as {@code static/img/favicon.svg}: a white loop with an arrowhead (闭环) on the accent red. Run after
 * changing the drawing:
 * <pre>mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=cn.civicloop.web.FaviconGenerator</pre>
 */
public final class FaviconGenerator {

    static final int[] SIZES = {16, 32, 48};
    private static final Color ACCENT = new Color(0xb3, 0x26, 0x1e);

    private FaviconGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "src/main/resources/static/favicon.ico");
        Files.write(out, ico());
        System.out.println("wrote " + out + " (" + Files.size(out) + " bytes)");
    }

    /** The drawing of favicon.svg (a 32 × 32 box) at {@code size} pixels. */
    static BufferedImage draw(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.scale(size / 32.0, size / 32.0);
        g.setColor(ACCENT);
        g.fill(new RoundRectangle2D.Double(0, 0, 32, 32, 14, 14));
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(3.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        // from the top, clockwise almost all the way round (svg: M16 7 a9 9 0 1 1 -8.49 6.01)
        g.draw(new Arc2D.Double(7, 7, 18, 18, 90, -289.4, Arc2D.OPEN));
        Path2D head = new Path2D.Double();
        head.moveTo(8.7, 9.7);
        head.lineTo(10, 13.9);
        head.lineTo(5.1, 12.2);
        head.closePath();
        g.fill(head);
        g.dispose();
        return image;
    }

    /** An ICO file whose entries are PNG images (read by every browser and by Windows since Vista). */
    static byte[] ico() throws IOException {
        List<byte[]> pngs = new ArrayList<>();
        for (int size : SIZES) {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(draw(size), "png", png);
            pngs.add(png.toByteArray());
        }
        int offset = 6 + 16 * SIZES.length;
        ByteBuffer b = ByteBuffer.allocate(offset + pngs.stream().mapToInt(p -> p.length).sum()).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 0).putShort((short) 1).putShort((short) SIZES.length);
        for (int k = 0; k < SIZES.length; k++) {
            b.put((byte) SIZES[k]).put((byte) SIZES[k]).put((byte) 0).put((byte) 0);
            b.putShort((short) 1).putShort((short) 32).putInt(pngs.get(k).length).putInt(offset);
            offset += pngs.get(k).length;
        }
        pngs.forEach(b::put);
        return b.array();
    }
}

package cn.civicloop.web;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

/** A small real PNG on disk, for file inputs in browser tests. */
final class EvidencePhoto {

    private EvidencePhoto() {
    }

    static Path file() {
        try {
            BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setColor(new Color(0x2e7d32));
            g.fillRect(0, 0, 64, 48);
            g.dispose();
            Path file = Files.createTempFile("evidence", ".png");
            ImageIO.write(image, "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package cn.civicloop.cases.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import cn.civicloop.shared.Phrase;
import cn.civicloop.shared.Upload;
import cn.civicloop.shared.InvalidInputException;
import cn.civicloop.shared.PayloadTooLargeException;

/**
 * Which photos we accept. The type is decided by the file's first bytes, not by its name or declared type,
 * because a script renamed to .jpg must never be served back to a browser as an image.
 */
@Component
class AttachmentPolicy {

    private final int maxPhotos;
    private final long maxBytes;

    @Autowired
    AttachmentPolicy(CasesProperties properties) {
        this(properties.attachments().maxCount(), properties.attachments().maxSize().toBytes());
    }

    AttachmentPolicy(int maxPhotos, long maxBytes) {
        this.maxPhotos = maxPhotos;
        this.maxBytes = maxBytes;
    }

    /** A photo that passed the checks, with its detected type and digest. */
    record CheckedPhoto(String filename, String contentType, byte[] data, String sha256) {
    }

    List<CheckedPhoto> check(String field, List<Upload> uploads) {
        if (uploads.size() > maxPhotos) {
            throw new InvalidInputException(field,
                    Phrase.of("problem.cases.too-many-photos", "最多上传 {0} 张照片", maxPhotos));
        }
        List<CheckedPhoto> checked = new ArrayList<>();
        for (int i = 0; i < uploads.size(); i++) {
            Upload upload = uploads.get(i);
            String name = field + "[" + i + "]";
            byte[] data = upload.data() == null ? new byte[0] : upload.data();
            if (data.length == 0) {
                throw new InvalidInputException(name, Phrase.of("problem.cases.empty-file", "照片为空"));
            }
            if (data.length > maxBytes) {
                throw new PayloadTooLargeException(name,
                        Phrase.of("problem.cases.photo-too-large", "照片超过 {0} MB", maxBytes / 1024 / 1024));
            }
            String type = detect(data);
            if (type == null) {
                throw new InvalidInputException(name,
                        Phrase.of("problem.cases.only-jpeg-png-gif-or-webp-images", "只接受 JPEG、PNG、GIF、WebP 照片"));
            }
            checked.add(new CheckedPhoto(cleanName(upload.filename(), type), type, data, sha256(data)));
        }
        return checked;
    }

    static String detect(byte[] d) {
        if (d.length >= 3 && (d[0] & 0xFF) == 0xFF && (d[1] & 0xFF) == 0xD8 && (d[2] & 0xFF) == 0xFF) {
            return "image/jpeg";
        }
        if (d.length >= 8 && (d[0] & 0xFF) == 0x89 && d[1] == 'P' && d[2] == 'N' && d[3] == 'G') {
            return "image/png";
        }
        if (d.length >= 6 && d[0] == 'G' && d[1] == 'I' && d[2] == 'F' && d[3] == '8') {
            return "image/gif";
        }
        if (d.length >= 12 && d[0] == 'R' && d[1] == 'I' && d[2] == 'F' && d[3] == 'F'
                && d[8] == 'W' && d[9] == 'E' && d[10] == 'B' && d[11] == 'P') {
            return "image/webp";
        }
        return null;
    }

    private static String cleanName(String filename, String type) {
        String base = filename == null ? "" : filename.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        if (base.isEmpty()) {
            base = "photo." + type.substring("image/".length());
        }
        return base.length() > 120 ? base.substring(base.length() - 120) : base;
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package cn.civicloop.triage.internal.learning;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The character encoding of an uploaded CSV file: UTF-8 or GBK (exports of older hotline systems and of Excel on a
 * Chinese Windows). Chosen by the admin, or detected from the file's first bytes: text that decodes strictly as
 * UTF-8 is UTF-8 (GBK Chinese almost never does), anything else is read as GBK.
 */
public enum TextEncoding {
    UTF_8(StandardCharsets.UTF_8), GBK(Charset.forName("GBK"));

    private final Charset charset;

    TextEncoding(Charset charset) {
        this.charset = charset;
    }

    public Charset charset() {
        return charset;
    }

    /** {@code AUTO}, empty or null: detect; otherwise UTF-8/UTF_8 or GBK in any case; null for an unknown name. */
    public static TextEncoding chosen(String name) {
        if (name == null || name.isBlank() || name.equalsIgnoreCase("AUTO")) {
            return null;
        }
        return switch (name.strip().toUpperCase(Locale.ROOT).replace('-', '_')) {
            case "UTF_8", "UTF8" -> UTF_8;
            case "GBK", "GB2312", "GB18030" -> GBK;
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** Detects the encoding from the beginning of a file (a character cut at the end of {@code head} is allowed). */
    public static TextEncoding detect(byte[] head, int length) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        // drop a multi-byte character the head may have cut in two
        int end = length;
        for (int back = 1; back <= 3 && end - back >= 0; back++) {
            int b = head[end - back] & 0xff;
            if ((b & 0xc0) == 0xc0) {
                int needed = (b & 0xe0) == 0xc0 ? 2 : (b & 0xf0) == 0xe0 ? 3 : 4;
                if (back < needed) {
                    end -= back;
                }
                break;
            }
            if ((b & 0x80) == 0) {
                break;
            }
        }
        try {
            utf8.decode(ByteBuffer.wrap(head, 0, end));
            return UTF_8;
        } catch (CharacterCodingException e) {
            return GBK;
        }
    }
}

package cn.civicloop.places.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import cn.civicloop.places.PlaceLevel;
import cn.civicloop.shared.CsvCells;
import cn.civicloop.shared.web.CsvLines;

/**
 * The gazetteer's CSV file (UTF-8, one element per line, header first):
 * {@value #HEADER}. Aliases and former names are separated by {@code |}; a road's {@code line} is
 * {@code lon lat;lon lat;…}. Written with every cell quoted and formula-looking cells defused ({@link CsvLines}).
 */
final class GazetteerCsv {

    static final String HEADER = "code,level,kind,parent,name,aliases,former_names,lat,lon,line";
    static final int COLUMNS = 10;

    private GazetteerCsv() {
    }

    static String header() {
        return CsvLines.line(HEADER.split(","));
    }

    static String line(Element e) {
        return CsvLines.line(e.code(), e.level().name(), e.kind(), e.parent(), e.name(), String.join("|", e.aliases()),
                String.join("|", e.formerNames()), number(e.lat()), number(e.lon()), e.line());
    }

    private static String number(double d) {
        return String.format(Locale.ROOT, "%.6f", d);
    }

    /** The bytes as UTF-8 text (a byte-order mark dropped), or null when they are not UTF-8 (a GBK file). */
    static String text(byte[] bytes) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** The cells of one line: quoted cells with doubled quotes, and the apostrophe our export puts before a formula. */
    static List<String> cells(String line) {
        return CsvCells.of(line, GazetteerCsv::clean);
    }

    private static String clean(String cell, boolean quoted) {
        String c = quoted ? cell : cell.trim();
        if (c.length() > 1 && c.charAt(0) == '\'' && "=+-@\t\r".indexOf(c.charAt(1)) >= 0) {
            c = c.substring(1);
        }
        return c;
    }

    /** The level of a stored element, or null for any other word. */
    static PlaceLevel level(String word) {
        for (PlaceLevel level : PlaceLevel.values()) {
            if (level.stored() && level.name().equalsIgnoreCase(word.trim())) {
                return level;
            }
        }
        return null;
    }
}

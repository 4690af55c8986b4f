package cn.civicloop.open311.web;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a GeoReport answer in either format from one tree of maps and lists. The XML follows the spec's
 * examples: a root element, one element per item, a list of {@code attributes} as {@code attribute} elements and so
 * on, null as an empty element, no namespace; the JSON is the same tree (the Spark convention), nulls kept.
 */
final class Open311Writer {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    /** The element of one item of a nested list. */
    private static final Map<String, String> ITEM = Map.of("attributes", "attribute", "values", "value", "notes",
            "note", "formats", "format", "endpoints", "endpoint");

    private Open311Writer() {
    }

    /** An array answer: {@code root} and {@code item} name its XML elements. */
    static ResponseEntity<String> list(Open311Format format, HttpStatus status, String root, String item,
            List<? extends Map<String, ?>> items) {
        String body = format == Open311Format.JSON ? JSON.writeValueAsString(items) : xml(w -> {
            w.writeStartElement(root);
            for (Map<String, ?> i : items) {
                element(w, item, i);
            }
            w.writeEndElement();
        });
        return answer(format, status, body);
    }

    /** An object answer (the service definition, the discovery). */
    static ResponseEntity<String> object(Open311Format format, String root, Map<String, ?> document) {
        String body = format == Open311Format.JSON ? JSON.writeValueAsString(document)
                : xml(w -> element(w, root, document));
        return answer(format, HttpStatus.OK, body);
    }

    private static ResponseEntity<String> answer(Open311Format format, HttpStatus status, String body) {
        return ResponseEntity.status(status).header(HttpHeaders.CONTENT_TYPE, format.contentType()).body(body);
    }

    private interface XmlBody {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    private static String xml(XmlBody body) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = XML.createXMLStreamWriter(out);
            w.writeStartDocument("utf-8", "1.0");
            body.write(w);
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the XML answer", e);
        }
        return out.toString();
    }

    private static void element(XMLStreamWriter w, String name, Object value) throws XMLStreamException {
        w.writeStartElement(name);
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                element(w, String.valueOf(e.getKey()), e.getValue());
            }
        } else if (value instanceof List<?> list) {
            String item = ITEM.getOrDefault(name, "item");
            for (Object v : list) {
                element(w, item, v);
            }
        } else if (value != null) {
            w.writeCharacters(text(value));
        }
        w.writeEndElement();
    }

    /** Text as XML 1.0 allows it: control characters other than tab and line breaks are dropped. */
    private static String text(Object value) {
        String s = String.valueOf(value);
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c != 0xFFFE && c != 0xFFFF)
                .forEach(out::appendCodePoint);
        return out.toString();
    }
}

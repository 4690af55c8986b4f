package cn.civicloop.open311.web;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import cn.civicloop.open311.internal.Open311Form;
import cn.civicloop.shared.InvalidInputException;

/**
 * The fields of a request sent as XML instead of a form: the root's child elements are the fields
 * ({@code <service_code>}, {@code <lat>} …) and {@code <attributes><attribute><code/><value/></attribute>} the
 * attributes. The parser reads no document type at all: a DOCTYPE — the door of entity expansion and external
 * entities (XXE) — is refused before anything is read, and no entity is ever resolved.
 */
final class XmlFields {

    private static final int MAX_FIELDS = 200;
    private static final XMLInputFactory FACTORY = factory();

    private XmlFields() {
    }

    static Open311Form read(byte[] body, String refusal) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        try {
            XMLStreamReader r = FACTORY.createXMLStreamReader(new ByteArrayInputStream(body));
            int depth = 0;
            String field = null;
            String code = null;
            StringBuilder text = new StringBuilder();
            while (r.hasNext()) {
                int event = r.next();
                switch (event) {
                    case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE,
                            XMLStreamConstants.ENTITY_DECLARATION -> throw new InvalidInputException("xml", refusal);
                    case XMLStreamConstants.START_ELEMENT -> {
                        depth++;
                        text.setLength(0);
                        if (depth == 2) {
                            field = r.getLocalName();
                        }
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> text.append(r.getText());
                    case XMLStreamConstants.END_ELEMENT -> {
                        String name = r.getLocalName();
                        if (depth == 2 && !"attributes".equals(name)) {
                            add(fields, field, text.toString(), refusal);
                        } else if (depth == 4 && "code".equals(name)) {
                            code = text.toString().strip();
                        } else if (depth == 4 && "value".equals(name) && code != null) {
                            add(fields, "attribute[" + code + "]", text.toString(), refusal);
                        } else if (depth == 3) {
                            code = null;
                        }
                        text.setLength(0);
                        depth--;
                    }
                    default -> {
                    }
                }
            }
            r.close();
        } catch (XMLStreamException e) {
            throw new InvalidInputException("xml", refusal);
        }
        return new Open311Form(fields);
    }

    private static void add(Map<String, List<String>> fields, String name, String value, String refusal) {
        if (fields.size() >= MAX_FIELDS) {
            throw new InvalidInputException(name, refusal);
        }
        fields.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }
}

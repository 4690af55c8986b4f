package cn.civicloop.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The GeoReport v2 texts the server is checked against, read from {@code ../shared/open311} beside the clone
 * (no licence to copy them here): the Open311 project's JSON Schemas, and the XML examples of the spec.
 */
final class Open311Conformance {

    static final Path DIR = Path.of("..", "shared", "open311").toAbsolutePath().normalize();
    /** The schemas' own relative references ({@code "$ref": "request.json"}) resolve under this made-up base. */
    private static final String BASE = "https://schemas.open311.test/georeport-v2/";
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4,
            b -> b.schemas(Open311Conformance::schemaText));
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Open311Conformance() {
    }

    /** Asserts that {@code json} is valid under the schema file {@code name} (services.json, requests.json …). */
    static JsonNode assertValid(String name, String json) {
        Schema schema = SCHEMAS.getSchema(SchemaLocation.of(BASE + name));
        JsonNode node = JSON.readTree(json);
        List<Error> errors = schema.validate(node);
        assertThat(errors).as(name + " rejects " + json).isEmpty();
        return node;
    }

    private static String schemaText(String iri) {
        if (!iri.startsWith(BASE)) {
            return null;
        }
        try {
            return Files.readString(DIR.resolve("schema").resolve(iri.substring(BASE.length())), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The XML examples of the spec, in the order the spec gives them (each a whole document). */
    static List<String> xmlExamples() {
        try {
            String spec = Files.readString(DIR.resolve("GeoReport_v2_index.md"), StandardCharsets.UTF_8);
            List<String> out = new ArrayList<>();
            Matcher m = Pattern.compile("~~~~\\s*\\n(?:HTTP/[^\\n]*\\n\\s*)?(<\\?xml.*?)~~~~", Pattern.DOTALL).matcher(spec);
            while (m.find()) {
                out.add(m.group(1).strip());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The spec's first example whose root is {@code root} and whose first item has a child {@code withChild}. */
    static Element example(String root, String withChild) {
        for (String xml : xmlExamples()) {
            Element r = parse(xml).getDocumentElement();
            Element item = firstElement(r);
            if (r.getTagName().equals(root) && item != null && (childNames(item).contains(withChild)
                    || childNames(r).contains(withChild))) {
                return r;
            }
        }
        throw new AssertionError("the spec has no example <" + root + "> with <" + withChild + ">");
    }

    static Document parse(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + xml, e);
        }
    }

    static Element firstElement(Node parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        return null;
    }

    static List<String> childNames(Element parent) {
        List<String> names = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                names.add(e.getTagName());
            }
        }
        return names;
    }

    static String text(Element parent, String child) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(child)) {
                return e.getTextContent();
            }
        }
        return null;
    }
}

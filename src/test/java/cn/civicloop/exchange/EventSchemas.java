package cn.civicloop.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a published record against its JSON Schema under docs/events (the part of JSON Schema those files use:
 * required, no other property, const, enum and the types), so the documented schema and the records cannot drift.
 */
final class EventSchemas {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EventSchemas() {
    }

    static void check(JsonNode record) {
        String type = record.get("type").asString();
        Path file = Path.of("docs/events/" + type + ".v" + record.get("schemaVersion").asInt() + ".schema.json");
        assertThat(file).as("schema of %s", type).exists();
        JsonNode schema;
        try {
            schema = JSON.readTree(Files.readString(file));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        JsonNode properties = schema.get("properties");
        Set<String> allowed = new HashSet<>(properties.propertyNames());
        assertThat(record.propertyNames()).as("%s: only the documented fields", type).isSubsetOf(allowed);
        for (JsonNode required : schema.get("required")) {
            assertThat(record.has(required.asString())).as("%s has %s", type, required.asString()).isTrue();
        }
        for (String name : record.propertyNames()) {
            JsonNode rule = properties.get(name);
            JsonNode value = record.get(name);
            if (rule.has("const")) {
                assertThat(value).as("%s.%s", type, name).isEqualTo(rule.get("const"));
            }
            if (rule.has("enum")) {
                assertThat(rule.get("enum").valueStream().toList()).as("%s.%s", type, name).contains(value);
            }
            if (rule.has("type")) {
                Set<String> types = new HashSet<>();
                if (rule.get("type").isArray()) {
                    rule.get("type").forEach(t -> types.add(t.asString()));
                } else {
                    types.add(rule.get("type").asString());
                }
                assertThat(types).as("%s.%s is %s", type, name, value).contains(typeOf(value));
            }
        }
    }

    private static String typeOf(JsonNode value) {
        if (value.isNull()) {
            return "null";
        }
        if (value.isString()) {
            return "string";
        }
        if (value.isIntegralNumber()) {
            return "integer";
        }
        if (value.isBoolean()) {
            return "boolean";
        }
        if (value.isArray()) {
            return "array";
        }
        return value.getNodeType().name();
    }
}

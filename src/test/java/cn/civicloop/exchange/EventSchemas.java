package cn.civicloop.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;

/**
 * Checks a published record against its JSON Schema under docs/events with a full validator (the one the Open311
 * conformance tests use), so the documented schema and the records cannot drift.
 */
final class EventSchemas {

    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private EventSchemas() {
    }

    static void check(JsonNode record) {
        String type = record.get("type").asString();
        Path file = Path.of("docs/events/" + type + ".v" + record.get("schemaVersion").asInt() + ".schema.json");
        assertThat(file).as("schema of %s", type).exists();
        String schema;
        try {
            schema = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(SCHEMAS.getSchema(schema).validate(record)).as("%s against %s: %s", type, file, record).isEmpty();
    }
}

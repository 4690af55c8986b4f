package cn.civicloop.dispatch.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * The dispatch bundle ({@code messages-dispatch*.properties}) for the pages' scripts: every label the desk, the
 * command map and the terminal write themselves (statuses, log steps, reasons, buttons), in the page's language,
 * as one JSON object in the page's {@code data-labels}. The scripts never carry a word of their own.
 */
@Component
class PageLabels {

    private static final String BUNDLE = "messages-dispatch.properties";

    private final MessageSource messages;
    private final List<String> keys;
    private final Map<Locale, String> json = new ConcurrentHashMap<>();
    private final JsonMapper mapper = JsonMapper.builder().build();

    PageLabels(MessageSource messages) {
        this.messages = messages;
        this.keys = keys();
    }

    /** The labels as JSON for the locale (computed once per locale). */
    String json(Locale locale) {
        return json.computeIfAbsent(locale, l -> {
            Map<String, String> out = new TreeMap<>();
            keys.forEach(k -> out.put(k, messages.getMessage(k, null, k, l)));
            return mapper.writeValueAsString(out);
        });
    }

    private static List<String> keys() {
        Properties p = new Properties();
        try (InputStream in = PageLabels.class.getClassLoader().getResourceAsStream(BUNDLE)) {
            if (in == null) {
                throw new IllegalStateException(BUNDLE + " is missing");
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // refusals reach the pages worded in the problem document, not through the labels
        return p.stringPropertyNames().stream().filter(k -> !k.startsWith("problem.")).sorted().toList();
    }
}

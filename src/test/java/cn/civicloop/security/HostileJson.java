package cn.civicloop.security;

import java.util.List;
import java.util.Map;

import cn.civicloop.support.Api;

/**
 * JSON written by hand, so that a test can put into a body what no serializer would: NaN, 1e999, a lone
 * surrogate escape. Values are maps, lists, strings, numbers, booleans, null, or {@link Raw} text.
 */
final class HostileJson {

    /** A JSON fragment sent exactly as written. */
    record Raw(String json) {
        @Override
        public String toString() {
            return json;
        }
    }

    private HostileJson() {
    }

    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value instanceof Raw raw) {
            out.append(raw.json());
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (var e : map.entrySet()) {
                out.append(first ? "" : ",").append(Api.json().writeValueAsString(String.valueOf(e.getKey())))
                        .append(':');
                write(e.getValue(), out);
                first = false;
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ",");
                write(list.get(i), out);
            }
            out.append(']');
        } else if (value instanceof String s) {
            out.append(Api.json().writeValueAsString(s));
        } else {
            out.append(value);
        }
    }
}

package cn.civicloop.opinion.internal;

import java.io.InputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads RSS 2.0 and Atom feeds into posts with the JDK's streaming parser, hardened: no DTD at all (a document that
 * declares one is refused, which stops both external entities, XXE, and entity expansion, "billion laughs"), no
 * external anything, and limits on items and on the length of each field. The encoding is the one the document
 * declares; bytes that are not valid in it make the feed fail, never a half-read item.
 */
final class FeedParser {

    /** A feed that cannot be read safely or at all. */
    static final class FeedException extends Exception {
        FeedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static final int MAX_ITEMS = 1000;
    static final int MAX_FIELD = 8000;

    private static final XMLInputFactory FACTORY = XMLInputFactory.newFactory();

    static {
        FACTORY.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        FACTORY.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        FACTORY.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        FACTORY.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    }

    private FeedParser() {
    }

    static List<IncomingPost> parse(InputStream in) throws FeedException {
        List<IncomingPost> posts = new ArrayList<>();
        XMLStreamReader r = null;
        try {
            r = FACTORY.createXMLStreamReader(in);
            Item item = null;
            String field = null;
            StringBuilder text = new StringBuilder();
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new FeedException("a feed with a DTD is refused (entities are not expanded)", null);
                }
                if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new FeedException("undeclared entity &" + r.getLocalName() + ";", null);
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = r.getLocalName();
                    if (name.equals("item") || name.equals("entry")) {
                        item = new Item();
                    } else if (item != null) {
                        field = name;
                        text.setLength(0);
                        if (name.equals("link") && r.getAttributeValue(null, "href") != null) {
                            item.link = r.getAttributeValue(null, "href");
                        }
                    }
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                    if (field != null && text.length() < MAX_FIELD) {
                        text.append(r.getText(), 0, Math.min(r.getTextLength(), MAX_FIELD - text.length()));
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    String name = r.getLocalName();
                    if ((name.equals("item") || name.equals("entry")) && item != null) {
                        if (posts.size() >= MAX_ITEMS) {
                            throw new FeedException("more than " + MAX_ITEMS + " items", null);
                        }
                        item.toPost().ifPresent(posts::add);
                        item = null;
                    } else if (item != null && name.equals(field)) {
                        item.set(name, text.toString().strip());
                        field = null;
                    }
                }
            }
            return posts;
        } catch (XMLStreamException | RuntimeException e) {
            throw new FeedException("not a readable feed: " + e.getMessage(), e);
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // the stream is closed by the caller
                }
            }
        }
    }

    private static final class Item {
        String guid;
        String link;
        String title;
        String text;
        String author;
        String time;

        void set(String name, String value) {
            switch (name) {
                case "guid", "id" -> guid = value;
                case "link" -> link = link == null || link.isEmpty() ? value : link;
                case "title" -> title = value;
                case "description", "summary", "content", "encoded" -> text = text == null ? value : text;
                case "author", "creator", "name" -> author = author == null ? value : author;
                case "pubDate", "published", "updated", "date" -> time = time == null ? value : time;
                default -> { }
            }
        }

        /** An item without an id and a link, or without a readable time, cannot be stored once and is skipped. */
        java.util.Optional<IncomingPost> toPost() {
            String id = guid != null && !guid.isEmpty() ? guid : link;
            Instant at = instant(time);
            if (id == null || id.isEmpty() || at == null || ((title == null || title.isBlank())
                    && (text == null || text.isBlank()))) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new IncomingPost(limit(id, 200), limit(link, 2000), limit(author, 200),
                    limit(title, 500), text, at, 0, 0, 0, 0, null));
        }
    }

    private static Instant instant(String time) {
        if (time == null || time.isBlank()) {
            return null;
        }
        try {
            return ZonedDateTime.parse(time.strip(), DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT))
                    .toInstant();
        } catch (RuntimeException notRfc822) {
            try {
                return OffsetDateTime.parse(time.strip()).toInstant();
            } catch (RuntimeException notIso) {
                return PostTimes.parse(time);
            }
        }
    }

    private static String limit(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}

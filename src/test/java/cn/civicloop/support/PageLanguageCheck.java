package cn.civicloop.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * What a person must never see on a page, in either language: a JavaScript error (the browser's console), Spring's
 * Whitelabel page, a raw enum name, a time in UTC instead of Asia/Shanghai, a label of the other language (a value
 * of the other language's bundles, or a Chinese enum label on an English page), or one sentence mixing both
 * languages. Names, addresses and case texts coming from data are allowed in either language: only whole segments
 * of the page's text that equal a known label of the other language count, so data is never mistaken for a label.
 */
public final class PageLanguageCheck {

    private static final Pattern CJK = Pattern.compile("\\p{IsHan}");
    private static final Pattern MIXED = Pattern.compile("\\p{IsHan}\\s*\\(([a-z]+ ){2,}[a-z]+[^)]*\\)");
    private static final Pattern DATE_BEFORE = Pattern.compile(
            "(?:(\\d{4})-(\\d{2})-(\\d{2})|(?<![\\d-])(\\d{1,2})-(\\d{2})|(\\d{1,2})月(\\d{1,2})日)\\s*$");
    private static final Pattern CLOCK = Pattern.compile("(?<![\\d:])([01]\\d|2[0-3]):([0-5]\\d)(?![\\d])");
    /** A clock time that is one end of a range ("夜班 00:00–08:00"): a schedule, not a reading of the clock. */
    private static final Pattern RANGE_AFTER = Pattern.compile("\\s*[–\\-~至]\\s*([01]\\d|2[0-3]):[0-5]\\d");
    private static final Pattern RANGE_BEFORE = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d\\s*[–\\-~至]\\s*$");
    private static final Pattern SEGMENTS = Pattern.compile("[\\n·|:：,，、()（）\\[\\]→/]+");

    private final Set<String> chineseLabels = new HashSet<>();
    private final Set<String> englishLabels = new HashSet<>();
    private final Pattern rawEnum;
    private final Set<String> data = new HashSet<>();
    private final List<String> dataSelectors = new ArrayList<>();

    /**
     * @param enums the enums whose constant names must never be shown (their Chinese {@code label()}, when they have
     *              one, counts as a Chinese label)
     */
    public PageLanguageCheck(List<Class<? extends Enum<?>>> enums) {
        for (String bundle : List.of("messages", "messages-cases", "messages-staff", "messages-dashboard",
                "messages-dispatch", "messages-roads", "messages-planning", "messages-triage", "messages-calendar")) {
            load(bundle + ".properties", chineseLabels, true);
            load(bundle + "_en.properties", englishLabels, false);
        }
        Set<String> names = new HashSet<>();
        for (Class<? extends Enum<?>> type : enums) {
            for (Enum<?> constant : type.getEnumConstants()) {
                if (constant.name().length() >= 4) {
                    names.add(constant.name());
                }
                try {
                    Object label = type.getMethod("label").invoke(constant);
                    if (label instanceof String s && CJK.matcher(s).find()) {
                        chineseLabels.add(s.strip());
                    }
                } catch (ReflectiveOperationException none) {
                    // an enum without a label
                }
            }
        }
        // words that are the same in both languages are no evidence of either
        Set<String> both = new HashSet<>(chineseLabels);
        both.retainAll(englishLabels);
        chineseLabels.removeAll(both);
        englishLabels.removeAll(both);
        rawEnum = Pattern.compile("(?<![A-Za-z_.-])(" + names.stream().sorted().map(Pattern::quote)
                .collect(Collectors.joining("|")) + ")(?![A-Za-z_-])");
    }

    /** Texts that come from data (a person's name that happens to equal a label), allowed in either language. */
    public PageLanguageCheck data(String... texts) {
        data.addAll(Arrays.asList(texts));
        return this;
    }

    /** Elements whose text is stored record content (e.g. a timeline's reasons), read as data. */
    public PageLanguageCheck dataElements(String... cssSelectors) {
        dataSelectors.addAll(Arrays.asList(cssSelectors));
        return this;
    }

    /** The problems of the page the browser shows now; {@code english} is the page's language. */
    public List<String> problems(WebDriver browser, boolean english, Clock clock) {
        List<String> found = new ArrayList<>();
        String where = browser.getCurrentUrl();
        for (LogEntry e : browser.manage().logs().get(LogType.BROWSER).getAll()) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
                found.add(where + ": browser error: " + e.getMessage());
            }
        }
        String source = browser.getPageSource();
        if (source.contains("Whitelabel Error Page")) {
            found.add(where + ": Whitelabel page");
        }
        String text = browser.findElement(By.tagName("body")).getText();
        // longest first: a short content ("admin") taken out of a longer one ("POST /admin/...") would leave the
        // rest of the longer one unmatched and read as page text
        List<String> contents = dataContents(browser);
        contents.sort(java.util.Comparator.comparingInt(String::length).reversed());
        for (String content : contents) {
            text = text.replace(content, " ");
        }
        Matcher raw = rawEnum.matcher(text);
        while (raw.find()) {
            found.add(where + ": raw enum name " + raw.group(1) + " in \"" + around(text, raw.start()) + "\"");
        }
        Matcher mixed = MIXED.matcher(text);
        while (mixed.find()) {
            found.add(where + ": mixes both languages: \"" + mixed.group() + "\"");
        }
        for (String segment : SEGMENTS.split(text)) {
            String s = segment.strip();
            if (s.isEmpty() || data.contains(s)) {
                continue;
            }
            if (english && chineseLabels.contains(s)) {
                found.add(where + ": Chinese label on an English page: \"" + s + "\"");
            } else if (!english && s.contains(" ") && englishLabels.contains(s)) {
                found.add(where + ": English label on a Chinese page: \"" + s + "\"");
            }
        }
        utcTimes(text, clock).forEach(t -> found.add(where + ": " + t));
        return found;
    }

    /**
     * The clock times of {@code text} that read as now in UTC rather than in Asia/Shanghai (within ten minutes of the
     * one and not of the other); the bounds of a range (a shift, opening hours) are a schedule and never count.
     */
    static List<String> utcTimes(String text, Clock clock) {
        List<String> found = new ArrayList<>();
        LocalDateTime utc = LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
        LocalDateTime shanghai = LocalDateTime.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
        Matcher time = CLOCK.matcher(text);
        while (time.find()) {
            if (RANGE_AFTER.matcher(text).region(time.end(), text.length()).lookingAt()
                    || RANGE_BEFORE.matcher(text).region(Math.max(0, time.start() - 12), time.start()).find()) {
                continue; // a shift's or an opening time's bounds, the same whatever the hour the page is read
            }
            LocalTime clockTime = LocalTime.parse(time.group(), DateTimeFormatter.ofPattern("HH:mm"));
            LocalDate date = dateBefore(text, time.start(), shanghai.toLocalDate());
            if (date == null) { // a time alone is today's: compared on the clock face, across midnight
                if (minutesApart(clockTime, utc.toLocalTime()) <= 10
                        && minutesApart(clockTime, shanghai.toLocalTime()) > 10) {
                    found.add("a time in UTC (" + time.group() + ") in \"" + around(text, time.start()) + "\"");
                }
            } else { // a dated time (history) is a moment: only one shown as now's UTC reading is wrong
                LocalDateTime shown = date.atTime(clockTime);
                if (Math.abs(Duration.between(shown, utc).toMinutes()) <= 10
                        && Math.abs(Duration.between(shown, shanghai).toMinutes()) > 10) {
                    found.add("a time in UTC (" + date + " " + time.group() + ") in \""
                            + around(text, time.start()) + "\"");
                }
            }
        }
        return found;
    }

    /**
     * The texts of the data elements, read in one script call: an element at a time costs a driver round trip each,
     * minutes on a page of a few hundred audit rows.
     */
    private List<String> dataContents(WebDriver browser) {
        List<String> contents = new ArrayList<>();
        if (dataSelectors.isEmpty()) {
            return contents;
        }
        Object texts = ((JavascriptExecutor) browser).executeScript("return Array.from(document.querySelectorAll("
                + "arguments[0]), e => e.innerText).filter(t => t && t.trim().length > 0);", String.join(",", dataSelectors));
        if (texts instanceof List<?> list) {
            list.forEach(t -> contents.add(String.valueOf(t)));
        }
        return contents;
    }

    /** The date written just before a time ("2019-03-04 18:12", "03-04 18:12", "3月4日 18:12"), or null. */
    private static LocalDate dateBefore(String text, int timeStart, LocalDate today) {
        Matcher m = DATE_BEFORE.matcher(text.substring(Math.max(0, timeStart - 16), timeStart));
        if (!m.find()) {
            return null;
        }
        try {
            if (m.group(1) != null) {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            }
            if (m.group(4) != null) {
                return LocalDate.of(today.getYear(), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)));
            }
            return LocalDate.of(today.getYear(), Integer.parseInt(m.group(6)), Integer.parseInt(m.group(7)));
        } catch (java.time.DateTimeException notADate) {
            return null;
        }
    }

    private static long minutesApart(LocalTime a, LocalTime b) {
        long d = Math.abs(a.toSecondOfDay() - b.toSecondOfDay()) / 60;
        return Math.min(d, 24 * 60 - d);
    }

    private static String around(String text, int at) {
        return text.substring(Math.max(0, at - 30), Math.min(text.length(), at + 40)).replace('\n', ' ');
    }

    private static void load(String resource, Set<String> into, boolean chinese) {
        try (InputStream in = PageLanguageCheck.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return;
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String value : p.stringPropertyNames().stream().map(p::getProperty).toList()) {
                String v = value.strip();
                if (v.contains("{") || v.length() < 2) {
                    continue;
                }
                boolean han = CJK.matcher(v).find();
                if (chinese ? han : !han && v.chars().anyMatch(Character::isLetter)) {
                    into.add(v);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(resource, e);
        }
    }

    /** All problems as one readable message, for an assertion. */
    public static String describe(List<String> problems) {
        return problems.isEmpty() ? "" : String.join("\n", problems);
    }

}

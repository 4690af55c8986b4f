package cn.civicloop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The README and the pages under docs/ link to each other, to ADRs and to screenshots; a page renamed or moved must
 * not leave a reader at a dead link, and every decision record is listed in the docs' index. Links to other sites and
 * links inside code are not checked.
 */
class DocumentationLinksTests {

    private static final Path ROOT = Path.of("").toAbsolutePath();

    /** {@code [text](target)} and the {@code href}/{@code src} of the README's HTML picture strip. */
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)|(?:href|src)=\"([^\"]+)\"");

    private static final Pattern CODE = Pattern.compile("```.*?```|`[^`\\n]*`", Pattern.DOTALL);

    @Test
    void everyRelativeLinkOfTheReadmeAndTheDocsResolves() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        List<String> broken = new ArrayList<>();
        for (Path page : pages) {
            broken.addAll(brokenLinks(page, Files.readString(page, StandardCharsets.UTF_8)));
        }
        assertThat(pages).as("pages read").hasSizeGreaterThan(10);
        assertThat(broken).as("links that lead nowhere (page: target)").isEmpty();
    }

    @Test
    void everyDecisionRecordIsListedInTheDocsIndex() throws IOException {
        String index = Files.readString(ROOT.resolve("docs/README.md"), StandardCharsets.UTF_8);
        List<String> unlisted;
        try (Stream<Path> adrs = Files.list(ROOT.resolve("docs/adr"))) {
            unlisted = adrs.map(p -> p.getFileName().toString()).filter(name -> name.matches("\\d{4}-.*\\.md"))
                    .filter(name -> !index.contains("(adr/" + name + ")")).sorted().toList();
        }
        assertThat(unlisted).as("decision records docs/README.md does not link").isEmpty();
    }

    @Test
    void aLinkToAMissingPageIsFoundAndOneInCodeIsNot() {
        Path page = ROOT.resolve("docs/example.md");
        String markdown = """
                See [cases](cases.md), [gone](gone.md#section), [the site](https://example.org/x.md),
                <img src="screenshots/nothing.png"> and `[not a link](missing.md)`.
                """;

        assertThat(brokenLinks(page, markdown)).containsExactly("docs/example.md: gone.md#section",
                "docs/example.md: screenshots/nothing.png");
    }

    static List<String> brokenLinks(Path page, String markdown) {
        List<String> broken = new ArrayList<>();
        Matcher link = LINK.matcher(CODE.matcher(markdown).replaceAll(""));
        while (link.find()) {
            String target = link.group(1) != null ? link.group(1) : link.group(2);
            if (target.matches("^[a-z][a-z0-9+.-]*:.*") || target.startsWith("#")) {
                continue;
            }
            String file = target.split("#", 2)[0];
            Path resolved = page.getParent().resolve(file).normalize();
            if (!resolved.startsWith(ROOT) || !Files.exists(resolved)) {
                broken.add(ROOT.relativize(page) + ": " + target);
            }
        }
        return broken;
    }
}

package cn.civicloop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import cn.civicloop.support.ApiTest;

/** Every page names our own icon, and both icons are served (a missing favicon.ico was a 404 on every page). */
class FaviconTests extends ApiTest {

    private static final String ICON_LINKS = "<link rel=\"icon\" href=\"/favicon.ico\" sizes=\"any\">"
            + "<link rel=\"icon\" href=\"/img/favicon.svg\" type=\"image/svg+xml\">";

    @Test
    void theIconIsAnIcoOfPngImagesAndTheSvgIsServedWithoutLogin() {
        PageSession anyone = PageSession.anonymous(port());
        HttpResponse<byte[]> ico = anyone.bytes("/favicon.ico");
        assertThat(ico.statusCode()).isEqualTo(200);
        assertThat(ico.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("icon"));
        ByteBuffer b = ByteBuffer.wrap(ico.body()).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(b.getShort(0)).isZero();
        assertThat(b.getShort(2)).as("type 1 = icon").isEqualTo((short) 1);
        int images = b.getShort(4);
        assertThat(images).isEqualTo(FaviconGenerator.SIZES.length);
        for (int k = 0; k < images; k++) {
            int entry = 6 + 16 * k;
            int size = b.getInt(entry + 8), offset = b.getInt(entry + 12);
            assertThat(Byte.toUnsignedInt(b.get(entry))).isEqualTo(FaviconGenerator.SIZES[k]);
            assertThat(offset + size).isLessThanOrEqualTo(ico.body().length);
            assertThat(Arrays.copyOfRange(ico.body(), offset, offset + 4)).as("PNG entry")
                    .containsExactly(0x89, 'P', 'N', 'G');
        }

        HttpResponse<String> svg = anyone.get("/img/favicon.svg");
        assertThat(svg.statusCode()).isEqualTo(200);
        assertThat(svg.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("image/svg+xml"));
        assertThat(svg.body()).startsWith("<svg").contains("viewBox=\"0 0 32 32\"");
    }

    @Test
    void everyLayoutLinksTheIcon() {
        PageSession anyone = PageSession.anonymous(port());
        for (String path : new String[] {"/", "/login", "/report", "/track"}) {
            assertThat(anyone.get(path).body()).as(path).contains(ICON_LINKS);
        }
        PageSession operator = PageSession.login(port(), "operator");
        for (String path : new String[] {"/workbench", "/workbench/cases", "/workbench/phone"}) {
            assertThat(operator.get(path).body()).as(path).contains(ICON_LINKS);
        }
        PageSession desk = PageSession.login(port(), "police-desk");
        for (String path : new String[] {"/dispatch", "/dispatch/map"}) {
            assertThat(desk.get(path).body()).as(path).contains(ICON_LINKS);
        }
        assertThat(PageSession.login(port(), "leader").get("/dashboard").body()).contains(ICON_LINKS);
    }
}

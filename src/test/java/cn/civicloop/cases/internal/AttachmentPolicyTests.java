package cn.civicloop.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.civicloop.shared.InvalidInputException;
import cn.civicloop.shared.PayloadTooLargeException;
import cn.civicloop.shared.Upload;

class AttachmentPolicyTests {

    private final AttachmentPolicy policy = new AttachmentPolicy(3, 1000);
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0};

    @Test
    void theTypeComesFromTheBytesNotTheName() {
        var checked = policy.check("photos", List.of(new Upload("evil.png", "text/html", JPEG)));
        assertThat(checked.get(0).contentType()).isEqualTo("image/jpeg");
        byte[] script = "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> policy.check("photos", List.of(new Upload("x.jpg", "image/jpeg", script))))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).fieldProblems().get(0).field()).isEqualTo("photos[0]"));
    }

    @Test
    void tooManyOrTooLargeOrEmptyPhotosAreRefused() {
        assertThatThrownBy(() -> policy.check("photos", Collections.nCopies(4, new Upload("a.jpg", null, JPEG))))
                .isInstanceOf(InvalidInputException.class);
        byte[] big = new byte[1001];
        System.arraycopy(JPEG, 0, big, 0, JPEG.length);
        assertThatThrownBy(() -> policy.check("photos", List.of(new Upload("big.jpg", null, big))))
                .isInstanceOf(PayloadTooLargeException.class);
        assertThatThrownBy(() -> policy.check("photos", List.of(new Upload("empty.jpg", null, new byte[0]))))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void pathsAndControlCharactersAreRemovedFromFilenames() {
        var checked = policy.check("photos", List.of(new Upload("../../etc/pass\u0000wd.jpg", null, JPEG)));
        assertThat(checked.get(0).filename()).doesNotContain("/").doesNotContain("\u0000");
    }
}

package cn.civicloop.roads.internal.issues;

import java.util.List;

import cn.civicloop.shared.InvalidInputException;
import cn.civicloop.shared.PayloadTooLargeException;
import cn.civicloop.shared.Phrase;
import cn.civicloop.shared.Upload;

/** Photos kept with a road issue until it becomes a case: JPEG or PNG by content, at most 5 MB, at most 9. */
final class Photos {

    static final int MAX_BYTES = 5 * 1024 * 1024;
    static final int MAX_COUNT = 9;

    private Photos() {
    }

    static String check(Upload u) {
        byte[] d = u.data();
        if (d.length > MAX_BYTES) {
            throw new PayloadTooLargeException("photos",
                    Phrase.of("problem.roads.photo-too-large", "照片不能超过 {0} MB", MAX_BYTES / (1024 * 1024)));
        }
        if (d.length > 3 && (d[0] & 0xff) == 0xFF && (d[1] & 0xff) == 0xD8) {
            return "image/jpeg";
        }
        if (d.length > 8 && (d[0] & 0xff) == 0x89 && d[1] == 'P' && d[2] == 'N' && d[3] == 'G') {
            return "image/png";
        }
        throw new InvalidInputException("photos", Phrase.of("problem.roads.photo-type", "只接受 JPEG 或 PNG 照片"));
    }

    static void checkCount(List<Upload> a, List<Upload> b) {
        if (a.size() + b.size() > MAX_COUNT) {
            throw new InvalidInputException("photos", Phrase.of("problem.roads.too-many-photos", "最多 {0} 张照片", MAX_COUNT));
        }
    }
}

package cn.civicloop.triage.learning;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A CSV file of historical work orders written on the fly, row after row, so a file of any length is sent without
 * ever being held whole in memory (by the test or by the benchmark). The texts are our own, varied by the row number.
 */
public final class GeneratedHistory extends InputStream {

    public static final String HEADER = "受理时间,标题,诉求内容,一级分类,承办单位\n";
    private static final List<String[]> KINDS = List.of(
            new String[] {"城乡建设", "路灯不亮", "井盖缺失", "路面坑洼", "楼道漏水"},
            new String[] {"环境保护", "油烟扰民", "河道发臭", "工地扬尘", "垃圾堆积"},
            new String[] {"交通运输", "公交晚点", "信号灯坏", "货车占道", "出租拒载"},
            new String[] {"劳动和社会保障", "拖欠工资", "不缴社保", "工伤认定", "退休金迟发"});

    private final long rows;
    private final long holdAt;
    private final Runnable hold;
    private long next;
    private byte[] chunk = HEADER.getBytes(StandardCharsets.UTF_8);
    private int at;

    public GeneratedHistory(long rows) {
        this(rows, -1, () -> { });
    }

    /**
     * A file that, once its first {@code holdAt} rows have been handed out, runs {@code hold} before writing more:
     * a test waits there for what the server shows of an upload still running, however fast the server reads.
     */
    public GeneratedHistory(long rows, long holdAt, Runnable hold) {
        this.rows = rows;
        this.holdAt = holdAt;
        this.hold = hold;
    }

    public static String row(long i) {
        String[] kind = KINDS.get((int) (i % KINDS.size()));
        String issue = kind[1 + (int) ((i / KINDS.size()) % 4)];
        return "2024-0" + (1 + i % 9) + "-1" + (i % 9) + "," + "第" + i + "号" + issue + ",市民反映第" + (i % 977)
                + "小区" + issue + "，已有" + (i % 13) + "天，请尽快处理。," + kind[0] + ",区" + kind[0] + "部门\n";
    }

    @Override
    public int read() {
        if (!fill()) {
            return -1;
        }
        return chunk[at++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, chunk.length - at);
        System.arraycopy(chunk, at, b, off, n);
        at += n;
        return n;
    }

    private boolean fill() {
        while (at >= chunk.length) {
            if (next >= rows) {
                return false;
            }
            if (next == holdAt) {
                hold.run();
            }
            StringBuilder s = new StringBuilder();
            for (int k = 0; k < 200 && next < rows && (k == 0 || next != holdAt); k++) {
                s.append(row(next++));
            }
            chunk = s.toString().getBytes(StandardCharsets.UTF_8);
            at = 0;
        }
        return true;
    }
}

package cn.civicloop.knowledge.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.civicloop.classifier.SearchTerms;

/**
 * The reply review's checklist (ADR 0031): what a 信息员 looks for in a department's reply, each point with the
 * reason it was ticked or not — never a verdict. Reads the appeal and the reply only (no database); the form-letter
 * point is decided by {@link ReplyPrints}, which knows the other replies.
 */
public final class ReplyReview {

    /** How far the reply addresses the appeal's title: this share of its terms appearing in the reply. */
    static final double TOPIC_SHARE = 0.25;
    /** Words of an appeal's title that say nothing of its topic ("反映…问题", "希望…"). */
    static final Set<String> FILLER = Set.of("反映", "希望", "投诉", "请求", "咨询", "关于", "问题", "建议", "解决", "请问",
            "要求", "举报", "能否", "是否", "怎么", "为什么", "什么");

    /** A reply later than this after the appeal, when the case's deadline is not known, is late. */
    static final Duration DEFAULT_LIMIT = Duration.ofDays(15);

    private static final Pattern PLACE = Pattern.compile(
            "[\\p{IsHan}A-Za-z0-9]{1,8}?(?:路|街|巷|道|小区|社区|村|花园|家园|公寓|大厦|广场|市场|公园|学校|医院|苑|园|城|镇|湖|桥)");
    private static final Pattern DONE = Pattern.compile(
            "现场|核实|核查|调查|查看|勘查|检查|约谈|协调|处理|整改|清理|清运|维修|修复|更换|安装|拆除|责令|查处|督促|疏通|回访|沟通|走访|排查|执法|考察|申报|优化|施划|改造|调整|召开");
    private static final Pattern RESULT = Pattern.compile(
            "已(?:经)?(?:完成|修复|恢复|清理|清运|整改|解决|办结|拆除|安装|更换|疏通|处罚|罚款|停止|关闭|取缔|落实|发放|退还|补缴|到位|消除)|恢复正常|问题(?:已)?解决|处罚|罚款|结果|完毕|已建成|已批复|已于.{1,12}(?:完成|建成|批复|办理|安装|拆除|清理)|进行了|基本完成");
    private static final Pattern WHO = Pattern.compile(
            "局|街道|办事处|中队|大队|社区|居委会|村委|公司|物业|工作人员|执法人员|我单位|我局|我办|我委|我们|网格员|派出所|镇政府|镇");
    private static final Pattern WHEN = Pattern.compile(
            "\\d{1,2}月\\d{1,2}日|\\d{4}年|\\d{1,2}日|\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}|上午|下午|当天|当日|近日|目前");
    private static final Pattern CONTACT = Pattern.compile(
            "\\d{3,4}-?\\d{7,8}|1\\d{10}|\\d{7,8}|联系电话|咨询电话|电话|联系人|联系方式|热线");
    private static final Pattern REFUSAL = Pattern.compile(
            "不予|不属于|无法|不能|不符合|暂不|不在.{0,6}范围|驳回|不支持|不受理|不具备|不应|非我|不可以");
    private static final Pattern GROUNDS = Pattern.compile(
            "根据|依据|按照|依照|《[^》]{2,40}》|规定|条例|办法|第[一二三四五六七八九十百0-9]+条|政策|标准|法律|法规|职责清单|三定");
    private static final Pattern PROMISE = Pattern.compile(
            "将尽快|尽快处理|尽快解决|将及时|会尽快|将安排|将进一步|下一步将|将加强|将督促|将会同|将继续|将积极|正在研究|将予以");

    /** A point of the checklist: met or not, and why (the words that decided it). {@code null} means not applicable. */
    public record Point(String key, Boolean met, List<String> evidence) {
    }

    /**
     * The checklist of one reply.
     *
     * @param promiseOnly the reply promises ("将尽快处理") without saying anything was done or achieved
     */
    public record Checklist(Point topic, Point place, Point done, Point result, Point who, Point when, Point contact,
            Point grounds, Point timely, boolean empty, boolean promiseOnly) {

        public List<Point> points() {
            return List.of(topic, place, done, result, who, when, contact, grounds, timely);
        }

        /** How many of the applicable points are met (for the measurements; the page shows the points). */
        public int met() {
            return (int) points().stream().filter(p -> Boolean.TRUE.equals(p.met())).count();
        }

        public int applicable() {
            return (int) points().stream().filter(p -> p.met() != null).count();
        }
    }

    private ReplyReview() {
    }

    /**
     * @param due the case's deadline for the reply, {@code null} when not known ({@link #DEFAULT_LIMIT} after the
     *            appeal applies)
     */
    public static Checklist of(String appealTitle, String appealText, String reply, Instant appealAt,
            Instant repliedAt, Instant due) {
        return of(appealTitle, appealText, reply, appealAt, repliedAt, due, false);
    }

    /**
     * @param enquiry the appeal asks a question (咨询): the answer is the result, nothing need be "done", so the done
     *                and result points do not apply
     */
    public static Checklist of(String appealTitle, String appealText, String reply, Instant appealAt,
            Instant repliedAt, Instant due, boolean enquiry) {
        String r = reply == null ? "" : reply;
        // the reply's terms are cut once (segmentation is the review's dearest step) and serve both points
        List<String> replyTerms = SearchTerms.of(r);
        boolean empty = replyTerms.isEmpty();
        Point topic = topic(appealTitle, replyTerms);
        Point place = place(appealTitle + "\n" + (appealText == null ? "" : appealText), r);
        Point done = enquiry ? new Point("done", null, List.of()) : found("done", DONE, r);
        Point result = enquiry ? new Point("result", null, List.of()) : found("result", RESULT, r);
        Point who = found("who", WHO, r);
        Point when = found("when", WHEN, r);
        Point contact = found("contact", CONTACT, r);
        List<String> refusals = all(REFUSAL, r);
        List<String> cited = refusals.isEmpty() ? List.of() : all(GROUNDS, r);
        Point grounds = refusals.isEmpty() ? new Point("grounds", null, List.of())
                : new Point("grounds", !cited.isEmpty(), cited.isEmpty() ? refusals : cited);
        Point timely = timely(appealAt, repliedAt, due);
        boolean promiseOnly = !empty && !enquiry && !all(PROMISE, r).isEmpty() && result.met() != Boolean.TRUE
                && done.evidence().size() < 2;
        return new Checklist(topic, place, done, result, who, when, contact, grounds, timely, empty, promiseOnly);
    }

    /** The promise phrases of a reply, for the reason shown beside the flag. */
    public static List<String> promises(String reply) {
        return all(PROMISE, reply == null ? "" : reply);
    }

    private static Point topic(String title, List<String> replyTerms) {
        List<String> terms = SearchTerms.of(title).stream().filter(t -> !FILLER.contains(t)).toList();
        if (terms.isEmpty()) {
            return new Point("topic", null, List.of());
        }
        Set<String> inReply = new java.util.HashSet<>(replyTerms);
        List<String> shared = terms.stream().filter(inReply::contains).toList();
        return new Point("topic", (double) shared.size() / terms.size() >= TOPIC_SHARE,
                shared.stream().limit(6).toList());
    }

    private static Point place(String appeal, String reply) {
        List<String> places = all(PLACE, appeal);
        if (places.isEmpty()) {
            return new Point("place", null, List.of());
        }
        List<String> named = places.stream().filter(p -> reply.contains(tail(p))).toList();
        return new Point("place", !named.isEmpty(), named.isEmpty() ? places.stream().limit(3).toList() : named);
    }

    /** The last characters of a place name ("桂花路" of "A2区桂花路"): a reply often drops the prefix. */
    private static String tail(String place) {
        return place.length() <= 4 ? place : place.substring(place.length() - 4);
    }

    private static Point timely(Instant appealAt, Instant repliedAt, Instant due) {
        if (appealAt == null || repliedAt == null) {
            return new Point("timely", null, List.of());
        }
        Instant limit = due != null ? due : appealAt.plus(DEFAULT_LIMIT);
        long days = Duration.between(appealAt, repliedAt).toDays();
        return new Point("timely", !repliedAt.isAfter(limit), List.of(String.valueOf(days)));
    }

    private static Point found(String key, Pattern p, String text) {
        List<String> words = all(p, text);
        return new Point(key, !words.isEmpty(), words);
    }

    private static List<String> all(Pattern p, String text) {
        Set<String> words = new LinkedHashSet<>();
        Matcher m = p.matcher(text);
        while (m.find() && words.size() < 4) {
            words.add(m.group());
        }
        return new ArrayList<>(words);
    }
}

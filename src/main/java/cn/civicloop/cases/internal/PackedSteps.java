package cn.civicloop.cases.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import cn.civicloop.calendar.LimitUnit;
import cn.civicloop.cases.CaseAction;
import cn.civicloop.cases.CaseStatus;
import cn.civicloop.cases.ClockStage;
import cn.civicloop.cases.internal.sla.ClockState;

/**
 * The steps of an archived case as one value (ADR 0065): every column of every row of {@code cases_timeline}, ids
 * included, written compactly and deflated with a preset dictionary of the words every history repeats.
 * <p>
 * The first byte is the form's version. Version 1: a raw deflate stream (no zlib header: the dictionary is known by
 * the version, its checksum is not needed) over the count of steps and, per step, the id as a difference from the
 * previous one, the time as seconds since the previous step's and the nanoseconds, a byte of flags (which nullable
 * columns are present, the public flag) and then the columns, strings as their UTF-8 length and bytes, enums by name
 * (a renamed constant must keep reading, an ordinal would not). A version's dictionary never changes: stored values
 * are inflated with it for ever. A new dictionary (new words) is a new version, and the reader keeps the old ones.
 * Version 0 is the same without a dictionary: what the dictionary gains is measured against it.
 * <p>
 * Version 2 (ADR 0067): the dictionary of version 1, the steps as in version 1, then the case's stage clocks (the
 * row of {@code cases_clock}, which leaves that table when the case is packed): their count and, per clock, a byte
 * of the stage's and the unit's fixed codes, round, generation, a byte of flags (paused, stopped), the times (the number of the step taken
 * at that instant, or the seconds since the previous time written and the nanoseconds), the budget and the paused
 * seconds. A value of version 1 (packed before) holds no clocks: the case's row in {@code cases_clock} stayed.
 */
final class PackedSteps {

    /** The form written now: steps and clocks, dictionary 1. */
    static final byte VERSION = 2;

    /** Steps only, dictionary 1: still read. */
    static final byte STEPS_ONLY = 1;

    /** What a stored value holds: the steps, in id order, and the case's clocks (none in a value of version 1). */
    record Content(List<Timeline.Row> steps, List<ClockState> clocks) {
    }

    /**
     * The dictionary of version 1: the names that repeat in every case's steps (actions, statuses, roles, the kinds
     * of stored remarks with their bracket, channels, urgencies, satisfactions). Deflate finds a repeat up to 32 KB
     * back and codes a nearer one in fewer bits, so the most frequent words come last. Never edit: see above.
     */
    static final byte[] DICTIONARY_1 = String.join("",
            "MERGED_INTO[DUPLICATE_MERGED[PLACE_FIXED[LINKAGE_REGISTERED[LINKAGE_DIVERTED[FOOTAGE_REQUESTED[",
            "FOOTAGE_ANSWERED[OPINION_RESPONSE[ROAD_HANDED_OVER[HAZARD_ROUTED[FIXED_ON_SPOT[CONTACT_ERASED[]",
            "RETENTION_MASKED[]EXTENSION_REQUESTED[EXTENSION_APPROVED[AUTO_REGISTERED[AUTO_ROUTED[ESCALATED[",
            "AUTO_CLOSED[FOLLOW_UP_ANSWERED[true|SATISFIEDBASICALLY_SATISFIEDDISSATISFIED",
            "SUBMITTED[HOTLINE_12345|WEBSITE|WECHAT|NEWSPAPER|GRID_WORKER|BLOCK_POLICE|VILLAGE_AUX_POLICE|",
            "ROAD_CHIEF|ONLINE_OPINION|MEDIA_REPORTER|VIDEO_ALARM|POLICE_110|OPEN311|URGENT|NORMAL|PLACED|",
            "NOT_PLACED|TO_CONFIRM",
            "ASSIGN_UNITREASSIGNDENY_RETURNREQUEST_EXTENSIONAPPROVE_EXTENSIONDENY_EXTENSIONRESUMEREWORKVOID",
            "MERGECONTACTURGEACKNOWLEDGEADD_CO_HANDLERRELEASE_CO_HANDLERCO_SIGNCO_REPLYCO_RETURNARBITRATE",
            "CONFIRM_URGENCYREJECT_URGENCYMEDIA_SUPERVISIONCIRCULATESUPERVISEREMINDPLACENOTE",
            "POLICE_DISPATCHERPOLICE_OFFICERGRID_WORKEREVALUATION_OFFICERLEADERMEDIA_OFFICEROPINION_OFFICER",
            "ADMINDEPT_HEADTRIAGE_OFFICERRESIDENTSYSTEM",
            "PARKEDEXTENSION_REQUESTEDRETURN_REQUESTEDDECLINEDVOIDEDREOPENDECLINEANSWERRETURNREJECTPARK",
            "SUBMITSUBMITTEDREGISTERREGISTEREDOPERATORASSIGNASSIGNEDHANDLERSIGNIN_PROGRESSREPLYREPLIED",
            "APPROVEAWAITING_FOLLOW_UPFOLLOW_UPCLOSECLOSED").getBytes(StandardCharsets.US_ASCII);

    private static final int ACTOR = 1;
    private static final int FROM = 2;
    private static final int REASON = 4;
    private static final int DEPARTMENT = 8;
    private static final int PUBLIC = 16;
    private static final int ACTOR_DEPARTMENT = 32;

    private static final int PAUSED = 1;
    private static final int STOPPED = 2;

    private PackedSteps() {
    }

    /** The stored value of {@code rows} (in id order) and {@code clocks}, deflated with the current dictionary. */
    static byte[] pack(List<Timeline.Row> rows, List<ClockState> clocks) {
        return pack(rows, clocks, true);
    }

    /** The same, with or without the dictionary: what the dictionary gains is measured with both. */
    static byte[] pack(List<Timeline.Row> rows, List<ClockState> clocks, boolean dictionary) {
        byte[] raw = serialized(rows, clocks);
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            if (dictionary) {
                deflater.setDictionary(DICTIONARY_1);
            }
            deflater.setInput(raw);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 2 + 16);
            out.write(dictionary ? VERSION : 0);
            byte[] buffer = new byte[1024];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /** The steps of a stored value, in id order. */
    static List<Timeline.Row> unpack(byte[] stored) {
        return read(stored, 0).steps();
    }

    /** The steps and clocks of the stored value of case {@code caseId}. */
    static Content read(byte[] stored, long caseId) {
        if (stored.length == 0 || stored[0] < 0 || stored[0] > VERSION) {
            throw new IllegalStateException("packed steps of an unknown form: " + (stored.length == 0 ? "empty"
                    : "version " + stored[0]));
        }
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(stored, 1, stored.length - 1);
            if (stored[0] != 0) {
                inflater.setDictionary(DICTIONARY_1);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(stored.length * 4);
            byte[] buffer = new byte[1024];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalStateException("packed steps cut short");
                }
                out.write(buffer, 0, n);
            }
            // version 0 (measurement only) is written with clocks, as the current form is
            return deserialized(out.toByteArray(), stored[0] != STEPS_ONLY, caseId);
        } catch (DataFormatException e) {
            throw new IllegalStateException("packed steps unreadable", e);
        } finally {
            inflater.end();
        }
    }

    static byte[] serialized(List<Timeline.Row> rows, List<ClockState> clocks) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(rows.size() * 64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            unsigned(out, rows.size());
            long id = 0;
            long second = 0;
            for (Timeline.Row r : rows) {
                signed(out, r.id() - id);
                id = r.id();
                signed(out, r.at().getEpochSecond() - second);
                second = r.at().getEpochSecond();
                unsigned(out, r.at().getNano());
                int flags = (r.actorId() != null ? ACTOR : 0) | (r.from() != null ? FROM : 0)
                        | (r.reason() != null ? REASON : 0) | (r.departmentId() != null ? DEPARTMENT : 0)
                        | (r.publicEntry() ? PUBLIC : 0) | (r.actorDepartmentId() != null ? ACTOR_DEPARTMENT : 0);
                out.writeByte(flags);
                if (r.actorId() != null) {
                    signed(out, r.actorId());
                }
                text(out, r.actorName());
                text(out, r.actorRole());
                text(out, r.action().name());
                if (r.from() != null) {
                    text(out, r.from().name());
                }
                text(out, r.to().name());
                if (r.reason() != null) {
                    text(out, r.reason());
                }
                if (r.departmentId() != null) {
                    signed(out, r.departmentId());
                }
                if (r.actorDepartmentId() != null) {
                    signed(out, r.actorDepartmentId());
                }
            }
            unsigned(out, clocks.size());
            for (ClockState c : clocks) {
                out.writeByte(stageCode(c.stage()) << 2 | unitCode(c.unit()));
                unsigned(out, c.round());
                unsigned(out, c.generation());
                out.writeByte((c.pausedAt() != null ? PAUSED : 0) | (c.stoppedAt() != null ? STOPPED : 0));
                second = time(out, c.startedAt(), second, rows);
                second = time(out, c.dueAt(), second, rows);
                if (c.pausedAt() != null) {
                    second = time(out, c.pausedAt(), second, rows);
                }
                if (c.stoppedAt() != null) {
                    second = time(out, c.stoppedAt(), second, rows);
                }
                signed(out, c.budgetSeconds());
                signed(out, c.pausedSeconds());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static Content deserialized(byte[] raw, boolean withClocks, long caseId) {
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(raw))) {
            int count = (int) unsigned(in);
            List<Timeline.Row> rows = new ArrayList<>(count);
            long id = 0;
            long second = 0;
            for (int i = 0; i < count; i++) {
                id += signed(in);
                second += signed(in);
                Instant at = Instant.ofEpochSecond(second, unsigned(in));
                int flags = in.readUnsignedByte();
                Long actorId = (flags & ACTOR) != 0 ? signed(in) : null;
                String actorName = text(in);
                String actorRole = text(in);
                CaseAction action = CaseAction.valueOf(text(in));
                CaseStatus from = (flags & FROM) != 0 ? CaseStatus.valueOf(text(in)) : null;
                CaseStatus to = CaseStatus.valueOf(text(in));
                String reason = (flags & REASON) != 0 ? text(in) : null;
                Long department = (flags & DEPARTMENT) != 0 ? signed(in) : null;
                Long actorDepartment = (flags & ACTOR_DEPARTMENT) != 0 ? signed(in) : null;
                rows.add(new Timeline.Row(id, at, actorId, actorName, actorRole, action, from, to, reason, department,
                        (flags & PUBLIC) != 0, actorDepartment));
            }
            List<ClockState> clocks = new ArrayList<>();
            int clockCount = withClocks ? (int) unsigned(in) : 0;
            for (int i = 0; i < clockCount; i++) {
                int codes = in.readUnsignedByte();
                ClockStage stage = stage(codes >> 2);
                LimitUnit unit = unit(codes & 3);
                int round = (int) unsigned(in);
                int generation = (int) unsigned(in);
                int flags = in.readUnsignedByte();
                Instant started = time(in, second, rows);
                Instant due = time(in, started.getEpochSecond(), rows);
                second = due.getEpochSecond();
                Instant paused = null;
                if ((flags & PAUSED) != 0) {
                    paused = time(in, second, rows);
                    second = paused.getEpochSecond();
                }
                Instant stopped = null;
                if ((flags & STOPPED) != 0) {
                    stopped = time(in, second, rows);
                    second = stopped.getEpochSecond();
                }
                long budget = signed(in);
                long pausedSeconds = signed(in);
                clocks.add(new ClockState(caseId, stage, round, generation, unit, started, due, budget, paused,
                        pausedSeconds, stopped));
            }
            return new Content(rows, clocks);
        } catch (IOException e) {
            throw new IllegalStateException("packed steps unreadable", e);
        }
    }

    /**
     * A stage's code in the packed form: fixed numbers, never the enum's order or name, so that a new or renamed
     * stage never changes what a stored value means.
     */
    private static int stageCode(ClockStage stage) {
        return switch (stage) {
            case SIGN -> 1;
            case CONTACT -> 2;
            case HANDLE -> 3;
            case REVIEW -> 4;
            case FOLLOW_UP -> 5;
        };
    }

    private static ClockStage stage(int code) {
        return switch (code) {
            case 1 -> ClockStage.SIGN;
            case 2 -> ClockStage.CONTACT;
            case 3 -> ClockStage.HANDLE;
            case 4 -> ClockStage.REVIEW;
            case 5 -> ClockStage.FOLLOW_UP;
            default -> throw new IllegalStateException("packed clock of an unknown stage " + code);
        };
    }

    /** A unit's code in the packed form, as in {@code cases_clock}: 1 natural hours, 2 working hours, 3 working days. */
    private static int unitCode(LimitUnit unit) {
        return switch (unit) {
            case HOURS -> 1;
            case WORKING_HOURS -> 2;
            case WORKING_DAYS -> 3;
        };
    }

    private static LimitUnit unit(int code) {
        return switch (code) {
            case 1 -> LimitUnit.HOURS;
            case 2 -> LimitUnit.WORKING_HOURS;
            case 3 -> LimitUnit.WORKING_DAYS;
            default -> throw new IllegalStateException("packed clock of an unknown unit " + code);
        };
    }

    /**
     * A clock's instant: the number of the step taken at that very instant (1 for the first), which is how the clock
     * keeper writes every start, pause and stop (the step's own time); else 0, the seconds since {@code previous} and
     * the nanoseconds (a deadline). Returns its seconds, the next one's base.
     */
    private static long time(DataOutputStream out, Instant at, long previous, List<Timeline.Row> steps)
            throws IOException {
        for (int k = steps.size() - 1; k >= 0; k--) {
            if (steps.get(k).at().equals(at)) {
                unsigned(out, k + 1L);
                return at.getEpochSecond();
            }
        }
        unsigned(out, 0);
        signed(out, at.getEpochSecond() - previous);
        unsigned(out, at.getNano());
        return at.getEpochSecond();
    }

    private static Instant time(DataInputStream in, long previous, List<Timeline.Row> steps) throws IOException {
        int step = (int) unsigned(in);
        if (step > 0) {
            return steps.get(step - 1).at();
        }
        long second = previous + signed(in);
        return Instant.ofEpochSecond(second, unsigned(in));
    }

    /** A zig-zag varint: small differences of either sign take one or two bytes. */
    private static void signed(DataOutputStream out, long v) throws IOException {
        unsigned(out, (v << 1) ^ (v >> 63));
    }

    private static long signed(DataInputStream in) throws IOException {
        long u = unsigned(in);
        return (u >>> 1) ^ -(u & 1);
    }

    private static void unsigned(DataOutputStream out, long v) throws IOException {
        while ((v & ~0x7FL) != 0) {
            out.writeByte((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.writeByte((int) v);
    }

    private static long unsigned(DataInputStream in) throws IOException {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = in.readUnsignedByte();
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new IOException("varint too long");
    }

    private static void text(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        unsigned(out, b.length);
        out.write(b);
    }

    private static String text(DataInputStream in) throws IOException {
        byte[] b = new byte[(int) unsigned(in)];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}

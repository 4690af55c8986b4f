package cn.civicloop.security.internal.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * How one audit row is sealed: {@code mac = HMAC-SM3(key, previous mac || 0x1e || canonical row)}, hex. The canonical
 * row joins, with 0x1f between them, the key id, sequence number, time in epoch milliseconds, actor, action, target,
 * outcome, detail and client address (a missing value is 0x00). Whoever can write the database but lacks the key
 * cannot write a row, or change one, that verifies.
 */
public final class AuditChain {

    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    public static String mac(byte[] key, String prevMac, String keyId, long seq, Instant at, String actor,
            String action, String target, String outcome, String detail, String clientAddress) {
        HMac hmac = new HMac(new SM3Digest());
        hmac.init(new KeyParameter(key));
        byte[] prev = prevMac.getBytes(StandardCharsets.US_ASCII);
        hmac.update(prev, 0, prev.length);
        hmac.update((byte) 0x1e);
        byte[] row = canonical(keyId, seq, at, actor, action, target, outcome, detail, clientAddress)
                .getBytes(StandardCharsets.UTF_8);
        hmac.update(row, 0, row.length);
        byte[] out = new byte[hmac.getMacSize()];
        hmac.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }

    static String canonical(String keyId, long seq, Instant at, String actor, String action, String target,
            String outcome, String detail, String clientAddress) {
        return String.join("\u001f", keyId, Long.toString(seq), Long.toString(at.toEpochMilli()), n(actor), action,
                n(target), outcome, n(detail), n(clientAddress));
    }

    /** The unkeyed SHA-256 chain rows were written with before the keyed chain (read only by the migration). */
    public static String legacySha256(String prevHash, long seq, Instant at, String actor, String action,
            String target, String outcome, String detail, String clientAddress) {
        String content = String.join("\u001f", prevHash, Long.toString(seq), Long.toString(at.toEpochMilli()),
                n(actor), action, n(target), outcome, n(detail), n(clientAddress));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is part of every JRE", ex);
        }
    }

    private static String n(String s) {
        return s == null ? "\u0000" : s;
    }
}

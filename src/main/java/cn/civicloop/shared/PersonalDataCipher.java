package cn.civicloop.shared;

/**
 * Personal data at rest (商用密码, GB/T 39786): a resident's name, phone and address, a 110 caller, a message's
 * recipient and a member of staff's phone are stored sealed with SM4-GCM, column by column; a phone is found again
 * through its keyed SM3 hash, never through its clear value. Each module seals what it writes and opens what it reads
 * with this bean; the keys are the security module's (configuration or a key file, never the database).
 * <p>
 * A stored value reads {@code sm4:<key id>:<base64url of nonce, ciphertext and tag>}; a value without that prefix is
 * a row written before sealing (or masked for good) and is returned as it is. See {@link SealedColumns} for the
 * batch that seals the older rows and re-seals under a new key.
 */
public interface PersonalDataCipher {

    /** Every sealed value starts with this. */
    String PREFIX = "sm4:";

    /** The value sealed under the current key; {@code null} and blank stay as they are. */
    String seal(String clear);

    /** The clear value of a stored one; a value that is not sealed is returned unchanged. */
    String open(String stored);

    /**
     * The keyed SM3 hash (HMAC-SM3, hex) of a phone number's digits (a leading 86 country code dropped), the one
     * lookup key of a phone; {@code null} when the text holds no digit.
     */
    String phoneHash(String phone);

    /** Whether {@code stored} is sealed under the current key (the batch re-seals everything else). */
    boolean sealedWithCurrentKey(String stored);
}

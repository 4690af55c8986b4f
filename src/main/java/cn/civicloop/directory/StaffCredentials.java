package cn.civicloop.directory;

import java.util.Optional;

/**
 * The stored credentials of staff accounts (人员账号), for the module that checks logins. The directory keeps each
 * account's password hash with the account and hashes new passwords; it checks no login, issues nothing and keeps no
 * session: that is the caller's business.
 */
public interface StaffCredentials {

    /** The account with this username, active or not; empty for an unknown name. */
    Optional<StaffAccount> byUsername(String username);

    /** The account with this id, active or not. */
    Optional<StaffAccount> byId(long staffId);

    /**
     * The holder of the account sets his own password (the caller checked his current one): stored hashed, the
     * obligation to change an initial or reset password is lifted, and {@link StaffCredentialsChanged} ends what was
     * issued on the old one. Refused with an {@link cn.civicloop.shared.InvalidInputException} on field
     * {@code newPassword} when the password does not meet the password policy.
     */
    void changeOwnPassword(long staffId, String newPassword);

    /** The clear TOTP secret (Base32, RFC 6238) of this account, empty while its holder has not enrolled. */
    Optional<String> totpSecret(long staffId);

    /**
     * Stores the TOTP secret (Base32) its holder has just confirmed with a code: sealed with SM4, never in clear; a
     * previous secret is replaced.
     */
    void setTotpSecret(long staffId, String base32Secret);

    /**
     * A staff account as a login sees it.
     *
     * @param actor        who the account acts as: id, name, roles, department
     * @param passwordHash the stored hash in the delegating encoder's format ({@code {bcrypt}…}); never shown
     * @param active       false when an admin deactivated the account: it may not log in
     * @param mustChangePassword true for an initial or reset password: its holder must choose his own before doing
     *                     anything else
     * @param passwordChangedAt when the password was last set (its age for the expiry of the password policy)
     */
    record StaffAccount(Actor actor, String passwordHash, boolean active, boolean mustChangePassword,
            java.time.Instant passwordChangedAt) {

        @Override
        public String toString() {
            return "StaffAccount[" + actor.username() + ", active=" + active + "]";
        }
    }
}

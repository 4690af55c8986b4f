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
     * A staff account as a login sees it.
     *
     * @param actor        who the account acts as: id, name, roles, department
     * @param passwordHash the stored hash in the delegating encoder's format ({@code {bcrypt}…}); never shown
     * @param active       false when an admin deactivated the account: it may not log in
     */
    record StaffAccount(Actor actor, String passwordHash, boolean active) {

        @Override
        public String toString() {
            return "StaffAccount[" + actor.username() + ", active=" + active + "]";
        }
    }
}

package cn.civicloop.directory;

/**
 * A security administrator created a staff account, changed it (roles, department, active) or reset its password:
 * for the audit, with the account as it was and as it is. Published synchronously inside the changing transaction.
 *
 * @param staffId  the account
 * @param username its username
 * @param by       the username of who changed it
 * @param change   {@code CREATED}, {@code CHANGED} or {@code PASSWORD_RESET}
 * @param before   the account before (roles, department, active), empty when created; never a password or hash
 * @param after    the account after
 */
public record StaffAccountChanged(long staffId, String username, String by, String change, String before,
        String after) {
}

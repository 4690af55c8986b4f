package cn.civicloop.directory;

/**
 * A staff member's password was changed or reset, his roles or department changed, or the account was deactivated:
 * whatever was issued on the old credentials (API tokens, page sessions) must stop working. Published synchronously inside the changing transaction, so a listener that
 * revokes does it in the same commit.
 *
 * @param staffId the account whose credentials changed
 */
public record StaffCredentialsChanged(long staffId) {
}

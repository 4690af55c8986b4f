package cn.civicloop.directory.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Settings of the directory ({@code civicloop.directory.*}): the data files an empty directory is filled from on the
 * first start, and whether its staff accounts are the demo's. A directory that has rows is never touched again, so
 * admins' edits survive restarts.
 *
 * @param areasFile    the area tree as CSV {@code code,name,level,parent_code}; default: the demo district's
 * @param seedFile     departments, units and (demo) staff with their roles, as YAML; default: the demo district's
 * @param demoAccounts true (the {@code demo} and {@code test} profiles only): the staff of {@code seedFile} are
 *                     loaded with their published password. False (production): no account of the file is loaded,
 *                     only {@code initialAdmin}; and the application refuses to start while any account holds a
 *                     known demo password
 * @param initialAdmin the one account an empty production directory starts with
 * @param passwordCost the bcrypt cost (log2 of its rounds) new password hashes are made with; 10, the cost of the
 *                     stored hashes, unless a deployment decides otherwise (a hash keeps its own cost, so a change
 *                     applies to passwords set afterwards). The tests lower it: they log in thousands of times
 */
@ConfigurationProperties("civicloop.directory")
@Validated
record DirectoryProperties(@NotNull @DefaultValue("classpath:org/demo/areas.csv") Resource areasFile,
        @NotNull @DefaultValue("classpath:directory/demo-directory.yml") Resource seedFile,
        @DefaultValue("false") boolean demoAccounts, @Valid @DefaultValue InitialAdmin initialAdmin,
        @Min(4) @Max(16) @DefaultValue("10") int passwordCost) {

    /**
     * The security administrator an empty production directory gets (who then creates the other accounts). His
     * password is given at install time and must be changed at his first login.
     *
     * @param username    default {@code secadmin}
     * @param displayName default 安全管理员
     * @param password    the initial password (env {@code CIVICLOOP_ADMIN_PASSWORD}); required on an empty
     *                    production database, ignored once the directory has staff
     */
    record InitialAdmin(@NotBlank @Pattern(regexp = "[A-Za-z0-9._-]+") @DefaultValue("secadmin") String username,
            @NotBlank @DefaultValue("安全管理员") String displayName, @DefaultValue("") String password) {

        @Override
        public String toString() {
            return "InitialAdmin[" + username + "]";
        }
    }
}

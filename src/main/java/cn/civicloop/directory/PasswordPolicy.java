package cn.civicloop.directory;

import java.util.List;

import cn.civicloop.shared.Phrase;
import cn.civicloop.shared.Phrase;

/**
 * The password policy the directory applies whenever it stores a new password (the holder's own change, a new account,
 * a security administrator's reset). Its settings belong to the security module, which provides the implementation.
 */
public interface PasswordPolicy {

    /** What is wrong with {@code password} under this policy, each reason a phrase of the bundles; empty: it passes. */
    List<Phrase> problems(String password);

    /** How many of the last passwords, the current one included, a new one may not repeat; 0: none is checked. */
    int history();

    /** True: a password set by a security administrator must be changed by its holder at his first login. */
    boolean firstLoginChange();
}

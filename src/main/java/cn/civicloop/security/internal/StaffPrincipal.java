package cn.civicloop.security.internal;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import cn.civicloop.directory.Actor;

/**
 * A logged-in staff member as Spring Security sees him; roles become {@code ROLE_*} authorities. Serialized into the
 * shared page session (Spring Session JDBC); the password hash is transient, so it never reaches the session table.
 */
public final class StaffPrincipal implements UserDetails {

    private static final long serialVersionUID = 1L;

    private final Actor actor;
    private final transient String passwordHash;
    private final boolean active;
    private final boolean mustChangePassword;
    /** True between a right password and the TOTP code of an account that needs one: no role yet, no page. */
    private final boolean secondFactorPending;

    StaffPrincipal(Actor actor, String passwordHash, boolean active, boolean mustChangePassword) {
        this(actor, passwordHash, active, mustChangePassword, false);
    }

    private StaffPrincipal(Actor actor, String passwordHash, boolean active, boolean mustChangePassword,
            boolean secondFactorPending) {
        this.actor = actor;
        this.passwordHash = passwordHash;
        this.active = active;
        this.mustChangePassword = mustChangePassword;
        this.secondFactorPending = secondFactorPending;
    }

    /** The same member of staff, waiting for his TOTP code (he holds no authority but {@link #PENDING}). */
    StaffPrincipal pendingSecondFactor() {
        return new StaffPrincipal(actor, passwordHash, active, mustChangePassword, true);
    }

    /** The same member of staff once his TOTP code was accepted. */
    StaffPrincipal secondFactorDone() {
        return new StaffPrincipal(actor, passwordHash, active, mustChangePassword, false);
    }

    /** The only authority of a login waiting for its second factor. */
    public static final String PENDING = "TOTP_PENDING";

    public boolean secondFactorPending() {
        return secondFactorPending;
    }

    /** True while an initial or reset password has not been replaced by its holder: nothing else is allowed. */
    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    public Actor actor() {
        return actor;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        if (secondFactorPending) {
            return List.of(new SimpleGrantedAuthority(PENDING));
        }
        List<GrantedAuthority> authorities = actor.roles().stream()
                .map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
        return authorities;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return actor.username();
    }

    @Override
    public boolean isEnabled() {
        return active;
    }
}

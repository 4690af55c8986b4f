package cn.civicloop.security.internal;

import java.util.Optional;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

import cn.civicloop.directory.StaffCredentials;

/** The staff accounts of the directory as Spring Security's users: the form login and the token door look them up here. */
@Component
class StaffLogins implements UserDetailsService {

    private final StaffCredentials credentials;

    StaffLogins(StaffCredentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return principal(username).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }

    Optional<StaffPrincipal> principal(String username) {
        return credentials.byUsername(username).map(StaffPrincipal::of);
    }

    Optional<StaffPrincipal> principal(long staffId) {
        return credentials.byId(staffId).map(StaffPrincipal::of);
    }
}

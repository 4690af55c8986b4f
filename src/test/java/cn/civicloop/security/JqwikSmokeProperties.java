package cn.civicloop.security;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class JqwikSmokeProperties {
    @Property(tries = 10)
    boolean smoke(@ForAll int x) {
        return x == x;
    }
}

package cn.civicloop.planning;

/** How the hypercube model is solved. */
public enum HypercubeMethod {
    /** Larson's 1975 approximation: N equations, any fleet up to 62 units, milliseconds. */
    APPROXIMATION,
    /** The 2^N balance equations: exact, only for small fleets ({@code civicloop.planning.exact-max-units}). */
    EXACT
}

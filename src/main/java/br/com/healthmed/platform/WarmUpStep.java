package br.com.healthmed.platform;

/**
 * Work that {@code platform.graphql.WarmUp} repeats a few hundred times before the instance opens its
 * port, so the first real requests do not run it cold (class loading, JIT). It must change nothing:
 * run it on made-up input that is refused. A module contributes one as a bean for what only it can
 * exercise (identity: the ES256 check of an access token with one of its key ids).
 */
public interface WarmUpStep {

    /** Runs once per warm-up round; exceptions end the warm-up early (logged), nothing else. */
    void run(int round);
}

package dev.cuddlies.infra;

import java.util.List;

/** A genome that cannot be transcribed; each problem names its field. */
public final class GenomeException extends Exception {

    private final List<String> problems;

    public GenomeException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}

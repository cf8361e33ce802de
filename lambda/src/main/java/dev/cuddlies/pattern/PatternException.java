package dev.cuddlies.pattern;

/** An outline that cannot become a sewable pattern at the requested size; the message is for the user. */
public final class PatternException extends Exception {
    public PatternException(String message) {
        super(message);
    }
}

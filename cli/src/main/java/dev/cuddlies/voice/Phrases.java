package dev.cuddlies.voice;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Expands the source's phrase notation into plain phrases: {@code (a|b|)} is one of the alternatives
 * (an empty one makes the group optional), {@code [name]} is every phrase of a word list, and
 * {@code {slot}} is passed through. Whitespace is collapsed; duplicates are dropped, order is kept.
 */
final class Phrases {

    private final Function<String, List<String>> wordList;

    /** @param wordList the phrases of a word list by name; throws for an unknown name */
    Phrases(Function<String, List<String>> wordList) {
        this.wordList = wordList;
    }

    static Phrases withLists(Map<String, List<String>> lists) {
        return new Phrases(name -> {
            List<String> words = lists.get(name);
            if (words == null) {
                throw new IllegalArgumentException("unknown word list [" + name + "]");
            }
            return words;
        });
    }

    List<String> expand(String notation) {
        Set<String> out = new LinkedHashSet<>();
        for (String raw : alternatives(notation, 0, notation.length())) {
            String phrase = raw.replaceAll("\\s+", " ").trim();
            if (!phrase.isEmpty()) {
                out.add(phrase);
            }
        }
        return new ArrayList<>(out);
    }

    /** Every string the notation between {@code from} and {@code to} stands for. */
    private List<String> alternatives(String s, int from, int to) {
        List<String> results = List.of("");
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            if (c == '(') {
                int close = matching(s, i, to);
                List<String> options = new ArrayList<>();
                for (int[] part : topLevelParts(s, i + 1, close)) {
                    options.addAll(alternatives(s, part[0], part[1]));
                }
                results = product(results, options);
                i = close + 1;
            } else if (c == '[') {
                int close = s.indexOf(']', i);
                if (close < 0 || close > to) {
                    throw new IllegalArgumentException("unclosed [ in: " + s);
                }
                results = product(results, wordList.apply(s.substring(i + 1, close)));
                i = close + 1;
            } else if (c == ')' || c == '|' || c == ']') {
                throw new IllegalArgumentException("unexpected '" + c + "' at " + i + " in: " + s);
            } else {
                int next = i;
                while (next < to && "()[]|".indexOf(s.charAt(next)) < 0) {
                    next++;
                }
                results = product(results, List.of(s.substring(i, next)));
                i = next;
            }
        }
        return results;
    }

    private static int matching(String s, int open, int to) {
        int depth = 0;
        for (int i = open; i < to; i++) {
            if (s.charAt(i) == '(') {
                depth++;
            } else if (s.charAt(i) == ')' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unclosed ( in: " + s);
    }

    private static List<int[]> topLevelParts(String s, int from, int to) {
        List<int[]> parts = new ArrayList<>();
        int depth = 0;
        int start = from;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                parts.add(new int[] {start, i});
                start = i + 1;
            }
        }
        parts.add(new int[] {start, to});
        return parts;
    }

    private static List<String> product(List<String> heads, List<String> tails) {
        List<String> out = new ArrayList<>(heads.size() * tails.size());
        for (String h : heads) {
            for (String t : tails) {
                out.add(h + t);
            }
        }
        return out;
    }
}

package dev.cuddlies.outline.internal;

import java.util.Arrays;

/** A growable list of ints without boxing; also serves as the stack of flood fills. */
final class IntList {

    private int[] items = new int[256];
    private int size;

    void add(int v) {
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
        }
        items[size++] = v;
    }

    int pop() {
        return items[--size];
    }

    int get(int i) {
        return items[i];
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    void clear() {
        size = 0;
    }

    int[] toArray() {
        return Arrays.copyOf(items, size);
    }
}

package org.residencymatch.engine;

import java.util.Arrays;

/**
 * The ids of one kind (applicants, program streams or couples), each numbered once, in the order
 * first seen: its <em>symbol</em>. A reader of a large instance interns every id it meets here
 * straight from its own character buffer, so an id met a hundred times is one {@code String}, made
 * the first time, and each later meeting costs one hash of a few characters and one comparison,
 * with no allocation and no boxing; references are then resolved by symbol, through {@code int}
 * arrays (see {@link MatchInstanceBuilder}).
 *
 * <p>Open addressing with linear probing over power-of-two tables at most half full. An id of at
 * most 7 characters, each below U+0100 (every id of a generated or a real instance), is packed into
 * one {@code long} with its length and found in a table of such keys: one comparison of two longs
 * on one cache line, which is most of what a national instance costs to read. Any other id is
 * found by its hash in a second table and compared character by character with a copy kept in one
 * array, without going through a {@code String}. Not thread-safe while ids are added; {@link #find(String)} on a
 * table no longer added to (an instance's copy) is safe from any thread.
 */
public final class IdTable {

    /** The symbol of an absent id (a JSON {@code null}, a missing field). */
    public static final int NULL = -1;

    private String[] names;
    private int[] hashes;
    private int[] charStart;
    private char[] chars;
    private int charCount;
    /** Symbol + 1 at each slot, 0 for an empty slot; the length is a power of two. Ids that do not pack. */
    private int[] slots;
    /** Packed ids: the key at {@code 2 * slot}, symbol + 1 at {@code 2 * slot + 1} (0: empty slot). */
    private long[] packedSlots;
    private int packedShift;
    private int packedCount;
    private int size;
    /** For {@link #intern(String)}: the characters of the id, copied once. */
    private char[] scratch = new char[32];

    public IdTable() {
        this(64);
    }

    /** A table sized for about {@code expected} ids (it grows as needed). */
    public IdTable(int expected) {
        int capacity = Math.max(16, Integer.highestOneBit(Math.max(1, expected) * 2 - 1) * 2);
        slots = new int[capacity];
        packedSlots = new long[2 * capacity];
        packedShift = 64 - Integer.numberOfTrailingZeros(capacity);
        int items = Math.max(8, expected);
        names = new String[items];
        hashes = new int[items];
        charStart = new int[items + 1];
        chars = new char[items * 8];
    }

    private IdTable(IdTable from) {
        names = Arrays.copyOf(from.names, from.size);
        hashes = Arrays.copyOf(from.hashes, from.size);
        charStart = Arrays.copyOf(from.charStart, from.size + 1);
        chars = Arrays.copyOf(from.chars, from.charCount);
        charCount = from.charCount;
        slots = from.slots.clone();
        packedSlots = from.packedSlots.clone();
        packedShift = from.packedShift;
        packedCount = from.packedCount;
        generalCount = from.generalCount;
        size = from.size;
        scratch = new char[0];
    }

    /** A copy holding the same ids under the same symbols, for reading only. */
    IdTable frozenCopy() {
        return new IdTable(this);
    }

    /** How many ids the table holds; their symbols are {@code 0 .. size()-1}. */
    public int size() {
        return size;
    }

    /** The id of a symbol. */
    public String id(int symbol) {
        return names[symbol];
    }

    /**
     * The symbol of the id made of {@code length} characters of {@code buffer} from {@code offset},
     * added if it is new. The buffer is only read during the call.
     */
    public int intern(char[] buffer, int offset, int length) {
        long packed = pack(buffer, offset, length);
        if (packed != NOT_PACKED) {
            return internPacked(packed, buffer, offset, length);
        }
        int hash = 0;
        for (int i = 0; i < length; i++) {
            hash = 31 * hash + buffer[offset + i];
        }
        int mask = slots.length - 1;
        int slot = spread(hash) & mask;
        for (int taken = slots[slot]; taken != 0; taken = slots[slot]) {
            int symbol = taken - 1;
            if (hashes[symbol] == hash && sameChars(symbol, buffer, offset, length)) {
                return symbol;
            }
            slot = (slot + 1) & mask;
        }
        int symbol = add(hash, buffer, offset, length);
        slots[slot] = symbol + 1;
        if (++generalCount * 2 > slots.length) {
            rehash(slots.length * 2);
        }
        return symbol;
    }

    private int generalCount;

    private static final long NOT_PACKED = -1L;

    /** The id as one long (length in the top byte, then one byte a character), or {@link #NOT_PACKED}. */
    private static long pack(char[] buffer, int offset, int length) {
        if (length > 7) {
            return NOT_PACKED;
        }
        long packed = length;
        for (int i = 0; i < length; i++) {
            char c = buffer[offset + i];
            if (c > 0xFF) {
                return NOT_PACKED;
            }
            packed = (packed << 8) | c;
        }
        return packed << (8 * (7 - length));
    }

    private static long pack(String id) {
        int length = id.length();
        if (length > 7) {
            return NOT_PACKED;
        }
        long packed = length;
        for (int i = 0; i < length; i++) {
            char c = id.charAt(i);
            if (c > 0xFF) {
                return NOT_PACKED;
            }
            packed = (packed << 8) | c;
        }
        return packed << (8 * (7 - length));
    }

    private int packedSlot(long packed) {
        return (int) ((packed * 0x9E3779B97F4A7C15L) >>> packedShift);
    }

    /** The slot that holds the packed id, or the empty slot where it would go. */
    private int probePacked(long packed) {
        long[] table = packedSlots;
        int mask = table.length / 2 - 1;
        int slot = packedSlot(packed);
        while (table[2 * slot + 1] != 0 && table[2 * slot] != packed) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private int internPacked(long packed, char[] buffer, int offset, int length) {
        int slot = probePacked(packed);
        long taken = packedSlots[2 * slot + 1];
        if (taken != 0) {
            return (int) taken - 1;
        }
        int symbol = add(0, buffer, offset, length);
        packedSlots[2 * slot] = packed;
        packedSlots[2 * slot + 1] = symbol + 1L;
        int capacity = packedSlots.length / 2;
        if (++packedCount * 2 > capacity) {
            rehashPacked(2 * capacity);
        }
        return symbol;
    }

    private int findPacked(long packed) {
        long taken = packedSlots[2 * probePacked(packed) + 1];
        return taken == 0 ? NULL : (int) taken - 1;
    }

    private void rehashPacked(int capacity) {
        long[] old = packedSlots;
        packedSlots = new long[2 * capacity];
        packedShift = 64 - Integer.numberOfTrailingZeros(capacity);
        int mask = capacity - 1;
        for (int i = 0; i < old.length; i += 2) {
            if (old[i + 1] != 0) {
                int slot = packedSlot(old[i]);
                while (packedSlots[2 * slot + 1] != 0) {
                    slot = (slot + 1) & mask;
                }
                packedSlots[2 * slot] = old[i];
                packedSlots[2 * slot + 1] = old[i + 1];
            }
        }
    }

    /** The symbol of an id, added if it is new; {@link #NULL} for {@code null}. */
    public int intern(String id) {
        if (id == null) {
            return NULL;
        }
        int length = id.length();
        if (scratch.length < length) {
            scratch = new char[Math.max(length, scratch.length * 2)];
        }
        id.getChars(0, length, scratch, 0);
        return intern(scratch, 0, length);
    }

    /** The symbol of an id, or {@link #NULL} when the table does not hold it (or the id is {@code null}). */
    public int find(String id) {
        if (id == null) {
            return NULL;
        }
        long packed = pack(id);
        if (packed != NOT_PACKED) {
            return findPacked(packed);
        }
        int length = id.length();
        int hash = id.hashCode();
        int mask = slots.length - 1;
        int slot = spread(hash) & mask;
        for (int taken = slots[slot]; taken != 0; taken = slots[slot]) {
            int symbol = taken - 1;
            if (hashes[symbol] == hash && charStart[symbol + 1] - charStart[symbol] == length && id.equals(names[symbol])) {
                return symbol;
            }
            slot = (slot + 1) & mask;
        }
        return NULL;
    }

    private boolean sameChars(int symbol, char[] buffer, int offset, int length) {
        int start = charStart[symbol];
        if (charStart[symbol + 1] - start != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (chars[start + i] != buffer[offset + i]) {
                return false;
            }
        }
        return true;
    }

    /** A new symbol for the id (placed in a table by the caller). */
    private int add(int hash, char[] buffer, int offset, int length) {
        int symbol = size;
        if (symbol == names.length) {
            int grown = Math.max(8, symbol * 2);
            names = Arrays.copyOf(names, grown);
            hashes = Arrays.copyOf(hashes, grown);
            charStart = Arrays.copyOf(charStart, grown + 1);
        }
        if (charCount + length > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(chars.length * 2, charCount + length));
        }
        System.arraycopy(buffer, offset, chars, charCount, length);
        charCount += length;
        charStart[symbol + 1] = charCount;
        names[symbol] = new String(buffer, offset, length);
        hashes[symbol] = hash;
        size++;
        return symbol;
    }

    private void rehash(int capacity) {
        int[] grown = new int[capacity];
        int mask = capacity - 1;
        for (int symbol = 0; symbol < size; symbol++) {
            if (pack(chars, charStart[symbol], charStart[symbol + 1] - charStart[symbol]) != NOT_PACKED) {
                continue;
            }
            int slot = spread(hashes[symbol]) & mask;
            while (grown[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            grown[slot] = symbol + 1;
        }
        slots = grown;
    }

    private static int spread(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}

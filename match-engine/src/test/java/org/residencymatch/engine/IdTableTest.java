package org.residencymatch.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The symbol table the instance reader interns ids into: one symbol per distinct id, in order first seen. */
class IdTableTest {

    @Test
    void oneSymbolPerDistinctIdInTheOrderFirstSeen() {
        IdTable table = new IdTable(4);
        assertThat(table.intern("A1")).isZero();
        assertThat(table.intern("27447")).isEqualTo(1);
        assertThat(table.intern("A1")).isZero();
        assertThat(table.intern("")).isEqualTo(2);
        assertThat(table.intern("")).isEqualTo(2);
        assertThat(table.intern((String) null)).isEqualTo(IdTable.NULL);
        assertThat(table.size()).isEqualTo(3);
        assertThat(table.id(1)).isEqualTo("27447");
        assertThat(table.find("27447")).isEqualTo(1);
        assertThat(table.find("2744")).isEqualTo(IdTable.NULL);
        assertThat(table.find(null)).isEqualTo(IdTable.NULL);
    }

    @Test
    void idsWithTheSameHashAreTold() {
        // "Aa" and "BB" have the same String.hashCode, as have "AaAa", "AaBB", "BBAa" and "BBBB".
        IdTable table = new IdTable();
        // Ids of up to 7 characters are packed into a long, longer ones are hashed: both kinds.
        List<String> colliding = List.of("Aa", "BB", "AaAa", "AaBB", "BBAa", "BBBB",
                "AaAaAaAa", "AaAaAaBB", "BBBBBBBB", "BBBBAaAa", "ΩAa", "ΩBB");
        for (String id : colliding) {
            table.intern(id);
        }
        for (int i = 0; i < colliding.size(); i++) {
            assertThat(table.intern(colliding.get(i))).isEqualTo(i);
            assertThat(table.find(colliding.get(i))).isEqualTo(i);
        }
        assertThat(table.find("AaA")).isEqualTo(IdTable.NULL);
        assertThat(table.find("AaAaAaA")).isEqualTo(IdTable.NULL);
        assertThat(table.find("AaAaAaAaA")).isEqualTo(IdTable.NULL);
        assertThat(table.find("ΩA")).isEqualTo(IdTable.NULL);
    }

    @Test
    void readsAnIdFromTheMiddleOfABuffer() {
        IdTable table = new IdTable();
        char[] buffer = "xxA12yyA1zz".toCharArray();
        int a12 = table.intern(buffer, 2, 3);
        int a1 = table.intern(buffer, 7, 2);
        assertThat(table.id(a12)).isEqualTo("A12");
        assertThat(table.id(a1)).isEqualTo("A1");
        assertThat(table.intern("A1")).isEqualTo(a1);
        // The buffer is only read: changing it afterwards changes nothing.
        buffer[2] = 'Z';
        assertThat(table.find("A12")).isEqualTo(a12);
    }

    @Test
    void agreesWithAMapOnManyIdsAsItGrows() {
        SplittableRandom random = new SplittableRandom(13);
        IdTable table = new IdTable(2);
        Map<String, Integer> expected = new HashMap<>();
        List<String> inOrder = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            String id = randomId(random);
            Integer known = expected.get(id);
            int symbol = random.nextBoolean() ? table.intern(id) : table.intern(("#" + id + "#").toCharArray(), 1, id.length());
            if (known == null) {
                known = inOrder.size();
                expected.put(id, known);
                inOrder.add(id);
            }
            assertThat(symbol).isEqualTo(known);
        }
        assertThat(table.size()).isEqualTo(inOrder.size());
        for (int s = 0; s < inOrder.size(); s++) {
            assertThat(table.id(s)).isEqualTo(inOrder.get(s));
            assertThat(table.find(inOrder.get(s))).isEqualTo(s);
        }
        IdTable copy = table.frozenCopy();
        for (int s = 0; s < inOrder.size(); s += 97) {
            assertThat(copy.find(inOrder.get(s))).isEqualTo(s);
            assertThat(copy.id(s)).isEqualTo(inOrder.get(s));
        }
        assertThat(copy.find("not an id")).isEqualTo(IdTable.NULL);
    }

    private static String randomId(SplittableRandom random) {
        return switch (random.nextInt(6)) {
            case 0 -> "A" + random.nextInt(60_000);
            case 1 -> Integer.toString(random.nextInt(20_000));
            case 2 -> "é\"" + random.nextInt(300);
            case 3 -> "APPLICANT-" + random.nextInt(30_000);
            case 4 -> "Ω" + random.nextInt(10_000);
            default -> random.nextBoolean() ? "" : " " + (char) ('a' + random.nextInt(26));
        };
    }
}

package org.residencymatch.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an H2 file database acknowledged survives the process dying at once afterwards (as after
 * {@code kill -9}): a child JVM commits rows one transaction at a time through {@link Database#open}
 * and halts without any shutdown; every row is there when the file is opened again. With H2's default
 * write delay the child's commits were all lost (the file did not even have the table).
 */
class H2DurabilityTest {

    @TempDir
    Path temp;

    @Test
    @Tag("long") // a child JVM that commits with a durable write and halts, as after kill -9: run by .ci/run and `mvn -Plong verify`
    void everyCommitBeforeAHaltIsInTheFile() throws Exception {
        String url = "jdbc:h2:file:" + temp.resolve("db").toAbsolutePath() + Database.H2_POSTGRES_MODE;
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"), Writer.class.getName(), url)
                .redirectErrorStream(true).redirectOutput(temp.resolve("child.log").toFile()).start();
        assertThat(child.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(child.exitValue()).as(Files.readString(temp.resolve("child.log"))).isEqualTo(Writer.HALTED);
        try (Database db = Database.open(url, "sa", "", null)) {
            List<Integer> ids = db.jdbi()
                    .withHandle(h -> h.createQuery("SELECT id FROM durability_probe ORDER BY id").mapTo(Integer.class).list());
            assertThat(ids).hasSize(Writer.ROWS);
        }
    }

    @Test
    void onlyH2FileUrlsAreMadeDurable() {
        assertThat(Database.durable("jdbc:h2:file:/x/db;MODE=PostgreSQL")).isEqualTo("jdbc:h2:file:/x/db;MODE=PostgreSQL;WRITE_DELAY=0");
        assertThat(Database.durable("jdbc:h2:file:/x/db;write_delay=100")).isEqualTo("jdbc:h2:file:/x/db;write_delay=100");
        assertThat(Database.durable("jdbc:h2:mem:x")).isEqualTo("jdbc:h2:mem:x");
        assertThat(Database.durable("jdbc:postgresql://127.0.0.1/test")).isEqualTo("jdbc:postgresql://127.0.0.1/test");
    }

    /** The child: commits {@link #ROWS} rows, one transaction each, then halts the JVM (no shutdown hook, no close). */
    public static final class Writer {
        static final int ROWS = 20;
        static final int HALTED = 42;

        public static void main(String[] args) {
            Database db = Database.open(args[0], "sa", "", null);
            db.jdbi().useHandle(h -> h.execute("CREATE TABLE durability_probe (id INTEGER PRIMARY KEY)"));
            for (int i = 0; i < ROWS; i++) {
                int id = i;
                db.jdbi().useTransaction(h -> h.execute("INSERT INTO durability_probe (id) VALUES (?)", id));
            }
            Runtime.getRuntime().halt(HALTED);
        }
    }
}

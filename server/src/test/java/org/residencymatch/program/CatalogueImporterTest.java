package org.residencymatch.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.residencymatch.Services;
import org.residencymatch.store.DatabaseTest;
import org.residencymatch.store.TestDatabase;
import org.residencymatch.tabular.RowProblem;

@DatabaseTest
class CatalogueImporterTest {

    private Services services;

    @BeforeEach
    void setUp() {
        services = Services.start(TestDatabase.fresh());
    }

    @AfterEach
    void tearDown() {
        services.close();
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = CatalogueImporterTest.class.getResourceAsStream("/catalogue/" + name)) {
            return in.readAllBytes();
        }
    }

    private List<ProgramStream> streams() {
        return services.database().jdbi().withHandle(h -> services.programs().streams(h, "2025-R1"));
    }

    private int count(String table) {
        return services.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Integer.class).one());
    }

    @Test
    void importsThe815RealStreamsWithTypesAndProvinces() throws Exception {
        var summary = services.catalogueImporter().importFile("2025-R1", "r1-2025-program-streams.csv",
                resource("r1-2025-program-streams.csv"), "test");

        assertThat(summary.created()).isEqualTo(815);
        List<ProgramStream> streams = streams();
        assertThat(streams).hasSize(815);
        Map<String, ProgramStream> byId = streams.stream().collect(Collectors.toMap(ProgramStream::streamId, Function.identity()));
        assertThat(byId.get("27447").province()).isEqualTo(Province.NL);
        assertThat(byId.get("27447").type()).isEqualTo(StreamType.CMG);
        assertThat(byId.get("27032").province()).isEqualTo(Province.QC);
        assertThat(byId.get("27032").type()).isEqualTo(StreamType.REGULAR_FOR_ALL);
        assertThat(streams.stream().map(ProgramStream::facultyId).distinct()).hasSize(18);
        assertThat(streams.stream().filter(s -> s.type() == StreamType.IMG)).hasSize(185);
        assertThat(streams.stream().filter(ProgramStream::includesMilitary)).hasSize(49 + 39 + 5);
        assertThat(count("discipline")).isEqualTo(37);
        assertThat(services.cycles().find("2025-R1")).get().satisfies(c -> assertThat(c.phases()).hasSize(16));
    }

    @Test
    void readsTheExcelFileToTheSameCatalogue() throws Exception {
        services.catalogueImporter().importFile("2025-R1", "r1-2025-program-streams.csv", resource("r1-2025-program-streams.csv"), "test");
        List<ProgramStream> fromCsv = streams();

        var summary = services.catalogueImporter().importFile("2025-R1", "r1-2025-program-streams.xlsx",
                resource("r1-2025-program-streams.xlsx"), "test");

        assertThat(summary.rows()).isEqualTo(815);
        assertThat(summary.unchanged()).isEqualTo(815);
        assertThat(streams()).isEqualTo(fromCsv);
    }

    @Test
    void importingAgainUpdatesAndNeverDuplicates() throws Exception {
        byte[] csv = resource("r1-2025-program-streams.csv");
        services.catalogueImporter().importFile("2025-R1", "a.csv", csv, "test");
        String changed = new String(csv, StandardCharsets.UTF_8).replace(",27447,St. John's - CMG Stream for CMG,",
                ",27447,St. John's - CMG Stream for CMG (renamed),");

        var summary = services.catalogueImporter().importFile("2025-R1", "a.csv", changed.getBytes(StandardCharsets.UTF_8), "test");

        assertThat(summary.created()).isZero();
        assertThat(summary.updated()).isEqualTo(1);
        assertThat(count("program_stream")).isEqualTo(815);
        assertThat(count("audit_log")).isEqualTo(2);
    }

    @Test
    void readsAnOptionalQuotaColumnAndKeepsQuotasWithoutIt() throws Exception {
        String withQuota = """
                discipline_id;discipline_name;school_id;school_name;program_stream_id;program_site;program_stream;quota
                13;Anesthesiology;1;Université Laval;9001;Québec;Regular Stream for All;4
                """;
        services.catalogueImporter().importFile("2025-R1", "q.csv", withQuota.getBytes(StandardCharsets.UTF_8), "test");
        assertThat(streams()).singleElement().satisfies(s -> assertThat(s.quota()).isEqualTo(4));

        services.catalogueImporter().importFile("2025-R1", "q.csv",
                withQuota.replace(";quota", "").replace(";4", "").getBytes(StandardCharsets.UTF_8), "test");
        assertThat(streams()).singleElement().satisfies(s -> assertThat(s.quota()).isEqualTo(4));
    }

    @Test
    void refusesTheWholeFileNamingEveryRowColumnAndReason() throws Exception {
        String bad = """
                discipline_id,discipline_name,school_id,school_name,program_stream_id,program_site,program_stream
                13,Anesthesiology,1,Memorial University of Newfoundland,9001,St. John's,CMG Stream for CMG
                13,Anesthesiology,2,Hogwarts School of Medicine,9002,Nowhere,CMG Stream for CMG
                x13,Anesthesiology,3,Dalhousie University,9003,Halifax,CMG Stream for CMG
                13,Anesthesiology,4,Dalhousie University,9004,Halifax,Wizard Stream for All
                13,Anesthesiology,1,Memorial University of Newfoundland,9001,St. John's,CMG Stream for CMG
                """;

        assertThatThrownBy(
                () -> services.catalogueImporter().importFile("2025-R1", "bad.csv", bad.getBytes(StandardCharsets.UTF_8), "test"))
                .isInstanceOfSatisfying(CatalogueImportException.class, e -> assertThat(e.problems()).containsExactly(
                        new RowProblem("bad.csv", 3, "school_name",
                                "unknown faculty \"Hogwarts School of Medicine\"; the known faculties are the 18 Canadian faculties of medicine"),
                        new RowProblem("bad.csv", 4, "discipline_id", "\"x13\" is not a whole number"),
                        new RowProblem("bad.csv", 5, "program_stream",
                                "unknown stream name \"Wizard Stream for All\"; add it to program/stream-names.csv with its stream type"),
                        new RowProblem("bad.csv", 6, "program_stream_id", "program stream 9001 already appears in row 2")));
        assertThat(count("program_stream")).isZero();
        assertThat(count("cycle")).isZero();
    }

    @Test
    void refusesACellWithAControlCharacterOrADirectionOverrideAndRemovesZeroWidthCharacters() throws Exception {
        String bad = "discipline_id,discipline_name,school_id,school_name,program_stream_id,program_site,program_stream\n"
                + "13,Anesthesiology,1,Memorial University of Newfoundland,9001,St. John\u202E's,CMG Stream for CMG\n"
                + "13,Anesthesi\u0085ology,1,Memorial University of Newfoundland,9002,St. John's,CMG Stream for CMG\n";
        assertThatThrownBy(() -> services.catalogueImporter().importFile("2025-R1", "c.csv", bad.getBytes(StandardCharsets.UTF_8), "test"))
                .isInstanceOfSatisfying(CatalogueImportException.class, e -> assertThat(e.problems()).containsExactly(
                        new RowProblem("c.csv", 2, "program_site",
                                "holds an invisible character that reverses the direction of the text (U+202E); retype it"),
                        new RowProblem("c.csv", 3, "discipline_name", "holds an invisible control character (U+0085); retype it")));
        assertThat(count("program_stream")).isZero();

        String zeroWidth = "discipline_id,discipline_name,school_id,school_name,program_stream_id,program_site,program_stream\n"
                + "13,Anesthe\u200Bsiology,1,Memorial University of Newfoundland,9001,St. John's,CMG Stream for CMG\n";
        services.catalogueImporter().importFile("2025-R1", "z.csv", zeroWidth.getBytes(StandardCharsets.UTF_8), "test");
        String discipline = services.database().jdbi().withHandle(h -> h.createQuery("SELECT name FROM discipline WHERE id = 13")
                .mapTo(String.class).one());
        assertThat(discipline).isEqualTo("Anesthesiology");
    }

    @Test
    void refusesAFileWithAMissingColumn() {
        String missing = "discipline_id,discipline_name,school_name,program_stream_id,program_site,program_stream\n13,A,Dalhousie University,1,Halifax,CMG Stream for CMG\n";

        assertThatThrownBy(
                () -> services.catalogueImporter().importFile("2025-R1", "m.csv", missing.getBytes(StandardCharsets.UTF_8), "test"))
                .isInstanceOfSatisfying(CatalogueImportException.class, e -> assertThat(e.problems())
                        .containsExactly(new RowProblem("m.csv", 1, "school_id", "this column is missing")));
    }

    @Test
    void refusesAFileThatIsNotATable() {
        assertThatThrownBy(() -> services.catalogueImporter().importFile("2025-R1", "empty.csv", new byte[0], "test"))
                .isInstanceOf(CatalogueImportException.class)
                .hasMessageContaining("empty.csv: the file is empty");
    }
}

package org.residencymatch.tabular;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CsvExportTest {

    @Test
    void cellsThatASpreadsheetWouldRunAsFormulasAreNeutralised() {
        assertThat(CsvExport.row(List.of("=HYPERLINK(\"http://evil\")", "+1", "-2", "@SUM(A1)", "O'Brien-Lévesque", "a,b", "")))
                .isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\")\",'+1,'-2,'@SUM(A1),O'Brien-Lévesque,\"a,b\",\r\n");
    }

    @Test
    void aSemicolonIsQuotedEvenInACommaSeparatedFileSoThatFrenchExcelDoesNotSplitIt() {
        assertThat(CsvExport.row(List.of("Tremblay; Émilie", "x"))).isEqualTo("\"Tremblay; Émilie\",x\r\n");
        assertThat(CsvExport.row(CsvExport.SEMICOLON, List.of("a,b", "c;d", "e"))).isEqualTo("\"a,b\";\"c;d\";e\r\n");
    }

    @Test
    void aDocumentStartsWithAByteOrderMarkAndItsHeader() {
        assertThat(CsvExport.document(CsvExport.SEMICOLON, List.of("Nom", "Prénom"), List.of(List.of("=1", "a;b"))))
                .isEqualTo("\uFEFFNom;Prénom\r\n'=1;\"a;b\"\r\n");
    }

    /** Any cells, with either separator, read back by a CSV parser as the same cells, none of them a formula. */
    @Property(tries = 500)
    void anyRowReadsBackAsItsCellsAndNeverAsAFormula(@ForAll("cells") List<String> cells, @ForAll("separators") char separator)
            throws IOException {
        String line = CsvExport.row(separator, cells);
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(separator).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(line), format)) {
            List<CSVRecord> records = parser.getRecords();
            assertThat(records).hasSize(1);
            assertThat(records.get(0).toList()).isEqualTo(cells.stream().map(CsvExport::neutralised).toList());
            for (String value : records.get(0).toList()) {
                assertThat(value).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-").doesNotStartWith("@")
                        .doesNotStartWith("\t").doesNotStartWith("\r");
            }
        }
    }

    @Provide
    Arbitrary<List<String>> cells() {
        // Text made mostly of what matters to CSV and to spreadsheets, plus any character at all.
        Arbitrary<String> tricky = Arbitraries.strings().withChars(",;\"\r\n\t=+-@' aé").ofMaxLength(12);
        Arbitrary<String> anything = Arbitraries.strings().all().ofMaxLength(12);
        return Arbitraries.oneOf(tricky, anything).list().ofMinSize(1).ofMaxSize(6);
    }

    @Provide
    Arbitrary<Character> separators() {
        return Arbitraries.of(CsvExport.COMMA, CsvExport.SEMICOLON);
    }
}

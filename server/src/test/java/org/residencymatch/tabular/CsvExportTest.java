package org.residencymatch.tabular;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvExportTest {

    @Test
    void cellsThatASpreadsheetWouldRunAsFormulasAreNeutralised() {
        assertThat(CsvExport.row(List.of("=HYPERLINK(\"http://evil\")", "+1", "-2", "@SUM(A1)", "O'Brien-Lévesque", "a,b", "")))
                .isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\")\",'+1,'-2,'@SUM(A1),O'Brien-Lévesque,\"a,b\",\r\n");
    }
}

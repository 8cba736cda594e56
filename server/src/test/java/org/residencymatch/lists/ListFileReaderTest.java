package org.residencymatch.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.residencymatch.eligibility.ListKind;

class ListFileReaderTest {

    @Test
    void aDuplicateIsReportedAgainstTheFirstRowUnderTheFirstKeyItSharesAndOnlyRowsNotYetDuplicatesStandForTheirKeys() {
        String m1 = Identifiers.mincFor(1), m2 = Identifiers.mincFor(2), m3 = Identifiers.mincFor(3), m4 = Identifiers.mincFor(4);
        String csv = String.join("\n",
                "Applicant ID,MINC,Family name,Given names,Date of birth",
                "A1," + m1 + ",Roy,Ana,1990-01-01",
                "A2," + m1 + ",Côté,Bo,1990-01-02", // row 3: the MINC of row 2
                "A1," + m2 + ",Xu,Yi,1990-01-03", // row 4: the applicant id of row 2 (its MINC is now taken)
                "A3," + m3 + ",cote,BO,1990-01-02", // row 5: the person of row 3, which a duplicate does not stand for
                "A4," + m4 + ",ROY,ana,1990-01-01", // row 6: the person of row 2
                "A5," + m2 + ",Li,Jo,1990-01-04", // row 7: the MINC of row 4
                "A3," + Identifiers.mincFor(5) + ",Ma,Al,1990-01-05"); // row 8: the applicant id of row 5

        ListFileException refused = catchThrowableOfType(ListFileException.class,
                () -> ListFileReader.read(ListKind.AIMG, "aimg.csv", csv.getBytes(StandardCharsets.UTF_8)));

        assertThat(refused.problems()).extracting(ListProblem::code).containsOnly("DUPLICATE_ROW");
        assertThat(refused.problems()).extracting(p -> p.row() + "<" + p.args().get(0))
                .containsExactly("3<2", "4<2", "6<2", "7<4", "8<5");
    }

    @Test
    void theSamePersonWithAnotherMccCodeOrAPartialOneIsStillFoundByNameAndBirth() {
        String csv = String.join("\n",
                "Family name,Given names,Date of birth,MCC candidate code",
                "Haddad,Amira,1988-02-29,4000000001",
                "Haddad,Amira,1988-02-29,400000000", // row 3: a partial code is no key; the person is
                "Nguyen,Wei,1991-07-01,4000000001"); // row 4: the full code of row 2

        ListFileException refused = catchThrowableOfType(ListFileException.class,
                () -> ListFileReader.read(ListKind.BCIMG, "bcimg.csv", csv.getBytes(StandardCharsets.UTF_8)));

        assertThat(refused.problems()).extracting(p -> p.row() + "<" + p.args().get(0)).isEqualTo(List.of("3<2", "4<2"));
    }

    @Test
    void cellsGoThroughTheTextPolicyDirectionOverridesAndC1ControlsAreRefusedZeroWidthCharactersRemoved() throws Exception {
        String header = "Family name,Given names,Date of birth";
        ListFileException override = catchThrowableOfType(ListFileException.class, () -> ListFileReader.read(ListKind.QIMG, "qimg.csv",
                (header + ",Contingent\nHaddad,\u202EAmira,1988-02-29,Régulier").getBytes(StandardCharsets.UTF_8)));
        assertThat(override.problems()).extracting(p -> p.row() + " " + p.column() + " " + p.code())
                .containsExactly("2 Given names DIRECTION_OVERRIDE");
        ListFileException c1 = catchThrowableOfType(ListFileException.class, () -> ListFileReader.read(ListKind.QIMG, "qimg.csv",
                (header + ",Contingent\nHad\u0085dad,Amira,1988-02-29,Régulier").getBytes(StandardCharsets.UTF_8)));
        assertThat(c1.problems()).extracting(p -> p.row() + " " + p.column() + " " + p.code())
                .containsExactly("2 Family name CONTROL_CHARACTER");

        ListFileReader.Result read = ListFileReader.read(ListKind.QIMG, "qimg.csv",
                (header + ",Contingent\nHad\u200Bdad,Le\u0301a,1988-02-29,Régulier").getBytes(StandardCharsets.UTF_8));
        assertThat(read.rows()).singleElement().satisfies(row -> {
            assertThat(row.familyName()).isEqualTo("Haddad");
            assertThat(row.givenNames()).isEqualTo("L\u00e9a");
        });
    }

    @Test
    void aRowWithADayAbove12SettlesHowTheOtherDatesAreReadAndTheResultSaysWhich() throws Exception {
        String csv = String.join("\n", "Family name,Given names,Date of birth", "Roy,Ana,03/04/1990", "Xu,Yi,25/12/1991",
                "Li,Jo,1992-01-02");

        ListFileReader.Result read = ListFileReader.read(ListKind.AIMG, "aimg.csv", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(read.rows()).extracting(ListRow::dateOfBirth).containsExactly(java.time.LocalDate.of(1990, 4, 3),
                java.time.LocalDate.of(1991, 12, 25), java.time.LocalDate.of(1992, 1, 2));
        assertThat(read.dateOrder())
                .isEqualTo(new DateOrderPolicy.Decision(DateOrder.DAY_MONTH, DateOrderPolicy.Reason.FILE, 3, "25/12/1991"));
        ListFileReader.Result said = ListFileReader.read(ListKind.AIMG, "aimg.csv", csv.getBytes(StandardCharsets.UTF_8),
                DateOrder.DAY_MONTH);
        assertThat(said.dateOrder().reason()).isEqualTo(DateOrderPolicy.Reason.STATED);

        ListFileException mixed = catchThrowableOfType(ListFileException.class, () -> ListFileReader.read(ListKind.AIMG, "aimg.csv",
                (csv + "\nMa,Al,12/25/1993").getBytes(StandardCharsets.UTF_8)));
        // Both orders proved: the file is refused once for it, and its ambiguous date once more, never guessed.
        assertThat(mixed.problems()).extracting(p -> p.row() + " " + p.code()).containsExactly("0 DATE_ORDERS_CONFLICT",
                "2 AMBIGUOUS_DATE");
        ListFileException contradicted = catchThrowableOfType(ListFileException.class, () -> ListFileReader.read(ListKind.AIMG, "aimg.csv",
                csv.getBytes(StandardCharsets.UTF_8), DateOrder.MONTH_DAY));
        assertThat(contradicted.problems()).extracting(p -> p.row() + " " + p.code()).containsExactly("3 DATE_NOT_MONTH_DAY");
    }
}

package org.residencymatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.residencymatch.applicant.Identity;
import org.residencymatch.store.DatabaseTest;
import org.residencymatch.web.TestServer;
import picocli.CommandLine;

/** The operator's list commands against a running service. */
@DatabaseTest
class ListsCommandTest {

    static final String TOKEN = "cli-test-token";
    @RegisterExtension
    static final TestServer web = TestServer.demo().withBootstrapToken(TOKEN);

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** Runs {@code lists ARGS} against the service; {@link #out} and {@link #err} hold what this run printed. */
    private int lists(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine commandLine = ResidencyMatchCli.newCommandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 5];
        all[0] = "lists";
        System.arraycopy(args, 0, all, 1, args.length);
        System.arraycopy(new String[]{"--url", "http://localhost:" + web.port(), "--token", TOKEN}, 0, all, args.length + 1, 4);
        return commandLine.execute(all);
    }

    @Test
    void uploadCommitRevertAndHistoryFromTheCommandLine() throws Exception {
        Identity patel = web.services().profiles().identity("A-2002").orElseThrow();
        Path file = dir.resolve("aimg.csv");
        Files.writeString(file, "MINC,Family name,Given names,Date of birth,MMI score\n"
                + patel.minc() + "," + patel.familyName() + "," + patel.givenNames() + "," + patel.dateOfBirth() + ",90\n");

        assertThat(lists("upload", "--cycle", "2025-R1", "--kind", "AIMG", file.toString())).as(err.toString()).isZero();
        Matcher id = Pattern.compile("\"uploadId\" : (\\d+)").matcher(out.toString());
        assertThat(id.find()).as(out.toString()).isTrue();
        assertThat(lists("commit", "--cycle", "2025-R1", "--kind", "AIMG", "--upload", id.group(1))).as(err.toString()).isZero();
        assertThat(out.toString()).contains("\"version\" : 2");
        assertThat(lists("revert", "--cycle", "2025-R1", "--kind", "AIMG", "--to-version", "1")).as(err.toString()).isZero();
        assertThat(lists("history", "--cycle", "2025-R1", "--kind", "AIMG")).isZero();
        assertThat(out.toString()).contains("\"revertedTo\" : 1");
    }

    @Test
    void aRefusedFileIsExplainedRowByRowInTheChosenLanguageWithANonZeroExit() throws Exception {
        Path file = dir.resolve("bci.csv");
        Files.write(file,
                "Nom;Prénom;Date de naissance;Contingent\r\nX;Y;03/04/1990;Régulier\r\n".getBytes(Charset.forName("windows-1252")));

        int exit = lists("upload", "--cycle", "2025-R1", "--kind", "QIMG", "--lang", "fr", file.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("row 2, column \"Date de naissance\": « 03/04/1990 » peut se lire jour/mois ou mois/jour");
    }

    @Test
    void probableRowsAreListedReviewedAndThenCommittedFromTheCommandLine() throws Exception {
        // Without keys (no MINC, no applicant id), name and date of birth only give probable matches.
        Identity first = web.services().profiles().identity("A-2004").orElseThrow(),
                second = web.services().profiles().identity("A-2015").orElseThrow();
        Path file = dir.resolve("qimg.csv");
        Files.writeString(file, "Nom de famille;Prénom(s);Date de naissance;Contingent\r\n"
                + first.familyName() + ";" + first.givenNames() + ";" + first.dateOfBirth() + ";Régulier\r\n"
                + second.familyName() + ";" + second.givenNames() + ";" + second.dateOfBirth() + ";Régulier\r\n");
        assertThat(lists("upload", "--cycle", "2025-R1", "--kind", "QIMG", file.toString())).as(err.toString()).isZero();
        Matcher id = Pattern.compile("\"uploadId\" : (\\d+)").matcher(out.toString());
        assertThat(id.find()).as(out.toString()).isTrue();
        String[] upload = {"--cycle", "2025-R1", "--kind", "QIMG", "--upload", id.group(1)};

        assertThat(lists(with(upload, "rows"))).as(err.toString()).isZero();
        assertThat(out.toString().lines()).as(out.toString()).hasSize(3);
        assertThat(out.toString()).startsWith("row  outcome   review    family name")
                .containsPattern(
                        "(?m)^2    PROBABLE  AWAITING  " + first.familyName() + " +" + first.givenNames() + " +" + first.dateOfBirth()
                                + " +- +- +- +" + first.applicantId() + " +name and date of birth agree$")
                .containsPattern("(?m)^3    PROBABLE  AWAITING  " + second.familyName() + ".* " + second.applicantId() + " ");

        assertThat(lists(with(upload, "commit"))).isEqualTo(1);
        assertThat(err.toString()).contains("refused (HTTP 409): 2 row(s) await review");

        assertThat(lists(with(upload, "review", "--row", "99", "--confirm"))).isEqualTo(1);
        assertThat(err.toString()).contains("refused (HTTP 404): no row of upload " + id.group(1) + " \"99\"");
        assertThat(lists(with(upload, "review", "--row", "2", "--confirm", "--applicant", "A-9999"))).isEqualTo(1);
        assertThat(err.toString()).contains("refused (HTTP 400): confirm row 2 as one of its candidates [" + first.applicantId() + "]");
        assertThat(lists(with(upload, "review", "--row", "2", "--confirm", "--reject"))).isEqualTo(2);
        assertThat(err.toString()).contains("mutually exclusive");

        assertThat(lists(with(upload, "review", "--row", "2", "--confirm"))).as(err.toString()).isZero();
        assertThat(out.toString()).contains("\"awaitingReview\" : 1");
        assertThat(lists(with(upload, "review", "--row", "3", "--reject"))).as(err.toString()).isZero();
        assertThat(out.toString()).contains("\"awaitingReview\" : 0");

        assertThat(lists(with(upload, "rows", "--lang", "fr"))).isZero();
        assertThat(out.toString()).isEqualTo("aucune ligne n’attend de vérification" + System.lineSeparator());
        assertThat(lists(with(upload, "rows", "--outcome", "probable"))).isZero();
        assertThat(out.toString()).containsPattern("(?m)^2    PROBABLE  CONFIRMED " + first.applicantId() + " ")
                .containsPattern("(?m)^3    PROBABLE  REJECTED  ");
        assertThat(lists(with(upload, "rows", "--outcome", "PROBABLE", "--json"))).isZero();
        assertThat(out.toString()).contains("\"reviewedApplicantId\" : \"" + first.applicantId() + "\"");

        assertThat(lists(with(upload, "commit"))).as(err.toString()).isZero();
        assertThat(out.toString()).contains("\"uploadId\" : " + id.group(1));
    }

    /** The subcommand and its options, then the options naming the upload. */
    private static String[] with(String[] upload, String... command) {
        return Stream.concat(Arrays.stream(command), Arrays.stream(upload)).toArray(String[]::new);
    }
}

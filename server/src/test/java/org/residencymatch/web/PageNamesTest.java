package org.residencymatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.residencymatch.program.FrenchNames;
import org.residencymatch.program.ProgramStream;
import org.residencymatch.program.Province;
import org.residencymatch.program.StreamType;

/** Catalogue names in the reader's language: French where the project has a translation, else English marked as such. */
class PageNamesTest {

    private static final Page FRENCH = new Page(Messages.of("fr"), "csrf", null, "/", "titre");
    private static final Page ENGLISH = new Page(Messages.of("en"), "csrf", null, "/", "title");

    private static ProgramStream laval(int disciplineId, String discipline, String streamName) {
        return new ProgramStream("1", "P", "LAVAL", "Laval University", "Université Laval", Province.QC, disciplineId, discipline, "Québec",
                streamName, StreamType.REGULAR_FOR_ALL, false, false, 2, null);
    }

    @Test
    void aTranslatedNameIsShownInFrenchWithoutALangAttribute() {
        ProgramStream s = laval(13, "Anesthesiology", "Québec - Regular Stream for All");
        assertThat(FRENCH.discipline(s)).isEqualTo(new Page.Name("Anesthésiologie", null));
        assertThat(FRENCH.streamName(s)).as("the site stays as published")
                .isEqualTo(new Page.Name("Québec - Volet régulier, ouvert à tous", null));
        assertThat(ENGLISH.discipline(s)).isEqualTo(new Page.Name("Anesthesiology", null));
        assertThat(ENGLISH.streamName(s)).isEqualTo(new Page.Name("Québec - Regular Stream for All", null));
    }

    @Test
    void aNameWithoutTranslationStaysEnglishAndIsMarkedEnglishOnAFrenchPage() {
        ProgramStream s = laval(9999, "Space Medicine", "Québec - Orbital Stream for Astronauts");
        assertThat(FRENCH.discipline(s)).isEqualTo(new Page.Name("Space Medicine", "en"));
        assertThat(FRENCH.streamName(s)).isEqualTo(new Page.Name("Québec - Orbital Stream for Astronauts", "en"));
        assertThat(FRENCH.discipline(9999, "Space Medicine")).isEqualTo(new Page.Name("Space Medicine", "en"));
    }

    @Test
    void everyDisciplineOfThe2025CatalogueAndEveryStreamNameHasAFrenchName() throws Exception {
        var catalogue = new String(PageNamesTest.class.getResourceAsStream("/catalogue/r1-2025-disciplines.csv").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        catalogue.lines().skip(1).filter(l -> !l.isBlank()).forEach(line -> {
            int id = Integer.parseInt(line.substring(0, line.indexOf(',')).strip());
            assertThat(FrenchNames.discipline(id)).as("discipline %s", line).isPresent();
        });
        var names = new String(PageNamesTest.class.getResourceAsStream("/program/stream-names.csv").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        names.lines().skip(1).forEach(line -> assertThat(FrenchNames.stream(line.substring(0, line.indexOf(',')))).as(line).isPresent());
    }

    private static ProgramStream site(String facultyName, String facultyNameFr, String site) {
        return new ProgramStream("2", "P", "F", facultyName, facultyNameFr, Province.PE, 27, "Family Medicine", site,
                site + " - CMG Stream for CMG", StreamType.CMG, false, false, 1, null);
    }

    @Test
    void aSiteIsShownInFrenchWhereTheProjectNamesItElseAsPublishedMarkedEnglishUnlessItsFacultyNamesItsSitesInFrench() {
        ProgramStream pei = site("Dalhousie University", "Université Dalhousie", "Prince Edward Island");
        assertThat(FRENCH.site(pei)).isEqualTo(new Page.Name("Île-du-Prince-Édouard", null));
        assertThat(FRENCH.streamName(pei)).as("the stream's name starts with its site")
                .isEqualTo(new Page.Name("Île-du-Prince-Édouard - Volet DMC, pour les DMC", null));
        assertThat(ENGLISH.site(pei)).isEqualTo(new Page.Name("Prince Edward Island", null));
        assertThat(ENGLISH.streamName(pei)).isEqualTo(new Page.Name("Prince Edward Island - CMG Stream for CMG", null));

        ProgramStream network = site("University of Saskatchewan", "Université de la Saskatchewan", "U Saskatchewan_Network-U of Manitoba");
        assertThat(FRENCH.site(network)).as("no French name: English, marked").isEqualTo(new Page.Name(network.site(), "en"));
        assertThat(ENGLISH.site(network)).isEqualTo(new Page.Name(network.site(), null));

        ProgramStream montreal = site("Université de Montréal", "Université de Montréal", "Hochelaga-Maisonneuve");
        assertThat(FRENCH.site(montreal)).as("named in French by its faculty").isEqualTo(new Page.Name("Hochelaga-Maisonneuve", null));
        assertThat(FRENCH.site("Urban and Rural", false)).isEqualTo(new Page.Name("Urbain et rural", null));
    }
}

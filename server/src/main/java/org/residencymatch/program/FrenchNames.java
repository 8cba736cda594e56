package org.residencymatch.program;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The French names of the catalogue's disciplines, stream names and sites. The catalogue is published in English
 * only; these are the project's working translations ({@code program/discipline-names-fr.csv}, after the French
 * names of the specialties as the Royal College and the CFPC publish them, the {@code stream_name_fr} column
 * of {@code program/stream-names.csv}, and {@code program/site-names-fr.csv} for the sites whose name is a French
 * place name or plain words, such as "Prince Edward Island"), a data change to correct. A name without one is
 * shown in English, marked as English for screen readers.
 */
public final class FrenchNames {

    private static final Map<Integer, String> DISCIPLINES = loadDisciplines();
    /** The French names by the English names of the disciplines the service ships ({@code catalogue/r1-2025-disciplines.csv}). */
    private static final Map<String, String> BY_ENGLISH_NAME = loadByEnglishName();
    private static final Map<String, String> SITES = loadSites();

    private FrenchNames() {
    }

    public static Optional<String> discipline(int disciplineId) {
        return Optional.ofNullable(DISCIPLINES.get(disciplineId));
    }

    /** For tallies kept by name (the match statistics): the French name of a discipline published under this English name. */
    public static Optional<String> disciplineNamed(String englishName) {
        return Optional.ofNullable(BY_ENGLISH_NAME.get(englishName));
    }

    public static Optional<String> stream(String englishName) {
        return StreamNames.standard().meaningOf(englishName).map(StreamNames.Meaning::frenchName).filter(name -> !name.isBlank());
    }

    /** The French name of a site as the catalogue publishes it, where the project has one. */
    public static Optional<String> site(String englishName) {
        return Optional.ofNullable(SITES.get(englishName));
    }

    private static Map<String, String> loadSites() {
        Map<String, String> names = new HashMap<>();
        for (CSVRecord record : csv("/program/site-names-fr.csv")) names.put(record.get("site").strip(), record.get("site_fr").strip());
        return Map.copyOf(names);
    }

    private static Map<Integer, String> loadDisciplines() {
        Map<Integer, String> names = new HashMap<>();
        for (CSVRecord record : csv("/program/discipline-names-fr.csv")) {
            names.put(Integer.parseInt(record.get("discipline_id").strip()), record.get("discipline_fr").strip());
        }
        return Map.copyOf(names);
    }

    private static Map<String, String> loadByEnglishName() {
        Map<String, String> names = new HashMap<>();
        for (CSVRecord record : csv("/catalogue/r1-2025-disciplines.csv")) {
            discipline(Integer.parseInt(record.get("discipline_id").strip()))
                    .ifPresent(french -> names.put(record.get("discipline").strip(), french));
        }
        return Map.copyOf(names);
    }

    private static java.util.List<CSVRecord> csv(String resource) {
        try (InputStream in = FrenchNames.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException(resource + " is missing from the classpath");
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new InputStreamReader(in, StandardCharsets.UTF_8)).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

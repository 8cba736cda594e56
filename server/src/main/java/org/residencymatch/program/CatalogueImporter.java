package org.residencymatch.program;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.residencymatch.cycle.CycleRepository;
import org.residencymatch.audit.AuditLog;
import org.residencymatch.tabular.RowProblem;
import org.residencymatch.tabular.Table;
import org.residencymatch.text.TextPolicy;
import org.residencymatch.tabular.TableReadException;
import org.residencymatch.tabular.TableReader;
import org.residencymatch.tabular.TextKey;

/**
 * Imports a program catalogue in the format of the published 2025 R-1 list (CSV or Excel) into a
 * cycle. The whole file is checked before anything is written: an unknown stream name or faculty, a
 * missing column or a malformed row refuses the file with every problem found, and the database is
 * left as it was. Importing the same file again updates in place and never duplicates.
 */
public final class CatalogueImporter {

    static final String DISCIPLINE_ID = "discipline_id";
    static final String DISCIPLINE_NAME = "discipline_name";
    static final String PROGRAM_ID = "school_id";
    static final String FACULTY = "school_name";
    static final String STREAM_ID = "program_stream_id";
    static final String STREAM_LABEL = "program_stream_name";
    static final String SITE = "program_site";
    static final String STREAM_NAME = "program_stream";
    static final String URL = "program_url";
    static final String QUOTA = "quota";
    private static final List<String> REQUIRED = List.of(DISCIPLINE_ID, DISCIPLINE_NAME, PROGRAM_ID, FACULTY, STREAM_ID, SITE, STREAM_NAME);

    /** What an import did. */
    public record Summary(int rows, int created, int updated, int unchanged) {
    }

    /** One checked row, ready to be written. */
    record StreamRow(
            int disciplineId,
            String disciplineName,
            String programId,
            String facultyId,
            String site,
            String streamId,
            StreamNames.Meaning meaning,
            String streamName,
            Integer quota,
            String url) {
    }

    private final Jdbi jdbi;
    private final StreamNames streamNames;
    private final CycleRepository cycles;
    private final AuditLog auditLog;
    private final Clock clock;

    public CatalogueImporter(Jdbi jdbi, StreamNames streamNames, CycleRepository cycles, AuditLog auditLog, Clock clock) {
        this.jdbi = jdbi;
        this.streamNames = streamNames;
        this.cycles = cycles;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /**
     * Reads and checks the file, then imports it into {@code cycleId} in one transaction, creating
     * the cycle with the standard calendar if it does not exist yet.
     */
    public Summary importFile(String cycleId, String fileName, byte[] content, String actor) throws CatalogueImportException {
        Table table;
        try {
            table = TableReader.read(fileName, content);
        } catch (TableReadException e) {
            throw new CatalogueImportException(List.of(new RowProblem(fileName, 0, "", e.getMessage())));
        }
        List<StreamRow> rows = check(table, jdbi.withHandle(CatalogueImporter::facultiesByKey));
        return jdbi.inTransaction(h -> {
            cycles.createStandardIfMissing(h, cycleId, LocalDateTime.now(clock));
            return write(h, cycleId, rows, fileName, actor);
        });
    }

    private static Map<String, String> facultiesByKey(Handle handle) {
        Map<String, String> byKey = new HashMap<>();
        handle.createQuery("SELECT id, name, name_fr FROM faculty").map((rs, ctx) -> {
            byKey.put(TextKey.of(rs.getString("name")), rs.getString("id"));
            byKey.put(TextKey.of(rs.getString("name_fr")), rs.getString("id"));
            return null;
        }).list();
        return byKey;
    }

    List<StreamRow> check(Table table, Map<String, String> facultyIdsByKey) throws CatalogueImportException {
        String file = table.sourceName();
        List<RowProblem> problems = new ArrayList<>();
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < table.headers().size(); i++) columns.putIfAbsent(TextKey.of(table.headers().get(i)).replace(' ', '_'), i);
        for (String required : REQUIRED) {
            if (!columns.containsKey(required)) problems.add(new RowProblem(file, 1, required, "this column is missing"));
        }
        if (!problems.isEmpty()) throw new CatalogueImportException(problems);

        List<StreamRow> rows = new ArrayList<>();
        Map<String, Integer> rowOfStream = new HashMap<>();
        Map<String, StreamRow> firstRowOfProgram = new HashMap<>();
        for (Table.Row row : table.rows()) {
            int before = problems.size();
            var cells = new Cells(file, row, columns, problems);
            Integer disciplineId = cells.integer(DISCIPLINE_ID);
            String disciplineName = cells.required(DISCIPLINE_NAME);
            String programId = cells.identifier(PROGRAM_ID);
            String streamId = cells.identifier(STREAM_ID);
            String site = cells.required(SITE);
            String facultyName = cells.required(FACULTY);
            String facultyId = facultyName == null ? null : facultyIdsByKey.get(TextKey.of(facultyName));
            if (facultyName != null && facultyId == null) {
                cells.problem(FACULTY,
                        "unknown faculty \"" + facultyName + "\"; the known faculties are the 18 Canadian faculties of medicine");
            }
            String streamName = cells.required(STREAM_NAME);
            Optional<StreamNames.Meaning> meaning = streamName == null ? Optional.empty() : streamNames.meaningOf(streamName);
            if (streamName != null && meaning.isEmpty()) {
                cells.problem(STREAM_NAME,
                        "unknown stream name \"" + streamName + "\"; add it to program/stream-names.csv with its stream type");
            }
            Integer quota = columns.containsKey(QUOTA) ? cells.optionalQuota(QUOTA) : null;
            String label = cells.optional(STREAM_LABEL);
            if (streamId != null) {
                Integer earlier = rowOfStream.putIfAbsent(streamId, row.number());
                if (earlier != null) cells.problem(STREAM_ID, "program stream " + streamId + " already appears in row " + earlier);
            }
            if (problems.size() > before) continue;
            StreamRow parsed = new StreamRow(
                    disciplineId, disciplineName, programId, facultyId, site, streamId, meaning.get(),
                    label.isEmpty() ? streamName : label, quota, cells.optional(URL));
            StreamRow first = firstRowOfProgram.putIfAbsent(programId, parsed);
            if (first != null && (!first.facultyId().equals(facultyId) || first.disciplineId() != disciplineId)) {
                cells.problem(PROGRAM_ID,
                        "program " + programId + " has another faculty or discipline in row " + rowOfStream.get(first.streamId()));
                continue;
            }
            rows.add(parsed);
        }
        if (rows.isEmpty() && problems.isEmpty()) problems.add(new RowProblem(file, 0, "", "the file has a header but no program streams"));
        if (!problems.isEmpty()) throw new CatalogueImportException(problems);
        return rows;
    }

    private Summary write(Handle h, String cycleId, List<StreamRow> rows, String fileName, String actor) {
        Map<Integer, String> disciplines = new LinkedHashMap<>();
        Map<String, StreamRow> programs = new LinkedHashMap<>();
        for (StreamRow row : rows) {
            disciplines.putIfAbsent(row.disciplineId(), row.disciplineName());
            programs.putIfAbsent(row.programId(), row);
        }
        Map<Integer, String> knownDisciplines = new HashMap<>();
        h.createQuery("SELECT id, name FROM discipline").map((rs, ctx) -> knownDisciplines.put(rs.getInt(1), rs.getString(2))).list();
        disciplines.forEach((id, name) -> {
            if (!knownDisciplines.containsKey(id)) {
                h.execute("INSERT INTO discipline (id, name) VALUES (?, ?)", id, name);
            } else if (!knownDisciplines.get(id).equals(name)) {
                h.execute("UPDATE discipline SET name = ? WHERE id = ?", name, id);
            }
        });
        var knownPrograms = h.createQuery("SELECT id FROM program WHERE cycle_id = :cycle")
                .bind("cycle", cycleId).mapTo(String.class).set();
        for (StreamRow p : programs.values()) {
            if (knownPrograms.contains(p.programId())) {
                h.execute("UPDATE program SET faculty_id = ?, discipline_id = ? WHERE cycle_id = ? AND id = ?",
                        p.facultyId(), p.disciplineId(), cycleId, p.programId());
            } else {
                h.execute("INSERT INTO program (cycle_id, id, faculty_id, discipline_id) VALUES (?, ?, ?, ?)",
                        cycleId, p.programId(), p.facultyId(), p.disciplineId());
            }
        }
        Map<String, StoredStream> known = new HashMap<>();
        h.createQuery("SELECT id, program_id, site, stream_name, stream_type, return_of_service, includes_military, quota, url "
                + "FROM program_stream WHERE cycle_id = :cycle")
                .bind("cycle", cycleId)
                .map((rs, ctx) -> known.put(rs.getString("id"), new StoredStream(
                        rs.getString("program_id"), rs.getString("site"), rs.getString("stream_name"), rs.getString("stream_type"),
                        rs.getBoolean("return_of_service"), rs.getBoolean("includes_military"), rs.getInt("quota"), rs.getString("url"))))
                .list();
        int created = 0, updated = 0, unchanged = 0;
        var insert = h.prepareBatch("INSERT INTO program_stream (cycle_id, id, program_id, site, stream_name, stream_type, "
                + "return_of_service, includes_military, quota, url) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        var update = h.prepareBatch("UPDATE program_stream SET program_id = ?, site = ?, stream_name = ?, stream_type = ?, "
                + "return_of_service = ?, includes_military = ?, quota = ?, url = ? WHERE cycle_id = ? AND id = ?");
        for (StreamRow r : rows) {
            StoredStream before = known.get(r.streamId());
            // Without a quota column, a stream keeps the quota it has (new streams start at 0).
            int quota = r.quota() != null ? r.quota() : before != null ? before.quota() : 0;
            StoredStream after = new StoredStream(r.programId(), r.site(), r.streamName(), r.meaning().type().name(),
                    r.meaning().returnOfService(), r.meaning().includesMilitary(), quota, r.url().isEmpty() ? null : r.url());
            if (before == null) {
                insert.add(cycleId, r.streamId(), after.programId(), after.site(), after.streamName(), after.streamType(),
                        after.returnOfService(), after.includesMilitary(), after.quota(), after.url());
                created++;
            } else if (!before.equals(after)) {
                update.add(after.programId(), after.site(), after.streamName(), after.streamType(), after.returnOfService(),
                        after.includesMilitary(), after.quota(), after.url(), cycleId, r.streamId());
                updated++;
            } else {
                unchanged++;
            }
        }
        if (created > 0) insert.execute();
        if (updated > 0) update.execute();
        Summary summary = new Summary(rows.size(), created, updated, unchanged);
        auditLog.record(h, actor, "programs.import", "cycle:" + cycleId,
                fileName + ": " + summary.rows() + " rows, " + created + " created, " + updated + " updated, " + unchanged + " unchanged");
        return summary;
    }

    private record StoredStream(String programId, String site, String streamName, String streamType, boolean returnOfService,
            boolean includesMilitary, int quota, String url) {
    }

    /** Reads the cells of one row by column name, collecting problems instead of failing on the first. */
    private static final class Cells {
        private final String file;
        private final Table.Row row;
        private final Map<String, Integer> columns;
        private final List<RowProblem> problems;

        Cells(String file, Table.Row row, Map<String, Integer> columns, List<RowProblem> problems) {
            this.file = file;
            this.row = row;
            this.columns = columns;
            this.problems = problems;
        }

        void problem(String column, String reason) {
            problems.add(new RowProblem(file, row.number(), column, reason));
        }

        /** The cell through the one text policy (as every typed field and every list cell): refused, or normalised. */
        String optional(String column) {
            Integer index = columns.get(column);
            if (index == null) return "";
            TextPolicy.Decision decision = TextPolicy.decide(TextPolicy.Field.LINE, row.cell(index));
            if (decision instanceof TextPolicy.Refused refused) {
                problem(column, (TextPolicy.DIRECTION_OVERRIDE.equals(refused.reasonKey())
                        ? "holds an invisible character that reverses the direction of the text ("
                        : "holds an invisible control character (")
                        + refused.character() + "); retype it");
                return row.cell(index);
            }
            return ((TextPolicy.Accepted) decision).text();
        }

        String required(String column) {
            String value = optional(column);
            if (value.isEmpty()) {
                problem(column, "empty; a value is required");
                return null;
            }
            return value;
        }

        String identifier(String column) {
            String value = required(column);
            if (value != null && !value.matches("[0-9A-Za-z_-]{1,40}")) {
                problem(column, "\"" + value + "\" is not an identifier (letters, digits, '-' or '_', at most 40)");
                return null;
            }
            return value;
        }

        Integer integer(String column) {
            String value = required(column);
            if (value == null) return null;
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                problem(column, "\"" + value + "\" is not a whole number");
                return null;
            }
        }

        Integer optionalQuota(String column) {
            String value = optional(column);
            if (value.isEmpty()) return null;
            try {
                int quota = Integer.parseInt(value);
                if (quota >= 0) return quota;
            } catch (NumberFormatException e) {
                // reported below
            }
            problem(column, "\"" + value + "\" is not a quota (a whole number, 0 or more)");
            return null;
        }
    }
}

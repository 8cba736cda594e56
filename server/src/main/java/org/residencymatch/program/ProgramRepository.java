package org.residencymatch.program;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Reads the program catalogue of a cycle. */
public final class ProgramRepository {

    private static final String SELECT = "SELECT s.id, s.program_id, p.faculty_id, f.name AS faculty_name, f.name_fr AS faculty_name_fr, "
            + "f.province, p.discipline_id, d.name AS discipline_name, s.site, s.stream_name, s.stream_type, s.return_of_service, "
            + "s.includes_military, s.quota, s.url FROM program_stream s "
            + "JOIN program p ON p.cycle_id = s.cycle_id AND p.id = s.program_id "
            + "JOIN faculty f ON f.id = p.faculty_id JOIN discipline d ON d.id = p.discipline_id ";

    /** Every stream of the cycle, ordered by discipline, faculty, site and stream. */
    public List<ProgramStream> streams(Handle h, String cycleId) {
        return h.createQuery(SELECT + "WHERE s.cycle_id = :cycle ORDER BY d.name, f.name, s.site, s.stream_name, s.id")
                .bind("cycle", cycleId).map((rs, ctx) -> stream(rs)).list();
    }

    public Optional<ProgramStream> stream(Handle h, String cycleId, String streamId) {
        return h.createQuery(SELECT + "WHERE s.cycle_id = :cycle AND s.id = :id")
                .bind("cycle", cycleId).bind("id", streamId).map((rs, ctx) -> stream(rs)).findOne();
    }

    public void setQuota(Handle h, String cycleId, String streamId, int quota) {
        h.execute("UPDATE program_stream SET quota = ? WHERE cycle_id = ? AND id = ?", quota, cycleId, streamId);
    }

    private static ProgramStream stream(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ProgramStream(rs.getString("id"), rs.getString("program_id"), rs.getString("faculty_id"),
                rs.getString("faculty_name"), rs.getString("faculty_name_fr"), Province.valueOf(rs.getString("province").trim()),
                rs.getInt("discipline_id"), rs.getString("discipline_name"), rs.getString("site"), rs.getString("stream_name"),
                StreamType.valueOf(rs.getString("stream_type")), rs.getBoolean("return_of_service"),
                rs.getBoolean("includes_military"), rs.getInt("quota"), rs.getString("url"));
    }
}

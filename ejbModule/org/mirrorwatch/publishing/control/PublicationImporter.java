package org.mirrorwatch.publishing.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.sql.DataSource;
import org.mirrorwatch.publishing.entity.PublicationKind;

/**
 * Writes a checked batch of publications in a few statements, whatever its size: each column goes to
 * PostgreSQL as one array and is unnested there. Publications are upserted on their key, so a replayed
 * batch changes nothing; only a changed status or date updates a row. Files are added to new
 * publications and never duplicated. It runs in the caller's transaction.
 */
@ApplicationScoped
public class PublicationImporter {

    private static final String UPSERT = """
            WITH input AS (
                SELECT * FROM unnest(?::bigint[], ?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[],
                                     ?::text[])
                    AS t(target_id, pocket, component_id, name, version, source_name, status, date_published)
            ), changed AS (
                INSERT INTO %1$s AS p (%2$s, pocket, component_id, %3$s, version, %4$s status, date_published)
                SELECT target_id, pocket, component_id, name, version, %5$s status, date_published::timestamptz
                FROM input
                ON CONFLICT ON CONSTRAINT %1$s_key DO UPDATE
                    SET status = EXCLUDED.status, date_published = EXCLUDED.date_published
                    WHERE p.status IS DISTINCT FROM EXCLUDED.status
                       OR p.date_published IS DISTINCT FROM EXCLUDED.date_published
                RETURNING (xmax = 0) AS inserted
            )
            SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM changed""";

    private static final String ADD_FILES = """
            INSERT INTO %4$s (publication_id, filename, file_type)
            SELECT p.id, f.filename, f.file_type
            FROM unnest(?::bigint[], ?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[])
                AS f(target_id, pocket, component_id, name, version, filename, file_type)
            JOIN %1$s p ON p.%3$s = f.name AND p.version = f.version AND p.%2$s = f.target_id
                       AND p.pocket = f.pocket AND p.component_id = f.component_id
            ON CONFLICT (publication_id, filename) DO NOTHING""";

    @Resource(lookup = "java:comp/env/jdbc/mirrorwatch")
    DataSource dataSource;

    /** Counts of one kind's write: created, updated (status or date), and files added. */
    public record Written(int created, int updated, int filesAdded) {
    }

    public Written write(PublicationKind kind, List<ResolvedPublication> publications) throws SQLException {
        if (publications.isEmpty()) {
            return new Written(0, 0, 0);
        }
        boolean source = kind == PublicationKind.SOURCE;
        String table = source ? "source_package_publication" : "binary_package_publication";
        String target = source ? "distro_release_id" : "distro_arch_release_id";
        String name = source ? "source_package_name" : "binary_package_name";
        try (Connection connection = dataSource.getConnection()) {
            int created;
            int updated;
            try (PreparedStatement upsert = connection.prepareStatement(UPSERT.formatted(table, target, name,
                    source ? "" : "source_package_name,", source ? "" : "source_name,"))) {
                bind(connection, upsert, publications, List.of(
                        p -> p.targetId(), p -> p.pocket().name(), p -> p.componentId(), ResolvedPublication::name,
                        ResolvedPublication::version, ResolvedPublication::sourceName, p -> p.status().name(),
                        p -> p.datePublished() == null ? null : p.datePublished().toString()),
                        new String[] {"bigint", "text", "bigint", "text", "text", "text", "text", "text"});
                try (ResultSet counts = upsert.executeQuery()) {
                    counts.next();
                    created = counts.getInt(1);
                    updated = counts.getInt(2);
                }
            }
            List<Object[]> files = new ArrayList<>();
            for (ResolvedPublication publication : publications) {
                for (ResolvedPublication.File file : publication.files()) {
                    files.add(new Object[] {publication.targetId(), publication.pocket().name(),
                            publication.componentId(), publication.name(), publication.version(), file.filename(),
                            file.type().name()});
                }
            }
            int filesAdded = 0;
            if (!files.isEmpty()) {
                String fileTable = source ? "source_package_file" : "binary_package_file";
                try (PreparedStatement add = connection.prepareStatement(ADD_FILES.formatted(table, target, name,
                        fileTable))) {
                    String[] types = {"bigint", "text", "bigint", "text", "text", "text", "text"};
                    for (int column = 0; column < types.length; column++) {
                        int index = column;
                        add.setArray(column + 1, array(connection, types[column],
                                files.stream().map(row -> row[index]).toArray()));
                    }
                    filesAdded = add.executeUpdate();
                }
            }
            return new Written(created, updated, filesAdded);
        }
    }

    private static void bind(Connection connection, PreparedStatement statement, List<ResolvedPublication> rows,
            List<Function<ResolvedPublication, Object>> columns, String[] types) throws SQLException {
        for (int column = 0; column < columns.size(); column++) {
            statement.setArray(column + 1, array(connection, types[column],
                    rows.stream().map(columns.get(column)).toArray()));
        }
    }

    private static Array array(Connection connection, String type, Object[] values) throws SQLException {
        return connection.createArrayOf(type, values);
    }
}

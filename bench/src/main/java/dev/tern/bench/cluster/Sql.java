package dev.tern.bench.cluster;

import dev.tern.bench.BenchFailure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Read-only queries on the cluster's database, one short connection each, so a query after a
 * database restart simply connects again.
 */
final class Sql {

  private final ClusterDatabase database;

  Sql(ClusterDatabase database) {
    this.database = database;
  }

  long count(String sql, Object... args) {
    List<List<String>> rows = rows(sql, args);
    return rows.isEmpty() ? 0 : Long.parseLong(rows.get(0).get(0));
  }

  /** Every row, each column as text. */
  List<List<String>> rows(String sql, Object... args) {
    try (Connection connection =
            DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        statement.setObject(i + 1, args[i]);
      }
      List<List<String>> rows = new ArrayList<>();
      try (ResultSet result = statement.executeQuery()) {
        int columns = result.getMetaData().getColumnCount();
        while (result.next()) {
          List<String> row = new ArrayList<>(columns);
          for (int c = 1; c <= columns; c++) {
            row.add(result.getString(c));
          }
          rows.add(row);
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new BenchFailure("query failed: " + sql + ": " + e.getMessage(), e);
    }
  }
}

package cn.civicloop.shared;

import java.util.List;
import java.util.Map;

/**
 * A module's declaration of the columns of one of its tables that hold personal data sealed by
 * {@link PersonalDataCipher}. The security module's batch reads these beans to seal rows written before sealing
 * existed and to re-seal rows under a new key after a rotation, in keyset-paged batches.
 *
 * @param table       the table (owned by the declaring module)
 * @param idColumn    its numeric key, walked in ascending order
 * @param columns     the sealed columns
 * @param phoneHashes phone column → column holding its keyed hash ({@link PersonalDataCipher#phoneHash})
 */
public record SealedColumns(String table, String idColumn, List<String> columns, Map<String, String> phoneHashes) {

    public SealedColumns {
        columns = List.copyOf(columns);
        phoneHashes = Map.copyOf(phoneHashes);
        for (String name : columns) {
            if (!name.matches("[a-z_]+")) {
                throw new IllegalArgumentException("not a column name: " + name);
            }
        }
        if (!table.matches("[a-z_]+") || !idColumn.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a table or column name: " + table + "." + idColumn);
        }
        for (var e : phoneHashes.entrySet()) {
            if (!columns.contains(e.getKey()) || !e.getValue().matches("[a-z_]+")) {
                throw new IllegalArgumentException("hash of an undeclared column: " + e);
            }
        }
    }
}

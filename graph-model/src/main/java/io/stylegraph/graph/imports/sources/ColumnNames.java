package io.stylegraph.graph.imports.sources;

/** Source column names (snake_case) and the attribute names Stylegraph stores (camelCase). */
final class ColumnNames {
    private ColumnNames() {
    }

    /** {@code product_group_name} → {@code productGroupName}; names without underscores are returned as they are. */
    static String camelCase(String column) {
        StringBuilder out = new StringBuilder(column.length());
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}

package io.stylegraph.training.data;

import java.util.ArrayList;
import java.util.List;

/** Splits one RFC 4180 CSV line (no line breaks inside fields): fields in double quotes may hold commas and "". */
final class CsvLine {

    private CsvLine() {
    }

    /** The fields of the line, or null when its quotes do not close. */
    static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean afterQuote = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                        afterQuote = true;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                afterQuote = false;
            } else if (c == '"' && field.length() == 0 && !afterQuote) {
                quoted = true;
            } else if (afterQuote) {
                return null; // text after a closing quote
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            return null;
        }
        fields.add(field.toString());
        return fields;
    }
}
